package dev.lambdasim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The numbers of a comparison: every numeric leaf of the summaries side by side, functions
 * matched by name, deltas against the first run, and relative deltas that never divide by zero.
 */
final class ComparisonTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void everyNumericLeafIsFlattenedInFileOrder() throws Exception {
    Map<String, Double> flat = SummaryMetrics.flatten(json.readTree(
        "{\"arrivals\":5,\"durationMs\":{\"p50\":1.5,\"p99\":null},\"name\":\"x\",\"ok\":true}"));

    assertThat(flat.keySet()).containsExactly("arrivals", "durationMs.p50", "durationMs.p99");
    assertThat(flat.get("durationMs.p99")).isNaN();
  }

  @Test
  void deltasAreAgainstTheFirstRun() {
    MetricComparison row = new MetricComparison("p99", new double[] {200, 150, 200});

    assertThat(row.delta(0)).isZero();
    assertThat(row.delta(1)).isEqualTo(-50.0);
    assertThat(row.relativeDelta(1)).isCloseTo(-0.25, within(1e-12));
    assertThat(row.relativeDelta(2)).isZero();
    assertThat(row.changed()).isTrue();
  }

  @Test
  void relativeDeltaFromZeroIsZeroOrUndefined() {
    MetricComparison row = new MetricComparison("throttles", new double[] {0, 0, 7, Double.NaN});

    assertThat(row.relativeDelta(1)).isZero();
    assertThat(row.relativeDelta(2)).isNaN();
    assertThat(row.relativeDelta(3)).isNaN();
    assertThat(new MetricComparison("x", new double[] {-4, -2}).relativeDelta(1)).isEqualTo(0.5);
  }

  @Test
  void functionsAreMatchedByNameAndMissingOnesAreEmpty() throws Exception {
    RunSummary a = RunSummary.of(json.readTree(
        "{\"functions\":{\"api\":{\"arrivals\":10},\"old\":{\"arrivals\":3}},"
            + "\"account\":{\"throttles\":0},\"conservation\":{\"arrivals\":13}}"));
    RunSummary b = RunSummary.of(json.readTree(
        "{\"functions\":{\"new\":{\"arrivals\":4},\"api\":{\"arrivals\":12,\"errors\":1}},"
            + "\"account\":{\"throttles\":2},\"conservation\":{\"arrivals\":16}}"));

    Comparison comparison = new Comparison(List.of("a", "b"), List.of(a, b));

    assertThat(comparison.functions()).containsExactly("api", "old", "new");
    assertThat(comparison.row("api", "arrivals").values()).containsExactly(10.0, 12.0);
    assertThat(comparison.row("api", "errors").values()[0]).isNaN();
    assertThat(comparison.row("old", "arrivals").values()[1]).isNaN();
    assertThat(comparison.row(Comparison.ACCOUNT, "throttles").delta(1)).isEqualTo(2.0);
    assertThat(comparison.row(Comparison.CONSERVATION, "arrivals").delta(1)).isEqualTo(3.0);
  }

  @Test
  void unchangedRowsAreNotMarked() {
    assertThat(new MetricComparison("x", new double[] {3, 3, 3}).changed()).isFalse();
    assertThat(new MetricComparison("x", new double[] {Double.NaN, Double.NaN}).changed()).isFalse();
    assertThat(new MetricComparison("x", new double[] {Double.NaN, 1}).changed()).isTrue();
  }

  @Test
  void deltasReadWithTheirSign() {
    assertThat(DeltaText.delta(-50)).isEqualTo("-50");
    assertThat(DeltaText.delta(0.25)).isEqualTo("+0.250000");
    assertThat(DeltaText.relative(0.762)).isEqualTo("+76.2 %");
    assertThat(DeltaText.relative(Double.NaN)).isEqualTo("n/a");
    assertThat(DeltaText.value(12593)).isEqualTo("12,593");
  }
}
