package dev.lambdasim.scenario;

import java.util.List;
import java.util.Objects;

/**
 * One simulated function, validated.
 *
 * @param name                 unique within the scenario
 * @param description          free text, may be empty
 * @param memoryMb             128..10240
 * @param architecture         decides prices
 * @param timeoutNanos         1 s .. 900 s
 * @param duration             handler time at {@code referenceMemoryMb}
 * @param referenceMemoryMb    memory at which {@code duration} was measured
 * @param cpuBound             share of handler time that scales with CPU (0..1)
 * @param threads              parallelism of the CPU-bound part (>= 1)
 * @param init                 the cold start
 * @param errorRate            probability that an invocation ends in a function error (0..1)
 * @param keepAlive            how long an idle environment is kept before it is reclaimed
 * @param maxLifetimeNanos     every environment is recycled at this age
 * @param reuse                which idle environment a request gets
 * @param reservedConcurrency  the function's cap and guarantee, or {@link #NO_RESERVED}
 * @param provisioned          provisioned concurrency: initialised and ready from time 0, and
 *                             its schedule and auto scaling
 * @param invocation           invocation path of the function's own traffic
 * @param traffic              arrival sources; they superpose
 * @param async                how asynchronous invocations are retried and routed (used for
 *                             {@code invocation: async} traffic and when the function is
 *                             another function's destination)
 * @param sqs                  the SQS event source mapping ({@code invocation: sqs})
 * @param stream               the stream event source mapping ({@code invocation: stream})
 * @param retry                how callers retry throttled sync requests
 */
public record FunctionSpec(
    String name,
    String description,
    int memoryMb,
    Architecture architecture,
    long timeoutNanos,
    DistributionSpec duration,
    int referenceMemoryMb,
    double cpuBound,
    int threads,
    InitSpec init,
    double errorRate,
    DistributionSpec keepAlive,
    long maxLifetimeNanos,
    ReusePolicy reuse,
    int reservedConcurrency,
    ProvisionedSpec provisioned,
    InvocationType invocation,
    List<TrafficSpec> traffic,
    AsyncSpec async,
    SqsSpec sqs,
    StreamSpec stream,
    ClientRetrySpec retry) {

  /** Marks a function without reserved concurrency. */
  public static final int NO_RESERVED = -1;

  public FunctionSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(provisioned, "provisioned");
    Objects.requireNonNull(async, "async");
    Objects.requireNonNull(sqs, "sqs");
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(retry, "retry");
    description = description == null ? "" : description;
    traffic = List.copyOf(traffic);
  }

  /** A function without event source mappings (their settings at their defaults). */
  public FunctionSpec(String name, String description, int memoryMb, Architecture architecture,
      long timeoutNanos, DistributionSpec duration, int referenceMemoryMb, double cpuBound,
      int threads, InitSpec init, double errorRate, DistributionSpec keepAlive,
      long maxLifetimeNanos, ReusePolicy reuse, int reservedConcurrency,
      ProvisionedSpec provisioned, InvocationType invocation, List<TrafficSpec> traffic,
      AsyncSpec async) {
    this(name, description, memoryMb, architecture, timeoutNanos, duration, referenceMemoryMb,
        cpuBound, threads, init, errorRate, keepAlive, maxLifetimeNanos, reuse,
        reservedConcurrency, provisioned, invocation, traffic, async, SqsSpec.defaults(),
        StreamSpec.defaults(), ClientRetrySpec.none());
  }

  /** Returns the provisioned concurrency configured at time 0. */
  public int provisionedConcurrency() {
    return provisioned.initial();
  }

  /** Returns the largest provisioned concurrency this function can ever have configured. */
  public int maxProvisionedConcurrency() {
    return provisioned.maxPossible();
  }

  /** Returns this function under another name with other traffic (a fleet's functions share a template). */
  public FunctionSpec withNameAndTraffic(String newName, List<TrafficSpec> newTraffic) {
    return new FunctionSpec(newName, description, memoryMb, architecture, timeoutNanos, duration,
        referenceMemoryMb, cpuBound, threads, init, errorRate, keepAlive, maxLifetimeNanos, reuse,
        reservedConcurrency, provisioned, invocation, newTraffic, async, sqs, stream, retry);
  }

  /** Returns this function with another memory size, reference memory and handler time (a fleet's {@code from: trace}). */
  public FunctionSpec withMemoryAndDuration(int newMemoryMb, int newReferenceMemoryMb,
      DistributionSpec newDuration) {
    return new FunctionSpec(name, description, newMemoryMb, architecture, timeoutNanos, newDuration,
        newReferenceMemoryMb, cpuBound, threads, init, errorRate, keepAlive, maxLifetimeNanos, reuse,
        reservedConcurrency, provisioned, invocation, traffic, async, sqs, stream, retry);
  }

  public boolean hasReservedConcurrency() {
    return reservedConcurrency != NO_RESERVED;
  }
}
