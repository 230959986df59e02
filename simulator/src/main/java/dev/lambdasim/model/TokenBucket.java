package dev.lambdasim.model;

/**
 * A continuously refilled token bucket: it starts full, refills at a constant rate and never
 * holds more than its capacity, so unused allowance does not accrue.
 *
 * <p>Used for the scaling rate (new execution environments) and for the requests-per-second
 * limits. Refill is computed from elapsed simulated time, so the bucket costs nothing while
 * nobody asks.
 */
final class TokenBucket {

  private double capacity;
  private double tokensPerNano;
  private double tokens;
  private long lastNanos;

  /** A bucket of {@code capacity} tokens refilled at {@code tokensPerSecond}. */
  TokenBucket(double capacity, double tokensPerSecond) {
    this.capacity = capacity;
    this.tokensPerNano = tokensPerSecond / 1e9;
    this.tokens = capacity;
  }

  /** Returns whether a whole token is available at {@code nowNanos}. */
  boolean hasToken(long nowNanos) {
    refill(nowNanos);
    return tokens >= 1.0;
  }

  /** Takes one token; call only after {@link #hasToken} said yes at the same instant. */
  void take() {
    tokens -= 1.0;
  }

  /**
   * Changes the capacity and the refill rate from {@code nowNanos} on: capacity added comes
   * with its tokens (a newly allocated environment brings its full allowance), and tokens above
   * a lowered capacity are lost.
   */
  void resize(double newCapacity, double tokensPerSecond, long nowNanos) {
    refill(nowNanos);
    tokens += Math.max(0, newCapacity - capacity);
    capacity = newCapacity;
    tokensPerNano = tokensPerSecond / 1e9;
    tokens = Math.min(tokens, capacity);
  }

  double tokens(long nowNanos) {
    refill(nowNanos);
    return tokens;
  }

  private void refill(long nowNanos) {
    if (nowNanos > lastNanos) {
      tokens = Math.min(capacity, tokens + (nowNanos - lastNanos) * tokensPerNano);
      lastNanos = nowNanos;
    }
  }
}
