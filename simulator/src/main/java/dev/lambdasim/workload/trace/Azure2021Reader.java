package dev.lambdasim.workload.trace;

import dev.lambdasim.spec.TraceOptions;

import java.util.List;

/**
 * {@code azure-2021}: the Azure Functions invocation trace 2021, {@code app,func,end_timestamp,
 * duration} (seconds). Each row is one invocation that starts at end_timestamp − duration; the
 * file is ordered by that start, which is checked for the selected rows. {@code function}
 * selects {@code app/func}, every function of {@code app}, or (absent) all rows. Rows of other
 * functions are only split, not checked. A {@code function} that matches no row stops the run
 * when the replay reaches the end of the file (which, matching nothing, it does at its first
 * pull), naming the closest id.
 */
final class Azure2021Reader implements TraceReader {

  private static final long SECOND = 1_000_000_000L;

  /** The key columns, and the selector forms they allow: app, app/func. */
  static final ClosestId.Key KEY = new ClosestId.Key(List.of("app", "func"), false);

  private final TraceOptions options;
  private final LineSource lines;
  private final BadRows badRows;
  private final CsvRow row;
  private final int app;
  private final int func;
  private final int end;
  private final int durationIndex;
  private final String wantedApp;
  private final String wantedFunc;
  private final int fields;
  private long previous = Long.MIN_VALUE;
  private long previousLine;
  private long duration = NO_DURATION;
  private long rows;
  private long selected;

  Azure2021Reader(TraceOptions options, BadRows badRows) {
    this.options = options;
    this.lines = LineSource.open(options.file(), options.shownFile());
    try {
      List<String> header = Headers.read(lines);
      int[] c = columns(options, header);
      app = c[0];
      func = c[1];
      end = c[2];
      durationIndex = c[3];
      fields = header.size();
    } catch (RuntimeException e) {
      lines.close();
      throw e;
    }
    this.badRows = badRows;
    String f = options.function();
    int slash = f == null ? -1 : f.indexOf('/');
    this.wantedApp = f == null ? null : slash < 0 ? f : f.substring(0, slash);
    this.wantedFunc = slash < 0 ? null : f.substring(slash + 1);
    this.row = new CsvRow(fields);
  }

  /** Returns the indices of app, func, end_timestamp, duration, or throws naming the missing one. */
  static int[] columns(TraceOptions options, List<String> header) {
    String shown = options.shownFile();
    return new int[] {Headers.require(shown, header, "app", "azure-2021"),
        Headers.require(shown, header, "func", "azure-2021"),
        Headers.require(shown, header, "end_timestamp", "azure-2021"),
        Headers.require(shown, header, "duration", "azure-2021")};
  }

  @Override
  public long nextInstantNanos() {
    String line;
    while ((line = lines.nextRow(badRows)) != null) {
      rows++;
      int n = row.split(line);
      long lineNumber = lines.line();
      if (n != fields) {
        badRows.bad(lineNumber, "the row has " + n + " fields, the header " + fields);
        continue;
      }
      if ((wantedApp != null && !row.fieldEquals(app, wantedApp))
          || (wantedFunc != null && !row.fieldEquals(func, wantedFunc))) {
        continue;
      }
      selected++;
      long endNanos = seconds(lineNumber, "end_timestamp", end);
      long d = endNanos < 0 ? -1 : seconds(lineNumber, "duration", durationIndex);
      if (d < 0) {
        continue;
      }
      long start = endNanos - d;
      if (start < 0) {
        badRows.bad(lineNumber, "the invocation starts before the trace: end_timestamp "
            + row.field(end) + " - duration " + row.field(durationIndex) + " < 0");
        continue;
      }
      if (start < previous) {
        badRows.bad(lineNumber, "start " + TraceLimits.seconds(start) + " s (end_timestamp - "
            + "duration) is before the start " + TraceLimits.seconds(previous) + " s on line " + previousLine
            + "; rows must be ordered by start");
        continue;
      }
      previous = start;
      previousLine = lineNumber;
      duration = d;
      return start;
    }
    if (wantedApp != null && selected == 0) {
      throw new TraceException(lines.shown(), 0, "no row for function '" + options.function()
          + "' among " + rows + " rows" + ClosestId.hint(options.file(), options.shownFile(),
          options.function(), KEY)
          + " (function: app/func, or app for all its functions)");
    }
    return END;
  }

  /** Returns {@code column} in nanoseconds if it is a number of seconds >= 0, else reports the row and returns -1. */
  private long seconds(long lineNumber, String name, int column) {
    long nanos = row.nanos(column, SECOND);
    if (nanos == CsvRow.OUT_OF_RANGE && !row.field(column).startsWith("-")) {
      badRows.bad(lineNumber, name + " '" + row.field(column) + "' is out of range (allowed: 0 to "
          + CsvRow.MAX_SECONDS + " seconds)");
      return -1;
    }
    if (nanos == CsvRow.MALFORMED || nanos < 0) {
      badRows.bad(lineNumber, name + " '" + row.field(column) + "' is not a number of seconds >= 0");
      return -1;
    }
    return nanos;
  }

  /** Returns the line of the row last returned. */
  long line() {
    return previousLine;
  }

  /** Returns the {@code app/func} id of the row last returned (for a fleet's shared reader). */
  String functionId() {
    return row.field(app) + "/" + row.field(func);
  }

  @Override
  public long durationNanos() {
    return duration;
  }

  @Override
  public void close() {
    lines.close();
  }
}
