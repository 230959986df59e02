package dev.lambdasim.model;

/**
 * Memory-scaled CPU: Lambda allocates CPU in proportion to memory, one vCPU at 1,769 MB, at most
 * six ("Configure Lambda function memory").
 *
 * <p>A duration measured at a reference memory is moved to another memory by scaling only its
 * CPU-bound part with the inverse of the usable CPU; the rest (I/O, waiting) does not change.
 * Usable CPU is capped by the code's thread count: single-threaded code gains nothing above one
 * vCPU, which is the flat part of the prime-sieve measurements.
 */
public final class CpuScaling {

  /** Memory that buys one full vCPU. */
  public static final double MB_PER_VCPU = 1769.0;
  /** The most vCPUs a function can have (at 10,240 MB). */
  public static final double MAX_VCPUS = 6.0;

  private CpuScaling() {}

  /** Returns the vCPU share at {@code memoryMb}: memory / 1,769, at most 6. */
  public static double vcpuShare(int memoryMb) {
    return Math.min(memoryMb / MB_PER_VCPU, MAX_VCPUS);
  }

  /** Returns the CPU the code can use: its share, but no more than its thread count. */
  public static double usableCpu(int memoryMb, int threads) {
    return Math.min(vcpuShare(memoryMb), threads);
  }

  /**
   * Returns the factor by which a duration measured at {@code referenceMemoryMb} is multiplied at
   * {@code memoryMb}: {@code cpuBound * usable(ref) / usable(m) + (1 - cpuBound)}.
   */
  public static double durationFactor(
      int memoryMb, int referenceMemoryMb, double cpuBound, int threads) {
    double speedup = usableCpu(referenceMemoryMb, threads) / usableCpu(memoryMb, threads);
    return cpuBound * speedup + (1.0 - cpuBound);
  }
}
