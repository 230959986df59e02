package dev.lambdasim.workload.trace;

import dev.lambdasim.spec.Column;
import dev.lambdasim.spec.TraceOptions;

import java.util.List;

/**
 * {@code timestamps}: a CSV file with a header line and one arrival per row. One column holds
 * the instant (a decimal number of {@code unit}s, non-decreasing from row to row); an optional
 * column holds the handler time. Blank lines (empty, or only spaces and tabs) are ignored.
 */
final class TimestampsReader implements TraceReader {

  private final LineSource lines;
  private final BadRows badRows;
  private final CsvRow row;
  private final int instantIndex;
  private final int durationIndex;
  private final long unitNanos;
  private final long durationUnitNanos;
  private long previous = Long.MIN_VALUE;
  private long previousLine;
  private long duration = NO_DURATION;

  TimestampsReader(TraceOptions options, BadRows badRows) {
    this.lines = LineSource.open(options.file(), options.shownFile());
    try {
      int[] indices = columns(options, Headers.read(lines));
      this.instantIndex = indices[0];
      this.durationIndex = indices[1];
    } catch (RuntimeException e) {
      lines.close();
      throw e;
    }
    this.badRows = badRows;
    this.unitNanos = options.unitNanos();
    this.durationUnitNanos = options.durationUnitNanos();
    this.row = new CsvRow(Math.max(instantIndex, durationIndex) + 1);
  }

  /** Returns {instant column, duration column or -1}, or throws naming the missing column. */
  static int[] columns(TraceOptions options, List<String> header) {
    int instant = index(options, header, options.column(), "column");
    int duration = options.durationColumn() == null ? -1
        : index(options, header, options.durationColumn(), "duration");
    return new int[] {instant, duration};
  }

  private static int index(TraceOptions options, List<String> header, Column column, String option) {
    int i = column.indexIn(header);
    if (i < 0) {
      throw new TraceException(options.shownFile(), 1, "the header has no column " + column
          + " (option " + option + "; header: " + Headers.shorten(header)
          + (column.name() == null ? ", columns are counted from 0" : "") + ")");
    }
    return i;
  }

  @Override
  public long nextInstantNanos() {
    String line;
    while ((line = lines.nextRow(badRows)) != null) {
      int fields = row.split(line);
      long lineNumber = lines.line();
      if (fields <= instantIndex || fields <= durationIndex) {
        badRows.bad(lineNumber, "the row has " + fields + " field" + (fields == 1 ? "" : "s")
            + ", too few for column " + Math.max(instantIndex, durationIndex));
        continue;
      }
      long instant = row.nanos(instantIndex, unitNanos);
      if (instant == CsvRow.MALFORMED) {
        badRows.bad(lineNumber, "'" + row.field(instantIndex) + "' is not a number (column "
            + instantIndex + ")");
        continue;
      }
      if (instant == CsvRow.OUT_OF_RANGE || instant == END) {
        badRows.bad(lineNumber, "'" + row.field(instantIndex) + "' is out of range (column "
            + instantIndex + "; allowed: instants from -" + CsvRow.MAX_SECONDS + " s to "
            + CsvRow.MAX_SECONDS + " s, about 292 years either side of 0)");
        continue;
      }
      if (durationIndex >= 0) {
        long d = row.nanos(durationIndex, durationUnitNanos);
        if (d == CsvRow.OUT_OF_RANGE && !row.field(durationIndex).startsWith("-")) {
          badRows.bad(lineNumber, "'" + row.field(durationIndex) + "' is out of range (column "
              + durationIndex + "; allowed: a duration from 0 to " + CsvRow.MAX_SECONDS + " s)");
          continue;
        }
        if (d == CsvRow.MALFORMED || d < 0) {
          badRows.bad(lineNumber, "'" + row.field(durationIndex) + "' is not a duration >= 0"
              + " (column " + durationIndex + ")");
          continue;
        }
        duration = d;
      }
      if (instant < previous) {
        badRows.bad(lineNumber, "timestamp " + row.field(instantIndex)
            + " is before the one on line " + previousLine + "; rows must be in time order");
        continue;
      }
      previous = instant;
      previousLine = lineNumber;
      return instant;
    }
    return END;
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
