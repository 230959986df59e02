package dev.lambdasim.random;

/** Always the same value; consumes no randomness, so it does not advance its stream. */
final class ConstantSampler implements DurationSampler {

  private final long valueNanos;

  ConstantSampler(double valueNanos) {
    this.valueNanos = Nanos.round(Nanos.requireTime("constant value", valueNanos));
  }

  @Override
  public long sampleNanos() {
    return valueNanos;
  }

  @Override
  public String toString() {
    return "constant(" + valueNanos + " ns)";
  }
}
