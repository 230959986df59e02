package dev.lambdasim.spec;

/**
 * Nanoseconds per unit of time: simulated time is integer nanoseconds everywhere, and these are
 * the only constants that convert to it.
 */
public final class TimeUnits {

  public static final long MICROSECOND = 1_000L;
  public static final long MILLISECOND = 1_000_000L;
  public static final long SECOND = 1_000_000_000L;
  public static final long MINUTE = 60 * SECOND;
  public static final long HOUR = 60 * MINUTE;
  public static final long DAY = 24 * HOUR;

  private TimeUnits() {}
}
