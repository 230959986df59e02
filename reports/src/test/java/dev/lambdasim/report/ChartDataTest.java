package dev.lambdasim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The numbers behind the charts (stacks, success rate, time axis unit) are computed without drawing. */
final class ChartDataTest {

  @Test
  void stackedLayersAccumulateBottomUpAndTreatEmptyAsZero() {
    List<StackedLayers.Layer> layers = new StackedLayers(3)
        .add("busy", new double[] {1, 2, Double.NaN})
        .add("idle", new double[] {0.5, 0, 4})
        .visibleLayers();

    assertThat(layers).extracting(StackedLayers.Layer::label).containsExactly("busy", "idle");
    assertThat(layers.get(0).tops()).containsExactly(1.0, 2.0, 0.0);
    assertThat(layers.get(1).tops()).containsExactly(1.5, 2.0, 4.0);
  }

  @Test
  void layersWithoutAnyValueAreLeftOut() {
    List<StackedLayers.Layer> layers = new StackedLayers(2)
        .add("none", new double[] {0, Double.NaN})
        .add("some", new double[] {0, 3})
        .visibleLayers();

    assertThat(layers).extracting(StackedLayers.Layer::label).containsExactly("some");
    assertThat(layers.get(0).position()).isEqualTo(1); // keeps its colour slot
    assertThat(layers.get(0).tops()).containsExactly(0.0, 3.0);
  }

  @Test
  void remainderHoldsWhatTheTotalHasBeyondTheReasons() {
    List<StackedLayers.Layer> layers = new StackedLayers(3)
        .add("scaling", new double[] {1, 2, 0})
        .addRemainder("unknown", new double[] {4, 2, Double.NaN})
        .visibleLayers();

    assertThat(layers.get(1).values()).containsExactly(3.0, 0.0, 0.0);
    assertThat(layers.get(1).tops()).containsExactly(4.0, 2.0, 0.0);
  }

  @Test
  void layerOfWrongLengthIsRejected() {
    assertThatThrownBy(() -> new StackedLayers(2).add("x", new double[3]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void successRateIsPercentOfInvocationsWithoutErrors() {
    double[] rate = SuccessRate.percent(
        new double[] {200, 0, Double.NaN, 10}, new double[] {1, 0, 0, Double.NaN});

    assertThat(rate[0]).isCloseTo(99.5, within(1e-9));
    assertThat(rate[1]).isNaN();
    assertThat(rate[2]).isNaN();
    assertThat(rate[3]).isEqualTo(100.0);
  }

  @Test
  void timeScaleKeepsAxisNumbersSmall() {
    assertThat(TimeScale.forSpanSeconds(60)).isEqualTo(TimeScale.SECONDS);
    assertThat(TimeScale.forSpanSeconds(7200)).isEqualTo(TimeScale.MINUTES);
    assertThat(TimeScale.forSpanSeconds(86400)).isEqualTo(TimeScale.HOURS);
    assertThat(TimeScale.MINUTES.scale(new double[] {0, 90})).containsExactly(0.0, 1.5);
    assertThat(TimeScale.HOURS.axisLabel()).isEqualTo("Time since start (h)");
  }

  @Test
  void valuesWithoutANeighbourAreIsolatedPoints() {
    double n = Double.NaN;
    assertThat(PointMarks.isolatedPoints(new double[] {1, n, n, 2, 3, n, 4})).isEqualTo(2);
    assertThat(PointMarks.isolatedPoints(new double[] {n, n, n})).isZero();
    assertThat(PointMarks.isolatedPoints(new double[] {5})).isEqualTo(1);
  }

  @Test
  void longSeriesShowPointsOnlyWhenSomeValueHasNoLine() {
    double[] continuous = new double[120];
    java.util.Arrays.fill(continuous, 3.0);
    double[] sparse = new double[120];
    java.util.Arrays.fill(sparse, Double.NaN);
    sparse[75] = 410.0; // one period with a cold start in two hours

    assertThat(PointMarks.needed(continuous)).isFalse();
    assertThat(PointMarks.needed(sparse)).isTrue();
    assertThat(PointMarks.needed(new double[] {1, 2, 3})).isTrue(); // short: every period shows
  }

  @Test
  void initDurationLineOfASparseRunDrawsItsPoints() {
    MetricSeries series = new MetricSeries("api");
    for (int p = 0; p < 120; p++) {
      double[] values = new double[MetricColumn.values().length];
      java.util.Arrays.fill(values, Double.NaN);
      values[MetricColumn.INVOCATIONS.ordinal()] = 100;
      values[MetricColumn.CONCURRENT_EXECUTIONS.ordinal()] = 2;
      values[MetricColumn.COLD_STARTS.ordinal()] = p == 75 ? 1 : 0;
      values[MetricColumn.INIT_DURATION_AVG.ordinal()] = p == 75 ? 410.0 : Double.NaN;
      series.addPeriod(60.0 * p, values);
    }
    SubjectCharts charts = new SubjectCharts(series, "function api", "f01-api",
        new LimitLines(Double.NaN, Double.NaN, 1000), null, 60.0);

    org.jfree.chart.plot.XYPlot cold = charts.coldStarts().chart().getXYPlot();
    var init = (org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) cold.getRenderer(1);
    assertThat(cold.getDataset(1).getSeriesCount()).isEqualTo(1);
    assertThat(init.getSeriesShapesVisible(0)).isTrue();
    var concurrency = (org.jfree.chart.renderer.xy.XYLineAndShapeRenderer)
        charts.concurrency().chart().getXYPlot().getRenderer();
    assertThat(concurrency.getSeriesShapesVisible(0)).isFalse();
  }
}
