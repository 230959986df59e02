package dev.lambdasim.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * A stream depends only on (seed, name): equal inputs give equal sequences, a different name or
 * seed gives a different one, and the building blocks match their published test vectors.
 */
final class RandomStreamsTest {

  private static final long ORACLE_SEED = -6466056321616989441L;

  @Test
  void sameSeedAndNameGiveTheSameSequence() {
    RandomGenerator first = new RandomStreams(42).stream("function/api/duration");
    RandomGenerator second = new RandomStreams(42).stream("function/api/duration");

    for (int i = 0; i < 1_000; i++) {
      assertThat(second.nextLong()).isEqualTo(first.nextLong());
    }
  }

  @Test
  void differentNamesGiveDifferentFirstDraws() {
    var streams = new RandomStreams(42);

    assertThat(streams.stream("function/api/duration").nextLong())
        .isNotEqualTo(streams.stream("function/api/init").nextLong());
  }

  @Test
  void differentSeedsGiveDifferentFirstDraws() {
    assertThat(new RandomStreams(1).stream("arrivals").nextLong())
        .isNotEqualTo(new RandomStreams(2).stream("arrivals").nextLong());
  }

  @Test
  void namesDifferingInOneCharacterGetUnrelatedSeeds() {
    var streams = new RandomStreams(7);
    long xor = streams.streamSeed("function/a") ^ streams.streamSeed("function/b");

    // A good mix flips about half of the 64 bits; 16..48 leaves a wide margin.
    assertThat(Long.bitCount(xor)).isBetween(16, 48);
  }

  @Test
  void fnv1aMatchesPublishedVectors() {
    assertThat(RandomStreams.fnv1a64(new byte[0])).isEqualTo(0xcbf29ce484222325L);
    assertThat(RandomStreams.fnv1a64("a".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(0xaf63dc4c8601ec8cL);
    assertThat(RandomStreams.fnv1a64("foobar".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(0x85944171f73967e8L);
  }

  @Test
  void mixMatchesTheFirstSplitMix64OutputForSeedZero() {
    assertThat(RandomStreams.mix(0)).isEqualTo(0xe220a8397b1dcdafL);
  }

  @Test
  void streamSeedIsStableAcrossReleases() {
    // Regression oracle, captured from this implementation: changing the derivation would
    // silently change every scenario's results, so it must be a deliberate act.
    assertThat(new RandomStreams(42).streamSeed("function/api/duration"))
        .isEqualTo(ORACLE_SEED);
  }
}
