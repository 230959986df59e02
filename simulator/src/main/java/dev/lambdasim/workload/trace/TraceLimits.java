package dev.lambdasim.workload.trace;

import java.math.BigDecimal;

/**
 * The documented maxima of trace input. Each is far above what a real trace holds and exists
 * so that an absurd value is refused with a located message instead of exhausting memory or
 * running forever.
 */
public final class TraceLimits {

  /**
   * The longest trace line, in characters (64 Ki). A real row is far shorter: an azure-2019 row,
   * the widest format, holds 1,440 minute counts in about 10,000 characters.
   */
  public static final int LINE_CHARS = 1 << 16;

  /**
   * The most invocations one row may give one function in a minute (azure-2019 minutes,
   * CloudWatch periods pro rata). Lambda's own limits make more meaningless: it counts 10
   * requests per second for each execution environment (1,000 environments, or 10,000 requests
   * per second: "Lambda scaling behavior" in the AWS Lambda Developer Guide), and an account's
   * concurrency is raised to tens of thousands ("Lambda quotas"), so even 100,000 concurrent
   * executions give 60,000,000 a minute. Replaying a count costs time in proportion to it, so
   * 10^18 would never finish.
   */
  public static final long INVOCATIONS_PER_MINUTE = 100_000_000L;

  /** The most datapoints a CloudWatch export may hold (it is read whole, so this bounds its memory). */
  public static final int CLOUDWATCH_DATAPOINTS = 1_000_000;

  private static final long MINUTE_NANOS = 60_000_000_000L;

  private TraceLimits() {}

  /** Returns the most invocations a period of {@code periodNanos} may hold, pro rata of a minute. */
  public static long invocationsPer(long periodNanos) {
    // INVOCATIONS_PER_MINUTE per MINUTE_NANOS is exactly one per 600 ns; no product can overflow.
    return periodNanos / (MINUTE_NANOS / INVOCATIONS_PER_MINUTE);
  }

  /** Returns "allowed: ..." for a count in a period of {@code periodNanos}, for messages. */
  static String allowedInvocations(long periodNanos) {
    if (periodNanos == MINUTE_NANOS) {
      return "allowed: 0 to " + INVOCATIONS_PER_MINUTE + " invocations a minute";
    }
    return "allowed: 0 to " + invocationsPer(periodNanos) + " in a period of "
        + seconds(periodNanos) + " s, at most " + INVOCATIONS_PER_MINUTE + " invocations a minute";
  }

  /** Returns {@code nanos} as a plain decimal number of seconds. */
  static String seconds(long nanos) {
    return BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString();
  }
}
