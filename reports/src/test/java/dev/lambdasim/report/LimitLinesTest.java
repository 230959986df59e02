package dev.lambdasim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Limit lines come from summary.json's limits, and the axis always has room for those drawn. */
final class LimitLinesTest {

  @Test
  void readsReservedProvisionedAndAccountLimits() throws Exception {
    RunSummary summary = summary();

    LimitLines api = LimitLines.forFunction(summary, "api");
    LimitLines worker = LimitLines.forFunction(summary, "worker");

    assertThat(api).isEqualTo(new LimitLines(12, 4, 1000));
    assertThat(worker.reserved()).isNaN();
    assertThat(worker.provisioned()).isNaN(); // zero provisioned draws no line
    assertThat(LimitLines.forAccount(summary).account()).isEqualTo(1000);
  }

  @Test
  void farAccountLimitIsNotDrawnAndDoesNotStretchTheAxis() {
    LimitLines lines = new LimitLines(12, 4, 1000);

    assertThat(lines.showsAccountLimit(10)).isFalse();
    assertThat(lines.axisUpperBound(10)).isCloseTo(12 * 1.1, within(1e-9));
  }

  @Test
  void nearAccountLimitIsDrawnAndFitsOnTheAxis() {
    LimitLines lines = new LimitLines(Double.NaN, Double.NaN, 1000);

    assertThat(lines.showsAccountLimit(900)).isTrue();
    assertThat(lines.axisUpperBound(900)).isCloseTo(1100, within(1e-9));
  }

  @Test
  void emptyRunStillHasAPositiveAxis() {
    assertThat(new LimitLines(Double.NaN, Double.NaN, Double.NaN).axisUpperBound(0)).isPositive();
  }

  private static RunSummary summary() throws Exception {
    return RunSummary.of(new ObjectMapper().readTree(
        RunFolder.summaryJson(List.of("api", "worker"), "d")));
  }
}
