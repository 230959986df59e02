package dev.lambdasim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lambdasim.run.FunctionSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What the narrative of {@code scenarios/06-memory-and-cpu.yaml} claims, checked. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class MemoryAndCpuScenarioTest {
  private ScenarioRun run;

  @BeforeAll
  void run() throws Exception {
    run = ScenarioRun.of("06-memory-and-cpu.yaml");
  }

  private FunctionSummary at(int memoryMb) {
    return run.result.function("mem-" + memoryMb);
  }

  @Test
  void durationIsInverselyProportionalToMemoryUpToOneVcpu() {
    double reference = at(1769).durationMs().p50();
    assertThat(reference).isCloseTo(100.0, within(3.0));
    for (int memory : new int[] {128, 512, 1024}) {
      assertThat(at(memory).durationMs().p50() / reference).as("%d MB", memory)
          .isCloseTo(1769.0 / memory, within(0.05 * 1769.0 / memory));
    }
  }

  @Test
  void memoryBeyondOneVcpuDoesNotSpeedUpOneThread() {
    assertThat(at(3008).durationMs().p50())
        .isCloseTo(at(1769).durationMs().p50(), within(3.0));
  }

  @Test
  void computeCostIsFlatUpToOneVcpuThenGrows() {
    double reference = at(1769).cost().computeUsd();
    for (int memory : new int[] {128, 512, 1024}) {
      assertThat(at(memory).cost().computeUsd()).as("%d MB", memory)
          .isCloseTo(reference, within(0.05 * reference));
    }
    assertThat(at(3008).cost().computeUsd() / reference).isCloseTo(1.7, within(0.1));
  }

  @Test
  void slowerRequestsHoldMoreEnvironments() {
    assertThat(at(128).concurrencyMean()).isGreaterThan(12.0 * at(1769).concurrencyMean());
    assertThat(at(128).coldStarts()).isGreaterThan(2 * at(1769).coldStarts());
  }

  @Test
  void twoThreadsFinallyUseTheExtraMemory() throws Exception {
    FunctionSummary threaded = ScenarioRun.of("06-memory-and-cpu.yaml",
        "functions[mem-3008].threads=2").result.function("mem-3008");
    assertThat(threaded.durationMs().p50()).isCloseTo(59.0, within(3.0));
    assertThat(threaded.cost().computeUsd())
        .isCloseTo(at(1769).cost().computeUsd(), within(0.05 * at(1769).cost().computeUsd()));
  }
}
