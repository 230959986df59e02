package dev.lambdasim.workload.trace;

import dev.lambdasim.spec.TraceOptions;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The duration percentiles of one function from an Azure 2019 duration file
 * ({@code HashOwner,HashApp,HashFunction,Average,Count,Minimum,Maximum,percentile_Average_0,
 * _1, _25, _50, _75, _99, _100}, milliseconds), drawn as a piecewise-linear inverse CDF through
 * (0, p0), (0.01, p1), (0.25, p25), (0.5, p50), (0.75, p75), (0.99, p99), (1, p100), as the
 * {@code percentiles} distribution does.
 */
final class DurationPercentiles {

  static final String[] COLUMNS = {"percentile_Average_0", "percentile_Average_1",
      "percentile_Average_25", "percentile_Average_50", "percentile_Average_75",
      "percentile_Average_99", "percentile_Average_100"};
  private static final double[] PROBABILITIES = {0, 0.01, 0.25, 0.5, 0.75, 0.99, 1};
  private static final long MS = 1_000_000L;

  private final long[] valuesNanos;
  private final RandomGenerator random;

  private DurationPercentiles(long[] valuesNanos, RandomGenerator random) {
    this.valuesNanos = valuesNanos;
    this.random = random;
  }

  /** Returns the indices of HashOwner, HashApp, HashFunction and the percentile columns. */
  static int[] columns(String shown, List<String> header) {
    int[] c = new int[3 + COLUMNS.length];
    c[0] = Headers.require(shown, header, "HashOwner", "azure-2019 durations");
    c[1] = Headers.require(shown, header, "HashApp", "azure-2019 durations");
    c[2] = Headers.require(shown, header, "HashFunction", "azure-2019 durations");
    for (int i = 0; i < COLUMNS.length; i++) {
      c[3 + i] = Headers.require(shown, header, COLUMNS[i], "azure-2019 durations");
    }
    return c;
  }

  /**
   * Reads the row of {@code wanted} (key parts as in {@link Azure2019Reader}); a missing,
   * ambiguous or malformed row stops the run, since the function's handler time depends on it.
   */
  static DurationPercentiles read(TraceOptions options, String[] wanted, RandomGenerator random) {
    String shown = options.durationsShown();
    try (LineSource lines = LineSource.open(options.durationsFile(), shown)) {
      List<String> header = Headers.read(lines);
      int[] c = columns(shown, header);
      CsvRow row = new CsvRow(header.size());
      long[] found = null;
      long foundLine = 0;
      String line;
      while ((line = lines.nextRow()) != null) {
        int n = row.split(line);
        if (n <= c[2] || !Azure2019Reader.matches(row, c, wanted)) {
          continue;
        }
        if (found != null) {
          throw new TraceException(shown, lines.line(), "function '" + options.function()
              + "' matches this row and line " + foundLine + "; name it by HashOwner/HashApp/HashFunction");
        }
        if (n != header.size()) {
          throw new TraceException(shown, lines.line(), "the row has " + n + " fields, the header " + header.size());
        }
        found = values(row, c, shown, lines.line());
        foundLine = lines.line();
      }
      if (found == null) {
        throw new TraceException(shown, 0, "no row for function '" + options.function() + "'");
      }
      return new DurationPercentiles(found, random);
    }
  }

  /**
   * Returns the percentiles of a row in nanoseconds (columns as {@link #columns} gives them), or
   * throws, located, at the first that is not a duration in ms >= 0 and >= the one before it.
   */
  static long[] values(CsvRow row, int[] c, String shown, long line) {
    long[] values = new long[COLUMNS.length];
    for (int i = 0; i < COLUMNS.length; i++) {
      long v = row.nanos(c[3 + i], MS);
      if (v == CsvRow.OUT_OF_RANGE && !row.field(c[3 + i]).startsWith("-")) {
        throw new TraceException(shown, line, COLUMNS[i] + " '" + row.field(c[3 + i])
            + "' is out of range (allowed: 0 to " + Long.MAX_VALUE / MS + " ms)");
      }
      if (v == CsvRow.MALFORMED || v < 0 || (i > 0 && v < values[i - 1])) {
        throw new TraceException(shown, line, COLUMNS[i] + " '" + row.field(c[3 + i])
            + "' is not a duration in ms >= 0 and >= the percentile before it");
      }
      values[i] = v;
    }
    return values;
  }

  /** Returns a handler time drawn from the percentiles. */
  long sampleNanos() {
    double u = random.nextDouble();
    int i = 0;
    while (i < PROBABILITIES.length - 2 && PROBABILITIES[i + 1] <= u) {
      i++;
    }
    double fraction = (u - PROBABILITIES[i]) / (PROBABILITIES[i + 1] - PROBABILITIES[i]);
    return Math.round(valuesNanos[i] + fraction * (valuesNanos[i + 1] - valuesNanos[i]));
  }
}
