package dev.lambdasim.workload.trace;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the Azure 2019 side files give a fleet's functions when its template says
 * {@code from: trace}: each function's duration percentiles and each app's allocated memory.
 * Each file is read once, streaming, for all the fleet's functions; only the rows of the
 * wanted keys are kept (and checked), so what is held is one entry per function or app.
 */
public final class FleetTraceData {

  /** The columns of {@code app_memory_percentiles.anon.dXX.csv} after HashOwner, HashApp and SampleCount. */
  public enum MemoryStatistic {
    AVERAGE("average", "AverageAllocatedMb"),
    P1("p1", "AverageAllocatedMb_pct1"),
    P5("p5", "AverageAllocatedMb_pct5"),
    P25("p25", "AverageAllocatedMb_pct25"),
    P50("p50", "AverageAllocatedMb_pct50"),
    P75("p75", "AverageAllocatedMb_pct75"),
    P95("p95", "AverageAllocatedMb_pct95"),
    P99("p99", "AverageAllocatedMb_pct99"),
    P100("p100", "AverageAllocatedMb_pct100");

    private final String label;
    private final String column;

    MemoryStatistic(String label, String column) {
      this.label = label;
      this.column = column;
    }

    public String label() {
      return label;
    }

    public String column() {
      return column;
    }
  }

  /** The probabilities of the duration file's percentile columns. */
  public static final List<Double> DURATION_PROBABILITIES = List.of(0.0, 0.01, 0.25, 0.5, 0.75, 0.99, 1.0);

  private FleetTraceData() {}

  /**
   * Reads the duration percentiles (nanoseconds, p0, p1, p25, p50, p75, p99, p100) of the
   * functions {@code ids} ({@code HashOwner/HashApp/HashFunction}) from a
   * {@code function_durations_percentiles} file. A wanted row that is malformed, decreasing
   * or given twice stops the load ({@link TraceException}, located); ids without a row are
   * simply absent from the result.
   */
  public static Map<String, long[]> durations(Path file, String shown, Set<String> ids) {
    Map<String, long[]> out = new HashMap<>();
    Map<String, Long> lineOf = new HashMap<>();
    try (LineSource lines = LineSource.open(file, shown)) {
      List<String> header = Headers.read(lines);
      int[] c = DurationPercentiles.columns(shown, header);
      CsvRow row = new CsvRow(header.size());
      String line;
      while ((line = lines.nextRow()) != null) {
        int n = row.split(line);
        if (n <= c[2]) {
          continue;
        }
        String id = row.field(c[0]) + "/" + row.field(c[1]) + "/" + row.field(c[2]);
        if (!ids.contains(id)) {
          continue; // another function's row: only its key is read
        }
        if (lineOf.containsKey(id)) {
          throw new TraceException(shown, lines.line(), "function " + id + " has a second row "
              + "(the first is line " + lineOf.get(id) + "); its durations would be ambiguous");
        }
        if (n != header.size()) {
          throw new TraceException(shown, lines.line(), "the row has " + n + " fields, the header " + header.size());
        }
        out.put(id, DurationPercentiles.values(row, c, shown, lines.line()));
        lineOf.put(id, lines.line());
      }
    }
    return out;
  }

  /**
   * Reads the allocated memory in MB ({@code statistic}) of the apps {@code apps}
   * ({@code HashOwner/HashApp}) from an {@code app_memory_percentiles} file. A wanted row that
   * is malformed or given twice stops the load ({@link TraceException}, located); apps without
   * a row are absent from the result.
   */
  public static Map<String, Double> memory(Path file, String shown, MemoryStatistic statistic,
      Set<String> apps) {
    Map<String, Double> out = new HashMap<>();
    Map<String, Long> lineOf = new HashMap<>();
    try (LineSource lines = LineSource.open(file, shown)) {
      List<String> header = Headers.read(lines);
      int owner = Headers.require(shown, header, "HashOwner", "azure-2019 memory");
      int app = Headers.require(shown, header, "HashApp", "azure-2019 memory");
      int value = Headers.require(shown, header, statistic.column(), "azure-2019 memory (memoryStatistic "
          + statistic.label() + ")");
      CsvRow row = new CsvRow(header.size());
      String line;
      while ((line = lines.nextRow()) != null) {
        int n = row.split(line);
        if (n <= Math.max(owner, app)) {
          continue;
        }
        String key = row.field(owner) + "/" + row.field(app);
        if (!apps.contains(key)) {
          continue;
        }
        if (lineOf.containsKey(key)) {
          throw new TraceException(shown, lines.line(), "app " + key + " has a second row (the "
              + "first is line " + lineOf.get(key) + "); its memory would be ambiguous");
        }
        if (n != header.size()) {
          throw new TraceException(shown, lines.line(), "the row has " + n + " fields, the header " + header.size());
        }
        double mb;
        try {
          mb = Double.parseDouble(row.field(value));
        } catch (NumberFormatException e) {
          mb = Double.NaN;
        }
        if (!(mb >= 0) || Double.isInfinite(mb)) {
          throw new TraceException(shown, lines.line(), statistic.column() + " '" + row.field(value)
              + "' is not a number of MB >= 0");
        }
        out.put(key, mb);
        lineOf.put(key, lines.line());
      }
    }
    return out;
  }

  /**
   * Returns the Lambda memory size for an allocation of {@code mb}: rounded up to a whole MB
   * (Lambda takes any whole MB), at least 128 and at most 10240.
   */
  public static int lambdaMemoryMb(double mb) {
    return (int) Math.min(10240, Math.max(128, Math.ceil(mb)));
  }
}
