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

  /** No retries: a throttled request fails at once. */
  public static ClientRetrySpec none() {
    return new ClientRetrySpec(1, 100_000_000L, 20_000_000_000L);
  }

  public boolean retries() {
    return maxAttempts > 1;
  }
}
