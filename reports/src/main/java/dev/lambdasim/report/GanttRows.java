package dev.lambdasim.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment timeline of one function: its first environments in order of creation, each
 * with its spans sorted by start. environments.csv lists spans as they close (by end time, all
 * environments mixed), so spans are gathered per environment and sorted here. Bounded: spans of
 * environments numbered {@code maxRows} or above are ignored, and at most {@code maxSpans} are
 * kept, so a long {@code --timeline} file still charts in flat memory.
 */
final class GanttRows {
  private final int maxRows;
  private final int maxSpans;
  private final Map<Long, List<StateSpan>> spansByEnvironment = new TreeMap<>();
  private final Map<Long, Boolean> provisioned = new TreeMap<>();
  private final Map<Long, String> ended = new TreeMap<>();
  private int spanCount;
  private boolean truncated;

  GanttRows(int maxRows, int maxSpans) {
    this.maxRows = maxRows;
    this.maxSpans = maxSpans;
  }

  /** Adds one span of environment {@code environment}; {@code end} is "" unless it is the last. */
  void add(long environment, boolean isProvisioned, StateSpan span, String end) {
    if (environment < 0 || environment >= maxRows) {
      return;
    }
    if (spanCount >= maxSpans) {
      truncated = true;
      return;
    }
    spanCount++;
    spansByEnvironment.computeIfAbsent(environment, e -> new ArrayList<>()).add(span);
    provisioned.merge(environment, isProvisioned, Boolean::logicalOr);
    if (!end.isEmpty()) {
      ended.put(environment, end);
    }
  }

  /** Returns the rows in order of creation (environment number). */
  List<GanttRow> rows() {
    List<GanttRow> rows = new ArrayList<>(spansByEnvironment.size());
    for (Map.Entry<Long, List<StateSpan>> entry : spansByEnvironment.entrySet()) {
      List<StateSpan> spans = new ArrayList<>(entry.getValue());
      spans.sort(Comparator.comparingDouble(StateSpan::startSeconds)
          .thenComparingDouble(StateSpan::endSeconds));
      long environment = entry.getKey();
      rows.add(new GanttRow(environment, provisioned.get(environment), spans,
          ended.getOrDefault(environment, "")));
    }
    return rows;
  }

  /**
   * Returns whether spans were dropped because the span cap was reached. A timeline holding
   * exactly the cap counts too: the simulator stops recording at the same cap, so its later
   * spans were never written.
   */
  boolean truncated() {
    return truncated || spanCount >= maxSpans;
  }

  int spanCount() {
    return spanCount;
  }

  int maxRows() {
    return maxRows;
  }
}
