package dev.lambdasim.cost;

import dev.lambdasim.spec.Architecture;
import java.util.Objects;

/**
 * What one function used in a billing period, as the simulator measured it.
 *
 * <p>GB-seconds are already computed: each invocation's billed duration rounded up to 1 ms
 * ({@link CostModel#billedMillis}), times memoryMb / 1024 ({@link CostModel#gbSeconds}).
 *
 * @param function                       the function's name, unique within a bill
 * @param architecture                   decides the prices
 * @param requests                       invocations (each is one billed request)
 * @param onDemandGbSeconds              billed duration on on-demand environments
 * @param provisionedDurationGbSeconds   billed duration on provisioned environments
 * @param provisionedConfiguredGbSeconds configured provisioned concurrency × memory × time
 */
public record FunctionUsage(
    String function,
    Architecture architecture,
    long requests,
    double onDemandGbSeconds,
    double provisionedDurationGbSeconds,
    double provisionedConfiguredGbSeconds) {

  public FunctionUsage {
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(architecture, "architecture");
    if (requests < 0) {
      throw new IllegalArgumentException(function + ": requests must be >= 0, got " + requests);
    }
    requireAmount(function, "onDemandGbSeconds", onDemandGbSeconds);
    requireAmount(function, "provisionedDurationGbSeconds", provisionedDurationGbSeconds);
    requireAmount(function, "provisionedConfiguredGbSeconds", provisionedConfiguredGbSeconds);
  }

  private static void requireAmount(String function, String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          function + ": " + name + " must be finite and >= 0, got " + value);
    }
  }
}
