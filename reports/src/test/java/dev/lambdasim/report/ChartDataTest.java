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
}
