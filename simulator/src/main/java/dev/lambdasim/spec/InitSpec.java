package dev.lambdasim.spec;

/**
 * The cold start (Init phase) of a function.
 *
 * @param duration init time at the function's reference memory
 * @param cpuBound share of init time that scales with CPU (0..1)
 */
public record InitSpec(DistributionSpec duration, double cpuBound) {

  /** Init when none is given: lognormal with median 150 ms and p99 400 ms, not CPU-bound. */
  public static final InitSpec DEFAULT =
      new InitSpec(DistributionSpec.LogNormal.ofMedianAndP99(150e6, 400e6), 0);

  public InitSpec {
    if (duration == null || !(cpuBound >= 0 && cpuBound <= 1)) {
      throw new IllegalArgumentException("init needs a duration and cpuBound in 0..1");
    }
  }

  public InitSpec withDuration(DistributionSpec value) {
    return new InitSpec(value, cpuBound);
  }

  public InitSpec withCpuBound(double value) {
    return new InitSpec(duration, value);
  }
}
