package dev.lambdasim.report;

/**
 * The points of a per-period value drawn as steps: each period's value holds from its start to
 * the next period's start, and the last one to the end of its period. A time-weighted mean per
 * period (configured or ready provisioned concurrency) reads as what it is, a level held for a
 * period, rather than a slope between two instants.
 */
record StepLine(double[] x, double[] y) {

  /**
   * Returns the step points of a line (in chart units): each point's value holds until the next
   * point, and the last one until {@code endX}, the end of the last period; an empty value (NaN)
   * stays NaN, so the step leaves a gap.
   */
  static StepLine of(SeriesPoints points, double endX) {
    int n = points.size();
    if (n == 0) {
      return new StepLine(new double[0], new double[0]);
    }
    double[] x = new double[n + 1];
    double[] y = new double[n + 1];
    System.arraycopy(points.x(), 0, x, 0, n);
    System.arraycopy(points.y(), 0, y, 0, n);
    x[n] = endX;
    y[n] = points.y()[n - 1];
    return new StepLine(x, y);
  }

  /** Returns whether any value is above zero (a line of zeros is not worth drawing). */
  boolean anyPositive() {
    for (double value : y) {
      if (value > 0.0) {
        return true;
      }
    }
    return false;
  }
}
