package dev.lambdasim.run;

import static dev.lambdasim.run.Scenarios.MS;
import static dev.lambdasim.run.Scenarios.S;
import static dev.lambdasim.run.Scenarios.constant;
import static dev.lambdasim.run.Scenarios.function;
import static dev.lambdasim.run.Scenarios.scenario;
import static dev.lambdasim.run.Scenarios.unlimitedAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lambdasim.model.CpuScaling;
import org.junit.jupiter.api.Test;

/**
 * Memory-scaled CPU (AWS, "Configure Lambda function memory"): vCPU share = memory / 1,769 MB,
 * at most 6; usable = min(share, threads); a duration measured at a reference memory becomes
 * {@code cpuBound × usable(ref) / usable(m) + (1 − cpuBound)} times as long, for the handler and,
 * with its own CPU-bound share, for init.
 *
 * <p>Handler times are read back from billing: 100 requests, one per second, all completed before
 * the horizon, so billed ms per request = GB-s × 1,024,000 / (memory × 100), which is the handler
 * time rounded up to the millisecond; expectations are met within that 1 ms.
 */
final class MemoryScalingTest {

  private static final int REQUESTS = 100;

  /** Returns the billed handler ms per request of a 1,000 ms handler measured at 1,024 MB. */
  private static double handlerMs(int memoryMb, double cpuBound, int threads) {
    return handlerMs(memoryMb, 1024, 1000 * MS, cpuBound, threads);
  }

  private static double handlerMs(int memoryMb, int referenceMb, long referenceNanos,
      double cpuBound, int threads) {
    RunResult result = Simulation.run(scenario(200 * S, unlimitedAccount(),
        function("f").memoryMb(memoryMb).referenceMemoryMb(referenceMb)
            .duration(constant(referenceNanos)).cpuBound(cpuBound).threads(threads)
            .constantRate(1, 0, REQUESTS * S)));
    FunctionSummary f = result.function("f");
    assertThat(f.invocations()).isEqualTo(REQUESTS);
    assertThat(f.ledger().inFlightAtEnd()).isZero();
    return f.onDemandGbSeconds() * 1024 * 1000 / ((double) memoryMb * REQUESTS);
  }

  /** Returns the mean init ms of a 400 ms init measured at 1,024 MB, run at {@code memoryMb}. */
  private static double initMs(int memoryMb, double initCpuBound) {
    RunResult result = Simulation.run(scenario(10 * S, unlimitedAccount(),
        function("f").memoryMb(memoryMb).referenceMemoryMb(1024).init(constant(400 * MS))
            .initCpuBound(initCpuBound).burst(0, 1)));
    FunctionSummary f = result.function("f");
    assertThat(f.coldStarts()).isEqualTo(1);
    return f.initDurationMs().mean();
  }

  /** The factor formula itself, at the points the simulations below rely on. */
  @Test
  void cpuScalingFormula() {
    assertThat(CpuScaling.vcpuShare(1769)).isEqualTo(1.0);
    assertThat(CpuScaling.vcpuShare(256)).isCloseTo(0.1447, within(1e-4)); // 256 / 1,769 ≈ 14.5 %
    assertThat(CpuScaling.vcpuShare(10_240)).isCloseTo(5.7886, within(1e-4)); // 10,240 / 1,769
    assertThat(CpuScaling.vcpuShare(20_000)).isEqualTo(6.0); // capped
    assertThat(CpuScaling.usableCpu(3538, 1)).isEqualTo(1.0);
    assertThat(CpuScaling.usableCpu(3538, 2)).isEqualTo(2.0);
    assertThat(CpuScaling.usableCpu(10_240, 8)).isCloseTo(5.7886, within(1e-4));
    // 128 MB against 1,024 MB: share ratio 8; half CPU-bound: 0.5 × 8 + 0.5 = 4.5.
    assertThat(CpuScaling.durationFactor(128, 1024, 1.0, 1)).isCloseTo(8.0, within(1e-12));
    assertThat(CpuScaling.durationFactor(128, 1024, 0.5, 1)).isCloseTo(4.5, within(1e-12));
    assertThat(CpuScaling.durationFactor(128, 1024, 0.0, 1)).isEqualTo(1.0);
    // Single-threaded: 1,024 / 1,769 = 0.57886 of the reference time at and above 1,769 MB.
    assertThat(CpuScaling.durationFactor(1769, 1024, 1.0, 1)).isCloseTo(0.57886, within(1e-5));
    assertThat(CpuScaling.durationFactor(10_240, 1024, 1.0, 1)).isCloseTo(0.57886, within(1e-5));
    assertThat(CpuScaling.durationFactor(1024, 1024, 0.7, 3)).isEqualTo(1.0);
  }

  /**
   * CPU-bound, single-threaded, 1,000 ms at 1,024 MB: below 1,769 MB time ∝ 1 / memory
   * (128 MB → 8,000 ms, 512 MB → 2,000 ms); from 1,769 MB up it is flat at
   * 1,000 × 1,024 / 1,769 = 578.86 ms (billed 579).
   */
  @Test
  void singleThreadedCpuBoundScalesUntilOneVcpu() {
    assertThat(handlerMs(128, 1.0, 1)).isCloseTo(8000, within(1.0));
    assertThat(handlerMs(512, 1.0, 1)).isCloseTo(2000, within(1.0));
    assertThat(handlerMs(1024, 1.0, 1)).isCloseTo(1000, within(1.0));
    assertThat(handlerMs(1769, 1.0, 1)).isCloseTo(578.86, within(1.0));
    assertThat(handlerMs(3538, 1.0, 1)).isCloseTo(578.86, within(1.0));
    assertThat(handlerMs(10_240, 1.0, 1)).isCloseTo(578.86, within(1.0));
  }

