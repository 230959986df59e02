package dev.lambdasim.spec;

/**
 * How a count of arrivals in a period (a minute of azure-2019, a CloudWatch period) is placed
 * within it. Every way places exactly the count, so totals match the trace.
 */
public enum WithinPeriod {
  /**
   * As a Poisson process conditioned on the count: the instants are the order statistics of
   * {@code count} independent uniforms over the period.
   */
  POISSON("poisson"),
  /**
   * With independent uniform gaps, rescaled to span the period: smoother than Poisson (the gap
   * coefficient of variation is about 0.58 instead of 1).
   */
  UNIFORM("uniform"),
  /** Evenly: arrival k (from 0) of n at start + (k + ½)·period/n. */
  EVEN("even");

  private final String label;

  WithinPeriod(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
