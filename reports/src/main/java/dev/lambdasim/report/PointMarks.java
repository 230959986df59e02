package dev.lambdasim.report;

/**
 * Decides whether a line series draws a mark at each point. A line joins neighbouring values, so
 * a value whose neighbours are empty (a period with one cold start among periods with none) would
 * draw nothing at all; marks make it visible. Short series get marks too, so each period reads.
 */
final class PointMarks {
  /** Series with at most this many points always show their points. */
  static final int ALWAYS_UP_TO_POINTS = 30;

  private PointMarks() {}

  /** Returns whether the series needs marks: it is short, or has a value with no line to it. */
  static boolean needed(double[] values) {
    if (values.length <= ALWAYS_UP_TO_POINTS) {
      return true;
    }
    return isolatedPoints(values) > 0;
  }

  /** Returns how many values have no non-empty neighbour (NaN is empty). */
  static int isolatedPoints(double[] values) {
    int isolated = 0;
    for (int i = 0; i < values.length; i++) {
      if (Double.isNaN(values[i])) {
        continue;
      }
      boolean before = i > 0 && !Double.isNaN(values[i - 1]);
      boolean after = i + 1 < values.length && !Double.isNaN(values[i + 1]);
      if (!before && !after) {
        isolated++;
      }
    }
    return isolated;
  }
}