  /**
   * Two threads use a second vCPU: 3,538 MB gives 1,000 × (1,024 / 1,769) / 2 = 289.43 ms, and
   * beyond 3,538 MB (two usable vCPUs) it is flat again.
   */
  @Test
  void twoThreadsKeepImprovingToTwoVcpus() {
    assertThat(handlerMs(1769, 1.0, 2)).isCloseTo(578.86, within(1.0));
    assertThat(handlerMs(2653, 1.0, 2)).isCloseTo(1000 * 1024 / 2653.0, within(1.0)); // 385.98
    assertThat(handlerMs(3538, 1.0, 2)).isCloseTo(289.43, within(1.0));
    assertThat(handlerMs(7076, 1.0, 2)).isCloseTo(289.43, within(1.0));
  }

  /**
   * Half CPU-bound halves the effect: at 128 MB the slow-down is 0.5 × 8 + 0.5 = 4.5×
   * (4,500 ms, 3,500 ms added instead of 7,000), at 1,769 MB 0.5 × 0.57886 + 0.5 = 0.78943×
   * (789.43 ms, 210.57 ms saved instead of 421.14); with nothing CPU-bound memory changes nothing.
   */
  @Test
  void partlyCpuBoundScalesOnlyItsCpuPart() {
    assertThat(handlerMs(128, 0.5, 1)).isCloseTo(4500, within(1.0));
    assertThat(handlerMs(1769, 0.5, 1)).isCloseTo(789.43, within(1.0));
    assertThat(handlerMs(128, 0.0, 1)).isCloseTo(1000, within(1.0));
    assertThat(handlerMs(10_240, 0.0, 1)).isCloseTo(1000, within(1.0));
  }

  /**
   * Init scales with its own CPU-bound share: 400 ms at 1,024 MB is 1,600 ms at 256 MB when
   * fully CPU-bound, 0.5 × 4 + 0.5 = 2.5× = 1,000 ms when half, and 400 ms when not at all.
   * Read from the init histogram (3 significant digits, so within 0.1 %).
   */
  @Test
  void initScalesWithItsOwnCpuBoundShare() {
    assertThat(initMs(256, 1.0)).isCloseTo(1600, within(1.6));
    assertThat(initMs(256, 0.5)).isCloseTo(1000, within(1.0));
    assertThat(initMs(256, 0.0)).isCloseTo(400, within(0.4));
    assertThat(initMs(1024, 1.0)).isCloseTo(400, within(0.4));
  }

  /**
   * The prime-sieve table of jconning/lambda-cpu-cost: 128 MB 11.723 s, 256 MB 6.679 s,
   * 512 MB 3.195 s, 1,024 MB 1.466 s. From 1,024 MB at 1.466 s the model predicts 11.728 s
   * (+0.04 %), 5.864 s (−12.2 %), 2.932 s (−8.2 %). Tolerance 15 %: the table is itself that far
   * from proportional — its duration × memory, which pure 1 / memory scaling keeps constant,
   * ranges from 1,500.5 MB-s (128 MB) to 1,709.8 MB-s (256 MB), 13.9 % apart — so no 1 / memory
   * model can fit it closer.
   */
  @Test
  void primeSieveTableIsPredictedWithinItsNoise() {
    int[] memory = {128, 256, 512, 1024};
    double[] measuredMs = {11_723, 6_679, 3_195, 1_466};
    for (int i = 0; i < memory.length; i++) {
      double predicted = handlerMs(memory[i], 1024, 1466 * MS, 1.0, 1);
      assertThat(predicted).as("%d MB", memory[i])
          .isCloseTo(1466.0 * 1024 / memory[i], within(1.0))
          .isCloseTo(measuredMs[i], within(measuredMs[i] * 0.15));
    }
  }

  /**
   * Cost (duration × memory) of the sieve stays flat: the model's 1,466 ms × 1,024 MB =
   * 1,501,184 MB-ms at every memory (within the 1 ms billing step), and each of the table's own
   * products is within 15 % of it (the largest gap is 256 MB: 1,709,824 / 1,501,184 = +13.9 %).
   */
  @Test
  void primeSieveCostIsFlatAcrossMemory() {
    int[] memory = {128, 256, 512, 1024};
    double[] measuredMs = {11_723, 6_679, 3_195, 1_466};
    double reference = 1466.0 * 1024;
    for (int i = 0; i < memory.length; i++) {
      double modelMbMs = handlerMs(memory[i], 1024, 1466 * MS, 1.0, 1) * memory[i];
      assertThat(modelMbMs).as("%d MB", memory[i]).isCloseTo(reference, within(memory[i] * 1.0));
      assertThat(measuredMs[i] * memory[i]).as("%d MB measured", memory[i])
          .isCloseTo(modelMbMs, within(modelMbMs * 0.15));
    }
  }
}
