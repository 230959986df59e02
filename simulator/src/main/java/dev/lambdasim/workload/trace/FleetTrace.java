package dev.lambdasim.workload.trace;

import dev.lambdasim.spec.TraceOptions;

import java.util.Map;

/**
 * A whole azure-2021 trace replayed for a fleet: one reader over every row, each arrival tagged
 * with the index of its function, so the file is read once for all the fleet's functions. The
 * trace's instant t becomes t + offset; arrivals outside [from, to) are not replayed. Rows are
 * ordered by start, so the fleet's arrivals come out in time order.
 */
public final class FleetTrace implements AutoCloseable {

  /** Marks the end of the trace. */
  public static final long END = Long.MAX_VALUE;

  private final Rows rows;
  private final Map<String, Integer> indexById;
  private final long offsetNanos;
  private final long fromNanos;
  private final long toNanos;
  private final String shownFile;
  private boolean ended;
  private int function = -1;

  private FleetTrace(Rows rows, Map<String, Integer> indexById, long offsetNanos, long fromNanos,
      long toNanos, String shownFile) {
    this.rows = rows;
    this.indexById = indexById;
    this.offsetNanos = offsetNanos;
    this.fromNanos = Math.max(0, fromNanos);
    this.toNanos = toNanos;
    this.shownFile = shownFile;
  }

  /**
   * Opens the trace; {@code indexById} maps each original id ({@code app/func}) to its
   * function's index. A bad row stops the run ({@link TraceException}), or under
   * {@code onBadRow: skip} is skipped (the loading pass has counted it already).
   */
  public static FleetTrace open(TraceOptions options, Map<String, Integer> indexById,
      long offsetNanos, long fromNanos, long toNanos) {
    return new FleetTrace(Rows.open(options, new BadRows(options.onBadRow(), options.shownFile())), indexById, offsetNanos, fromNanos, toNanos,
        options.shownFile());
  }

  /** Returns the next arrival instant in nanoseconds, or {@link #END}. */
  public long nextArrivalNanos() {
    if (ended) {
      return END;
    }
    while (rows.next()) {
      long shifted = TraceReader.shift(rows.startNanos(), offsetNanos);
      if (shifted < fromNanos) {
        continue;
      }
      if (shifted >= toNanos) {
        break;
      }
      Integer index = indexById.get(rows.functionId());
      if (index == null) {
        throw new TraceException(shownFile, rows.line(), "function " + rows.functionId()
            + " was not in the trace when the scenario was loaded (did the file change?)");
      }
      function = index;
      return shifted;
    }
    ended = true;
    close();
    return END;
  }

  /** Returns the index of the function of the arrival last returned. */
  public int function() {
    return function;
  }

  /** Returns the handler time the trace gives the arrival last returned. */
  public long durationNanos() {
    return rows.durationNanos();
  }

  @Override
  public void close() {
    rows.close();
  }

  /** Every row of an azure-2021 trace, checked (a bad row goes to {@code badRows}), with its function's id. */
  static final class Rows implements AutoCloseable {

    private final Azure2021Reader reader;
    private long start;

    private Rows(Azure2021Reader reader) {
      this.reader = reader;
    }

    static Rows open(TraceOptions options, BadRows badRows) {
      // Every row, whatever function the options name: the fleet dispatches them.
      Azure2021Reader reader = new Azure2021Reader(options.withFunction(null), badRows);
      return new Rows(reader);
    }

    boolean next() {
      start = reader.nextInstantNanos();
      return start != TraceReader.END;
    }

    long startNanos() {
      return start;
    }

    long durationNanos() {
      return reader.durationNanos();
    }

    String functionId() {
      return reader.functionId();
    }

    long line() {
      return reader.line();
    }

    @Override
    public void close() {
      reader.close();
    }
  }
}
