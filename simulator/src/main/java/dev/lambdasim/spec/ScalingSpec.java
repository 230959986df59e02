package dev.lambdasim.spec;

/**
 * The rate at which new execution environments may be created.
 *
 * <p>{@code per-function} (since Nov 2023): each function has a bucket of {@code bucketSize}
 * new environments that refills continuously at {@code refillPerSecond} and starts full.
 * {@code legacy-burst} (before Nov 2023): one account-wide bucket of {@code initialBurst}
 * that refills at {@code perMinute} per minute. {@code unlimited}: no rate limit.
 */
public record ScalingSpec(
    ScalingModel model,
    int bucketSize,
    double refillPerSecond,
    int initialBurst,
    int perMinute) {

  public static final int DEFAULT_BUCKET_SIZE = 1000;
  public static final double DEFAULT_REFILL_PER_SECOND = 100.0;
  public static final int DEFAULT_INITIAL_BURST = 3000;
  public static final int DEFAULT_PER_MINUTE = 500;

  public static ScalingSpec perFunction() {
    return new ScalingSpec(ScalingModel.PER_FUNCTION, DEFAULT_BUCKET_SIZE,
        DEFAULT_REFILL_PER_SECOND, DEFAULT_INITIAL_BURST, DEFAULT_PER_MINUTE);
  }

  public static ScalingSpec legacyBurst(int initialBurst, int perMinute) {
    return new ScalingSpec(ScalingModel.LEGACY_BURST, DEFAULT_BUCKET_SIZE,
        DEFAULT_REFILL_PER_SECOND, initialBurst, perMinute);
  }

  public static ScalingSpec unlimited() {
    return new ScalingSpec(ScalingModel.UNLIMITED, DEFAULT_BUCKET_SIZE,
        DEFAULT_REFILL_PER_SECOND, DEFAULT_INITIAL_BURST, DEFAULT_PER_MINUTE);
  }

  /** The scaling models, with the names scenario files use. */
  public enum ScalingModel {
    PER_FUNCTION("per-function"),
    LEGACY_BURST("legacy-burst"),
    UNLIMITED("unlimited");

    private final String label;

    ScalingModel(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
