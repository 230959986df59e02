package dev.lambdasim.spec;

import java.util.List;
import java.util.Objects;

/**
 * One simulated function, validated: its name, then its parts, each with its own defaults.
 *
 * @param name         unique within the scenario
 * @param description  free text, may be empty
 * @param code         memory, architecture, handler time, Init, errors and timeout
 * @param environments keep-alive, lifetime and reuse of its execution environments
 * @param concurrency  reserved and provisioned concurrency
 * @param invocation   the invocation path and its settings
 * @param traffic      arrival sources; they superpose
 */
public record FunctionSpec(
    String name,
    String description,
    CodeSpec code,
    EnvironmentSpec environments,
    ConcurrencySpec concurrency,
    InvocationSpec invocation,
    List<TrafficSpec> traffic) {

  public FunctionSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(environments, "environments");
    Objects.requireNonNull(concurrency, "concurrency");
    Objects.requireNonNull(invocation, "invocation");
    description = description == null ? "" : description;
    traffic = List.copyOf(traffic);
  }

  /** Returns a function with every default but its handler time and traffic. */
  public static FunctionSpec of(String name, DistributionSpec duration, List<TrafficSpec> traffic) {
    return new FunctionSpec(name, "", CodeSpec.of(duration), EnvironmentSpec.DEFAULTS,
        ConcurrencySpec.DEFAULTS, InvocationSpec.DEFAULTS, traffic);
  }

  public FunctionSpec withName(String value) {
    return new FunctionSpec(value, description, code, environments, concurrency, invocation, traffic);
  }

  public FunctionSpec withDescription(String value) {
    return new FunctionSpec(name, value, code, environments, concurrency, invocation, traffic);
  }

  public FunctionSpec withCode(CodeSpec value) {
    return new FunctionSpec(name, description, value, environments, concurrency, invocation, traffic);
  }

  public FunctionSpec withEnvironments(EnvironmentSpec value) {
    return new FunctionSpec(name, description, code, value, concurrency, invocation, traffic);
  }

  public FunctionSpec withConcurrency(ConcurrencySpec value) {
    return new FunctionSpec(name, description, code, environments, value, invocation, traffic);
  }

  public FunctionSpec withInvocation(InvocationSpec value) {
    return new FunctionSpec(name, description, code, environments, concurrency, value, traffic);
  }

  public FunctionSpec withTraffic(List<TrafficSpec> value) {
    return new FunctionSpec(name, description, code, environments, concurrency, invocation, value);
  }
}
