package dev.lambdasim.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A validated scenario: everything one run needs, in simulation units (nanoseconds).
 *
 * <p>Instances are built by {@link ScenarioLoader}, which has already checked every field and
 * cross-field rule, so the model may trust these values without re-checking them.
 *
 * @param name            names the output folder; matches {@code [a-z0-9._-]+}
 * @param description     free text, may be empty
 * @param seed            root of every random stream
 * @param durationNanos   the simulated horizon
 * @param warmupNanos     observations arriving before this are left out of the summary
 * @param metricsPeriodNanos period of the CloudWatch-like time series
 * @param source          the file it was loaded from (null when built in code)
 */
public record Scenario(
    String name,
    String description,
    long seed,
    long durationNanos,
    long warmupNanos,
    long metricsPeriodNanos,
    AccountSpec account,
    PricingSpec pricing,
    List<FunctionSpec> functions,
    Path source) {

  public static final long DEFAULT_SEED = 1;
  public static final long DEFAULT_WARMUP_NANOS = 0;
  /** CloudWatch's standard resolution; a shorter run shrinks it to the run's length. */
  public static final long DEFAULT_METRICS_PERIOD_NANOS = TimeUnits.MINUTE;

  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(pricing, "pricing");
    functions = List.copyOf(functions);
    description = description == null ? "" : description;
  }

  /** Returns a copy with another seed (the {@code --seed} flag). */
  public Scenario withSeed(long newSeed) {
    return new Scenario(name, description, newSeed, durationNanos, warmupNanos,
        metricsPeriodNanos, account, pricing, functions, source);
  }
}
