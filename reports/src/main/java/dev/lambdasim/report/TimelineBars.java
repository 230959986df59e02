package dev.lambdasim.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The bars of one environment-timeline row, per state, in time-axis units. Init and busy spans
 * shorter than a pixel are widened to one, so a short request stays visible. A busy environment
 * has thousands of spans, far more than its row has pixels, so when the chart has more than
 * {@link #MERGE_ABOVE_SPANS} spans, bars are merged where that leaves the picture as it was:
 * init or busy bars that overlap (after widening) become one, and the idle bars of a stretch
 * with no gap in the record become one bar under it, because the busy and init bars between
 * them are drawn over it. A row then has at most one init and one busy bar per pixel, however
 * many spans it has.
 *
 * @param init the bars of the cold starts (drawn on top)
 * @param busy the bars of the requests
 * @param idle the bars of the waits between requests (drawn first)
 */
record TimelineBars(List<Bar> init, List<Bar> busy, List<Bar> idle) {
  /** Timelines with at most this many spans draw each span as its own bar. */
  static final int MERGE_ABOVE_SPANS = 2_000;

  /** environments.csv writes times to the microsecond: a shorter gap is rounding, not a gap. */
  private static final double RECORD_RESOLUTION_SECONDS = 1e-6;

  /** One bar, from {@code start} to {@code end} in time-axis units. */
  record Bar(double start, double end) {}

  TimelineBars {
    init = List.copyOf(init);
    busy = List.copyOf(busy);
    idle = List.copyOf(idle);
  }

  /**
   * Returns the bars of {@code row}.
   *
   * @param secondsPerUnit seconds per time-axis unit
   * @param pixelUnits the width of one pixel in time-axis units
   * @param merge whether to merge bars where the picture stays the same
   */
  static TimelineBars of(GanttRow row, double secondsPerUnit, double pixelUnits, boolean merge) {
    Builder init = new Builder(merge, false);
    Builder busy = new Builder(merge, false);
    Builder idle = new Builder(merge, true);
    double recordedToSeconds = Double.NaN;
    for (StateSpan span : row.spans()) {
      if (!(span.startSeconds() <= recordedToSeconds + RECORD_RESOLUTION_SECONDS)) {
        // A gap in the record (spans not recorded): nothing is drawn over it, so idle stops.
        idle.flush();
      }
      recordedToSeconds = Double.isNaN(recordedToSeconds) ? span.endSeconds()
          : Math.max(recordedToSeconds, span.endSeconds());
      double start = span.startSeconds() / secondsPerUnit;
      double end = span.endSeconds() / secondsPerUnit;
      switch (span.state()) {
        case StateSpan.INIT -> init.add(start, Math.max(end, start + pixelUnits));
        case StateSpan.BUSY -> busy.add(start, Math.max(end, start + pixelUnits));
        default -> idle.add(start, end);
      }
    }
    return new TimelineBars(init.bars(), busy.bars(), idle.bars());
  }

  /** Returns how many bars the row draws. */
  int size() {
    return init.size() + busy.size() + idle.size();
  }

  /** Collects the bars of one state in time order, merging when asked. */
  private static final class Builder {
    private final boolean merge;
    private final boolean acrossRecordedSpans;
    private final List<Bar> bars = new ArrayList<>();
    private double start = Double.NaN;
    private double end = Double.NaN;

    /**
     * @param acrossRecordedSpans join the next bar to the open one whatever lies between (the
     *     caller closes the open bar at a gap in the record); otherwise only when they overlap
     */
    Builder(boolean merge, boolean acrossRecordedSpans) {
      this.merge = merge;
      this.acrossRecordedSpans = acrossRecordedSpans;
    }

    void add(double barStart, double barEnd) {
      boolean open = !Double.isNaN(end);
      if (merge && open && (acrossRecordedSpans || barStart <= end)) {
        end = Math.max(end, barEnd);
        return;
      }
      flush();
      start = barStart;
      end = barEnd;
    }

    List<Bar> bars() {
      flush();
      return bars;
    }

    void flush() {
      if (!Double.isNaN(start)) {
        bars.add(new Bar(start, end));
      }
      start = Double.NaN;
      end = Double.NaN;
    }
  }
}
