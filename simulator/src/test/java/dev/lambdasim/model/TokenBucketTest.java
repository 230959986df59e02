package dev.lambdasim.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A token bucket:
 * <ul>
 *   <li>starts full, and a full bucket gives exactly its capacity at one instant;
 *   <li>refills continuously, in proportion to elapsed time, not in whole steps;
 *   <li>never holds more than its capacity, however long it is left unused;
 *   <li>a raised capacity comes with its added tokens;
 *   <li>a lowered capacity loses the tokens above it;
 *   <li>a new refill rate applies from the resize on, the time before it refilling at the old one.
 * </ul>
 */
final class TokenBucketTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void aFullBucketGivesItsCapacityAtOneInstant() {
    TokenBucket bucket = new TokenBucket(/* capacity= */ 3, /* tokensPerSecond= */ 1);

    for (int i = 0; i < 3; i++) {
      assertThat(bucket.hasToken(0)).as("token %d", i + 1).isTrue();
      bucket.take();
    }

    assertThat(bucket.hasToken(0)).isFalse();
  }

  @Test
  void refillIsContinuous() {
    TokenBucket bucket = emptied(new TokenBucket(/* capacity= */ 2, /* tokensPerSecond= */ 1));

    assertThat(bucket.tokens(SECOND / 2)).isEqualTo(0.5);
    assertThat(bucket.hasToken(SECOND - 1)).isFalse();
    assertThat(bucket.hasToken(SECOND)).isTrue();
  }

  @Test
  void unusedAllowanceDoesNotAccrueBeyondCapacity() {
    TokenBucket bucket = new TokenBucket(/* capacity= */ 2, /* tokensPerSecond= */ 1);

    assertThat(bucket.tokens(3600 * SECOND)).isEqualTo(2.0);
    bucket.take();
    bucket.take();
    assertThat(bucket.hasToken(3600 * SECOND)).isFalse();
  }

  @Test
  void raisedCapacityComesWithItsTokens() {
    TokenBucket bucket = emptied(new TokenBucket(/* capacity= */ 2, /* tokensPerSecond= */ 1));

    bucket.resize(/* newCapacity= */ 5, /* tokensPerSecond= */ 1, /* nowNanos= */ 0);

    assertThat(bucket.tokens(0)).isEqualTo(3.0);
  }

  @Test
  void loweredCapacityLosesTheTokensAboveIt() {
    TokenBucket bucket = new TokenBucket(/* capacity= */ 5, /* tokensPerSecond= */ 1);

    bucket.resize(/* newCapacity= */ 2, /* tokensPerSecond= */ 1, /* nowNanos= */ 0);

    assertThat(bucket.tokens(0)).isEqualTo(2.0);
    assertThat(bucket.tokens(10 * SECOND)).isEqualTo(2.0);
  }

  @Test
  void aNewRateAppliesFromTheResizeOn() {
    TokenBucket bucket = emptied(new TokenBucket(/* capacity= */ 10, /* tokensPerSecond= */ 1));

    bucket.resize(/* newCapacity= */ 10, /* tokensPerSecond= */ 4, /* nowNanos= */ SECOND / 2);

    // Half a second at 1 per second, then a quarter second at 4 per second.
    assertThat(bucket.tokens(SECOND / 2 + SECOND / 4)).isEqualTo(1.5);
  }

  /** Returns {@code bucket} after taking every token it holds at time 0. */
  private static TokenBucket emptied(TokenBucket bucket) {
    while (bucket.hasToken(0)) {
      bucket.take();
    }
    assertThat(bucket.tokens(0)).isZero();
    return bucket;
  }
}
