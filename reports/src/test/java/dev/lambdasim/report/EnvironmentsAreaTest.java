package dev.lambdasim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.junit.jupiter.api.Test;

/**
 * Environments by state are stacked areas: the data (one series per visible state, each period's
 * value held to the end of the run) is checked without drawing, and a run of a single period
 * still paints its states.
 */
final class EnvironmentsAreaTest {

  @Test
  void eachVisibleStateIsASeriesWithTheLastValueRepeatedAtTheEnd() {
    List<StackedLayers.Layer> layers = new StackedLayers(3)
        .add("Initialising", new double[] {0, 0, 0})
        .add("Busy", new double[] {1, 2, Double.NaN})
        .add("Idle", new double[] {0.5, 0, 4})
        .visibleLayers();

    DefaultTableXYDataset data = StackedArea.of(new double[] {0, 1, 2}, 3.0, layers);

    assertThat(data.getSeriesCount()).isEqualTo(2);
    assertThat(data.getSeriesKey(0)).isEqualTo("Busy");
    assertThat(data.getItemCount()).isEqualTo(4);
    assertThat(data.getXValue(0, 3)).isEqualTo(3.0);
    // Own values, not cumulative tops: the renderer stacks them; empty counts as zero.
    assertThat(ys(data, 0)).containsExactly(1.0, 2.0, 0.0, 0.0);
    assertThat(ys(data, 1)).containsExactly(0.5, 0.0, 4.0, 4.0);
  }

  @Test
  void noPeriodsIsNoSeries() {
    assertThat(StackedArea.of(new double[0], 1.0, List.of()).getSeriesCount()).isZero();
  }

  @Test
  void theChartStacksAreasInTheStateColours() {
    SubjectCharts charts = charts(5);

    XYPlot plot = charts.environments().chart().getXYPlot();

    assertThat(plot.getRenderer()).isInstanceOf(StackedXYAreaRenderer2.class);
    assertThat(plot.getDataset()).isInstanceOf(DefaultTableXYDataset.class);
    assertThat(plot.getDataset().getSeriesCount()).isEqualTo(3); // no provisioned-idle
    assertThat(plot.getDataset().getSeriesKey(0))
        .isEqualTo(MetricColumn.ENVIRONMENTS_INITIALIZING.label());
    assertThat(plot.getRenderer().getSeriesPaint(1)).isEqualTo(ChartStyle.color(1));
    assertThat(plot.getRenderer().getSeriesPaint(2)).isEqualTo(ChartStyle.color(2));
    assertThat(plot.getDomainAxis().getUpperBound())
        .isEqualTo(plot.getDataset().getXValue(0, 5)); // the areas reach the axis end
    assertThat(plot.getRangeAxis().getUpperBound()).isGreaterThanOrEqualTo(3.5 + 0.5 + 1);
  }

  @Test
  void aSinglePeriodRunStillPaintsEveryState() {
    BufferedImage image = charts(1).environments().chart()
        .createBufferedImage(ChartStyle.WIDTH_PX, ChartStyle.HEIGHT_PX);

    for (int state = 0; state < 3; state++) {
      Color colour = (Color) ChartStyle.color(state);
      assertThat(pixels(image, colour.getRGB())).as("state %d", state).isGreaterThan(2_000);
    }
  }

  /** Periods of one minute: 0.5 initialising, 3.5 busy, 1 idle, no provisioned-idle. */
  private static SubjectCharts charts(int periods) {
    MetricSeries series = new MetricSeries("api");
    for (int p = 0; p < periods; p++) {
      double[] values = new double[MetricColumn.values().length];
      Arrays.fill(values, Double.NaN);
      values[MetricColumn.ENVIRONMENTS_INITIALIZING.ordinal()] = 0.5;
      values[MetricColumn.ENVIRONMENTS_BUSY.ordinal()] = 3.5;
      values[MetricColumn.ENVIRONMENTS_IDLE.ordinal()] = 1.0;
      values[MetricColumn.ENVIRONMENTS_PROVISIONED_IDLE.ordinal()] = 0.0;
      series.addPeriod(60.0 * p, values);
    }
    return new SubjectCharts(series, "function api", "f01-api",
        new LimitLines(Double.NaN, Double.NaN, 1000), null, 60.0);
  }

  private static double[] ys(DefaultTableXYDataset data, int series) {
    double[] out = new double[data.getItemCount(series)];
    for (int i = 0; i < out.length; i++) {
      out[i] = data.getYValue(series, i);
    }
    return out;
  }

  private static int pixels(BufferedImage image, int rgb) {
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        count += image.getRGB(x, y) == rgb ? 1 : 0;
      }
    }
    return count;
  }
}
