package dev.lambdasim.spec;

import java.util.Objects;

/**
 * What a function runs and on what: its memory and architecture, its handler time and how that
 * scales with CPU, its Init, its errors and its timeout.
 *
 * @param memoryMb          128..10240
 * @param architecture      decides prices
 * @param timeoutNanos      1 s .. 900 s
 * @param duration          handler time at {@code referenceMemoryMb}
 * @param referenceMemoryMb memory at which {@code duration} was measured
 * @param cpuBound          share of handler time that scales with CPU (0..1)
 * @param threads           parallelism of the CPU-bound part (>= 1)
 * @param init              the cold start
 * @param errorRate         probability that an invocation ends in a function error (0..1)
 */
public record CodeSpec(
    int memoryMb,
    Architecture architecture,
    long timeoutNanos,
    DistributionSpec duration,
    int referenceMemoryMb,
    double cpuBound,
    int threads,
    InitSpec init,
    double errorRate) {

  public static final int MIN_MEMORY_MB = 128;
  public static final int MAX_MEMORY_MB = 10_240;
  public static final int DEFAULT_MEMORY_MB = MIN_MEMORY_MB;
  public static final Architecture DEFAULT_ARCHITECTURE = Architecture.X86_64;
  public static final long DEFAULT_TIMEOUT_NANOS = 3 * TimeUnits.SECOND;
  public static final double DEFAULT_CPU_BOUND = 1.0;
  public static final int DEFAULT_THREADS = 1;
  public static final double DEFAULT_ERROR_RATE = 0.0;

  public CodeSpec {
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(init, "init");
  }

  /** Returns the defaults for a handler of {@code duration} (measured at the default memory). */
  public static CodeSpec of(DistributionSpec duration) {
    return new CodeSpec(DEFAULT_MEMORY_MB, DEFAULT_ARCHITECTURE, DEFAULT_TIMEOUT_NANOS, duration,
        DEFAULT_MEMORY_MB, DEFAULT_CPU_BOUND, DEFAULT_THREADS, InitSpec.DEFAULT,
        DEFAULT_ERROR_RATE);
  }

  /** Returns this code at another memory size; the reference memory stays where it was measured. */
  public CodeSpec withMemoryMb(int value) {
    return new CodeSpec(value, architecture, timeoutNanos, duration, referenceMemoryMb, cpuBound,
        threads, init, errorRate);
  }

  public CodeSpec withArchitecture(Architecture value) {
    return new CodeSpec(memoryMb, value, timeoutNanos, duration, referenceMemoryMb, cpuBound,
        threads, init, errorRate);
  }

  public CodeSpec withTimeoutNanos(long value) {
    return new CodeSpec(memoryMb, architecture, value, duration, referenceMemoryMb, cpuBound,
        threads, init, errorRate);
  }

  public CodeSpec withDuration(DistributionSpec value) {
    return new CodeSpec(memoryMb, architecture, timeoutNanos, value, referenceMemoryMb, cpuBound,
        threads, init, errorRate);
  }

  public CodeSpec withReferenceMemoryMb(int value) {
    return new CodeSpec(memoryMb, architecture, timeoutNanos, duration, value, cpuBound, threads,
        init, errorRate);
  }

  public CodeSpec withCpuBound(double value) {
    return new CodeSpec(memoryMb, architecture, timeoutNanos, duration, referenceMemoryMb, value,
        threads, init, errorRate);
  }

  public CodeSpec withThreads(int value) {
    return new CodeSpec(memoryMb, architecture, timeoutNanos, duration, referenceMemoryMb,
        cpuBound, value, init, errorRate);
  }

  public CodeSpec withInit(InitSpec value) {
    return new CodeSpec(memoryMb, architecture, timeoutNanos, duration, referenceMemoryMb,
        cpuBound, threads, value, errorRate);
  }

  public CodeSpec withErrorRate(double value) {
    return new CodeSpec(memoryMb, architecture, timeoutNanos, duration, referenceMemoryMb,
        cpuBound, threads, init, value);
  }
}
