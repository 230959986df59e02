package dev.lambdasim.spec;

/**
 * How the caller of a synchronous function retries a throttled request (429), in the shape of
 * the AWS SDKs' standard retry mode: up to {@code maxAttempts} attempts in all, the k-th retry
 * after a delay drawn uniformly from [0, min(maxDelay, baseDelay × 2^(k−1))] ("full jitter").
 *
 * @param maxAttempts    attempts in all, the first included (1 = no retry, the default)
 * @param baseDelayNanos the first retry's largest delay
 * @param maxDelayNanos  the cap of every delay
 */
public record ClientRetrySpec(int maxAttempts, long baseDelayNanos, long maxDelayNanos) {

  /** The SDKs' standard retry mode makes 3 attempts in all; a written retry block starts there. */
  public static final int STANDARD_MAX_ATTEMPTS = 3;
  public static final long DEFAULT_BASE_DELAY_NANOS = 100 * TimeUnits.MILLISECOND;
  public static final long DEFAULT_MAX_DELAY_NANOS = 20 * TimeUnits.SECOND;

  /** No retries: a throttled request fails at once. */
  public static ClientRetrySpec none() {
    return new ClientRetrySpec(1, DEFAULT_BASE_DELAY_NANOS, DEFAULT_MAX_DELAY_NANOS);
  }

  public boolean retries() {
    return maxAttempts > 1;
  }
}
