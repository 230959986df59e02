package dev.lambdasim.report;

/**
 * One summary metric across the compared runs, with its deltas against the first run (the
 * baseline). NaN marks a value a run does not have.
 */
record MetricComparison(String metric, double[] values) {

  /** Returns {@code values[run] - values[0]}, or NaN when either is missing. */
  double delta(int run) {
    return values[run] - values[0];
  }

  /**
   * Returns the delta as a fraction of the baseline's magnitude: 0 when both are 0, NaN when
   * the baseline is 0 and the run is not (no finite relative change) or either is missing.
   */
  double relativeDelta(int run) {
    double base = values[0];
    double delta = delta(run);
    if (Double.isNaN(delta)) {
      return Double.NaN;
    }
    if (base == 0.0) {
      return delta == 0.0 ? 0.0 : Double.NaN;
    }
    return delta / Math.abs(base);
  }

  /** Returns whether some run differs from the baseline (a missing value counts as different). */
  boolean changed() {
    for (int run = 1; run < values.length; run++) {
      boolean bothMissing = Double.isNaN(values[0]) && Double.isNaN(values[run]);
      if (!bothMissing && !(delta(run) == 0.0)) {
        return true;
      }
    }
    return false;
  }
}
