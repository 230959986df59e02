package dev.lambdasim.report;

/**
 * The concurrency limits drawn as horizontal lines on a ConcurrentExecutions chart; NaN marks a
 * limit that does not apply. The account limit is often far above a small function's peak, and
 * drawing it would flatten the data into the floor, so it is drawn only when near the data.
 */
record LimitLines(double reserved, double provisioned, double account) {
  /** How far above the data and the function's own limits the account limit may sit and still be drawn. */
  static final double ACCOUNT_LINE_REACH = 2.0;
  /** Headroom above the highest thing drawn, so a line at the top stays visible. */
  static final double HEADROOM = 1.1;

  static LimitLines forFunction(RunSummary summary, String function) {
    var limits = summary.functionLimits(function);
    double provisioned = NumberText.value(limits.path("provisionedConcurrency"));
    return new LimitLines(
        NumberText.value(limits.path("reservedConcurrency")),
        provisioned > 0.0 ? provisioned : Double.NaN,
        summary.accountConcurrencyLimit());
  }

  static LimitLines forAccount(RunSummary summary) {
    return new LimitLines(Double.NaN, Double.NaN, summary.accountConcurrencyLimit());
  }

  /** Returns whether the account limit line is close enough to the data to be drawn. */
  boolean showsAccountLimit(double dataPeak) {
    return !Double.isNaN(account) && account <= ACCOUNT_LINE_REACH * ownTop(dataPeak);
  }

  /** Returns the upper bound of the concurrency axis. */
  double axisUpperBound(double dataPeak) {
    double top = ownTop(dataPeak);
    if (showsAccountLimit(dataPeak)) {
      top = Math.max(top, account);
    }
    return top * HEADROOM;
  }

  private double ownTop(double dataPeak) {
    double top = 1.0;
    for (double value : new double[] {dataPeak, reserved, provisioned}) {
      if (!Double.isNaN(value)) {
        top = Math.max(top, value);
      }
    }
    return top;
  }
}
