package dev.lambdasim.random;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/** Resamples observed values uniformly, with replacement. */
final class EmpiricalSampler implements DurationSampler {

  private final long[] valuesNanos;
  private final RandomGenerator rng;

  EmpiricalSampler(String file, List<Double> valuesNanos, RandomGenerator rng) {
    if (valuesNanos.isEmpty()) {
      throw new IllegalArgumentException("empirical distribution from " + file + " has no values");
    }
    // Rounded once here, so a draw is a single array read.
    this.valuesNanos = new long[valuesNanos.size()];
    for (int i = 0; i < this.valuesNanos.length; i++) {
      this.valuesNanos[i] =
          Nanos.round(Nanos.requireTime("value " + i + " of " + file, valuesNanos.get(i)));
    }
    this.rng = rng;
  }

  @Override
  public long sampleNanos() {
    return valuesNanos[rng.nextInt(valuesNanos.length)];
  }

  @Override
  public String toString() {
    return "empirical(" + valuesNanos.length + " values)";
  }
}
