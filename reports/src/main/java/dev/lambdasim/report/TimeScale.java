package dev.lambdasim.report;

/** The unit of a chart's time axis, chosen so a run's span reads in small numbers. */
record TimeScale(String unit, double secondsPerUnit) {
  static final TimeScale SECONDS = new TimeScale("s", 1.0);
  static final TimeScale MINUTES = new TimeScale("min", 60.0);
  static final TimeScale HOURS = new TimeScale("h", 3600.0);

  /** Returns seconds up to 5 minutes, minutes up to 5 hours, hours beyond. */
  static TimeScale forSpanSeconds(double spanSeconds) {
    if (!(spanSeconds > 300.0)) {
      return SECONDS;
    }
    return spanSeconds <= 5 * 3600.0 ? MINUTES : HOURS;
  }

  /** Returns the axis label, e.g. "Time since start (min)". */
  String axisLabel() {
    return "Time since start (" + unit + ")";
  }

  double[] scale(double[] seconds) {
    double[] scaled = new double[seconds.length];
    for (int i = 0; i < seconds.length; i++) {
      scaled[i] = seconds[i] / secondsPerUnit;
    }
    return scaled;
  }
}
