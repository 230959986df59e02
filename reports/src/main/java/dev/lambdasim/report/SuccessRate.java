package dev.lambdasim.report;

/** The console's success rate per period: (invocations - errors) / invocations, in percent. */
final class SuccessRate {
  private SuccessRate() {}

  /** Returns the success rate in percent per period; NaN where nothing was invoked. */
  static double[] percent(double[] invocations, double[] errors) {
    double[] rate = new double[invocations.length];
    for (int i = 0; i < rate.length; i++) {
      double calls = invocations[i];
      double failed = Double.isNaN(errors[i]) ? 0.0 : errors[i];
      rate[i] = (Double.isNaN(calls) || calls <= 0.0)
          ? Double.NaN
          : 100.0 * Math.max(0.0, calls - failed) / calls;
    }
    return rate;
  }
}
