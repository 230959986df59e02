package dev.lambdasim.run;

/**
 * Which environments' state spans a run records: the first {@code maxEnvironments} of each
 * function, at most {@code maxSpansPerFunction} spans each function.
 */
public record TimelineLimits(long maxEnvironments, long maxSpansPerFunction) {

  /** Records nothing. */
  public static final TimelineLimits NONE = new TimelineLimits(0, 0);
  /** What every run records for the report's timeline chart: 40 environments, 20,000 spans. */
  public static final TimelineLimits REPORT = new TimelineLimits(40, 20_000);
  /** {@code --timeline}: every environment, every span (streamed, so memory stays flat). */
  public static final TimelineLimits ALL = new TimelineLimits(Long.MAX_VALUE, Long.MAX_VALUE);
}
