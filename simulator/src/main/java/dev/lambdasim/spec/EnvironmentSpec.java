package dev.lambdasim.spec;

import java.util.Objects;

/**
 * How a function's execution environments live: how long an idle one is kept, when every one is
 * recycled, and which idle one a request gets.
 *
 * @param keepAlive        how long an idle environment is kept before it is reclaimed (drawn
 *                         once per environment)
 * @param maxLifetimeNanos every environment is recycled at this age
 * @param reuse            which idle environment a request gets
 */
public record EnvironmentSpec(DistributionSpec keepAlive, long maxLifetimeNanos, ReusePolicy reuse) {

  /** Idle environments are observed to be reclaimed after 5 to 7 minutes. */
  public static final DistributionSpec DEFAULT_KEEP_ALIVE =
      new DistributionSpec.Uniform(5 * TimeUnits.MINUTE, 7 * TimeUnits.MINUTE);
  /** Environments are observed to be recycled after about two hours even when busy. */
  public static final long DEFAULT_MAX_LIFETIME_NANOS = 120 * TimeUnits.MINUTE;
  public static final ReusePolicy DEFAULT_REUSE = ReusePolicy.MOST_RECENT;
  public static final EnvironmentSpec DEFAULTS =
      new EnvironmentSpec(DEFAULT_KEEP_ALIVE, DEFAULT_MAX_LIFETIME_NANOS, DEFAULT_REUSE);

  public EnvironmentSpec {
    Objects.requireNonNull(keepAlive, "keepAlive");
    Objects.requireNonNull(reuse, "reuse");
    if (maxLifetimeNanos <= 0) {
      throw new IllegalArgumentException("maxLifetime must be > 0: " + maxLifetimeNanos);
    }
  }

  public EnvironmentSpec withKeepAlive(DistributionSpec value) {
    return new EnvironmentSpec(value, maxLifetimeNanos, reuse);
  }

  public EnvironmentSpec withMaxLifetimeNanos(long value) {
    return new EnvironmentSpec(keepAlive, value, reuse);
  }

  public EnvironmentSpec withReuse(ReusePolicy value) {
    return new EnvironmentSpec(keepAlive, maxLifetimeNanos, value);
  }
}
