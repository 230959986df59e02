package dev.lambdasim.report;

import java.util.List;

/**
 * One row of the environment timeline: an execution environment's state spans in time order,
 * and how it ended ({@code reclaimed}, {@code recycled}, or "" when it outlived the run or its
 * last span was not recorded).
 */
record GanttRow(long environment, boolean provisioned, List<StateSpan> spans, String ended) {
  static final String RECLAIMED = "reclaimed";
  static final String RECYCLED = "recycled";

  GanttRow {
    spans = List.copyOf(spans);
  }

  /** Returns when the last recorded span ends, or NaN for a row without spans. */
  double endSeconds() {
    return spans.isEmpty() ? Double.NaN : spans.get(spans.size() - 1).endSeconds();
  }

  /** Returns whether the environment's end (keep-alive or lifetime) is on the chart. */
  boolean hasEndMark() {
    return !ended.isEmpty() && !spans.isEmpty();
  }
}
