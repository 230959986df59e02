package dev.lambdasim.report;

/**
 * The points of a per-period value drawn as steps: each period's value holds from its start to
 * the next period's start, and the last one to the end of its period. A time-weighted mean per
 * period (configured or ready provisioned concurrency) reads as what it is, a level held for a
 * period, rather than a slope between two instants.
 */
record StepLine(double[] x, double[] y) {

  /**
   * Returns the step points of {@code values} over periods starting at {@code starts} (both in
   * chart units), one point per period and a closing point at the end of the last period; an
   * empty value (NaN) stays NaN, so the step leaves a gap.
   */
  static StepLine of(double[] starts, double[] values, double periodLength) {
    if (starts.length != values.length) {
      throw new IllegalArgumentException(
          "starts and values differ in length: " + starts.length + " vs " + values.length);
    }
    int n = starts.length;
    if (n == 0) {
      return new StepLine(new double[0], new double[0]);
    }
    double[] x = new double[n + 1];
    double[] y = new double[n + 1];
    System.arraycopy(starts, 0, x, 0, n);
    System.arraycopy(values, 0, y, 0, n);
    x[n] = starts[n - 1] + periodLength;
    y[n] = values[n - 1];
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
