package dev.lambdasim.workload.trace;

import dev.lambdasim.spec.TraceOptions;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * {@code azure-2019}: a day file of the Azure Functions 2019 trace,
 * {@code HashOwner,HashApp,HashFunction,Trigger,1,...,1440}, with one row per function and the
 * invocation count of each minute of the day. {@code function} selects one row by
 * {@code HashFunction}, {@code HashApp/HashFunction} or {@code HashOwner/HashApp/HashFunction};
 * without it, the counts of all rows are added up.
 *
 * <p>When the run starts, the whole file is read once to find the row (a bare hash that
 * matches rows of two apps is an error, not a guess) and to keep its 1,440 counts; then each
 * minute's count is spread within it by a {@link PeriodSpreader}. What is held is those 1,440
 * counts, whatever the file's length. Only selected rows are checked in full; a
 * {@code function} that matches no row stops the run, naming the closest id.
 *
 * <p>With {@code durations}, the function's row of the matching duration-percentile file
 * drives each arrival's handler time ({@link DurationPercentiles}).
 */
final class Azure2019Reader implements TraceReader {

  static final int MINUTES = 1440;

  /** The key columns, and the selector forms they allow: the last one, two or three. */
  static final ClosestId.Key KEY = new ClosestId.Key(List.of("HashOwner", "HashApp", "HashFunction"), true);
  private static final long MINUTE_NANOS = 60_000_000_000L;
  private static final long DAY_NANOS = MINUTES * MINUTE_NANOS;

  private final long[] counts = new long[MINUTES];
  private final long dayStart;
  private final PeriodSpreader spreader;
  private final DurationPercentiles durations;
  private int minute = -1;
  private long duration = NO_DURATION;

  Azure2019Reader(TraceOptions options, RandomGenerator random, BadRows badRows) {
    this.dayStart = (options.day() - 1) * DAY_NANOS;
    // Durations draw from a stream seeded first, so they never shift the spreading's draws.
    this.durations = options.durationsFile() == null ? null : DurationPercentiles.read(options,
        wanted(options), new dev.lambdasim.random.Xoshiro256StarStar(random.nextLong()));
    this.spreader = new PeriodSpreader(options.within(), random);
    try (LineSource lines = LineSource.open(options.file(), options.shownFile())) {
      read(lines, options, badRows);
    }
  }

  private static String[] wanted(TraceOptions options) {
    return options.function() == null ? null : options.function().split("/", -1);
  }

  /** Returns the indices of HashOwner, HashApp, HashFunction, then minutes 1..1440. */
  static int[] columns(TraceOptions options, List<String> header) {
    int[] c = new int[3 + MINUTES];
    String shown = options.shownFile();
    c[0] = Headers.require(shown, header, "HashOwner", "azure-2019");
    c[1] = Headers.require(shown, header, "HashApp", "azure-2019");
    c[2] = Headers.require(shown, header, "HashFunction", "azure-2019");
    for (int m = 1; m <= MINUTES; m++) {
      c[2 + m] = Headers.require(shown, header, Integer.toString(m), "azure-2019");
    }
    return c;
  }

  private void read(LineSource lines, TraceOptions options, BadRows badRows) {
    List<String> header = Headers.read(lines);
    int[] c = columns(options, header);
    String[] wanted = wanted(options);
    if (wanted != null && wanted.length > 3) {
      throw new TraceException(options.shownFile(), 0, "function '" + options.function()
          + "' has more than 3 parts; write HashFunction, HashApp/HashFunction or "
          + "HashOwner/HashApp/HashFunction");
    }
    CsvRow row = new CsvRow(header.size());
    long[] rowCounts = new long[MINUTES];
    long matchedLine = 0;
    String matchedKey = null;
    long matchedRows = 0;
    long rows = 0;
    String line;
    while ((line = lines.nextRow(badRows)) != null) {
      rows++;
      int n = row.split(line);
      long lineNumber = lines.line();
      if (n != header.size()) {
        if (n > c[2] && !matches(row, c, wanted)) {
          continue; // another function's row: only its key is read
        }
        matchedRows++;
        badRows.bad(lineNumber, "the row has " + n + " fields, the header " + header.size());
        continue;
      }
      if (!matches(row, c, wanted)) {
        continue;
      }
      matchedRows++;
      String key = row.field(c[0]) + "/" + row.field(c[1]) + "/" + row.field(c[2]);
      if (!counts(row, c, rowCounts, lineNumber, badRows)) {
        continue;
      }
      if (wanted != null && matchedKey != null) {
        throw new TraceException(options.shownFile(), lineNumber, "function '" + options.function()
            + "' matches this row (" + key + ") and line " + matchedLine + " (" + matchedKey
            + "); name it by HashOwner/HashApp/HashFunction");
      }
      matchedKey = key;
      matchedLine = lineNumber;
      for (int m = 0; m < MINUTES; m++) {
        counts[m] += rowCounts[m];
      }
    }
    if (wanted != null && matchedRows == 0) {
      throw new TraceException(options.shownFile(), 0, "no row for function '" + options.function()
          + "' among " + rows + " rows"
          + ClosestId.hint(options.file(), options.shownFile(), options.function(), KEY)
          + " (function: HashFunction, HashApp/HashFunction or HashOwner/HashApp/HashFunction)");
    }
    for (int m = 0; m < MINUTES; m++) {
      // Only the sum of every row (no function) can get here above the maximum.
      if (counts[m] > TraceLimits.INVOCATIONS_PER_MINUTE) {
        throw new TraceException(options.shownFile(), 0, "minute " + (m + 1) + ": the rows add up "
            + "to " + counts[m] + " invocations, more than one function may have ("
            + TraceLimits.allowedInvocations(MINUTE_NANOS) + "); choose one with function:");
      }
    }
  }

  /**
   * Reads the 1,440 minute counts of {@code row} into {@code out}; returns false after
   * reporting the first that is not a count or is above {@link TraceLimits#INVOCATIONS_PER_MINUTE}.
   */
  static boolean counts(CsvRow row, int[] c, long[] out, long lineNumber, BadRows badRows) {
    for (int m = 0; m < MINUTES; m++) {
      long count = row.count(c[3 + m]);
      if (count < 0) {
        badRows.bad(lineNumber, "minute " + (m + 1) + ": '" + row.field(c[3 + m])
            + "' is not a count (an integer >= 0)");
        return false;
      }
      if (count > TraceLimits.INVOCATIONS_PER_MINUTE) {
        badRows.bad(lineNumber, "minute " + (m + 1) + ": count " + row.field(c[3 + m])
            + " is out of range (" + TraceLimits.allowedInvocations(MINUTE_NANOS) + ")");
        return false;
      }
      out[m] = count;
    }
    return true;
  }

  /** Returns whether the row's key ends with the wanted parts (all rows match when none are). */
  static boolean matches(CsvRow row, int[] c, String[] wanted) {
    if (wanted == null) {
      return true;
    }
    for (int i = 0; i < wanted.length; i++) {
      if (!row.fieldEquals(c[3 - wanted.length + i], wanted[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public long nextInstantNanos() {
    while (!spreader.hasNext()) {
      if (++minute >= MINUTES) {
        minute = MINUTES;
        return END;
      }
      spreader.begin(dayStart + minute * MINUTE_NANOS, MINUTE_NANOS, counts[minute]);
    }
    duration = durations == null ? NO_DURATION : durations.sampleNanos();
    return spreader.next();
  }

  @Override
  public long durationNanos() {
    return duration;
  }

  @Override
  public void close() {
    // The file was closed once its counts were read.
  }
}
