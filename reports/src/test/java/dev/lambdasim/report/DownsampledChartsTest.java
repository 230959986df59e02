package dev.lambdasim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Charts of a long run are drawn from bounded buckets: every dataset of every chart has at most
 * {@link PeriodBuckets#MAX_POINTS} points, and the SVG files (drawn from a metrics.csv read row
 * by row) stay the same size, when the run has ten times as many periods; a spike of one period
 * is still the line's peak, bars still add up to the run's total, and the chart says it was
 * downsampled. Under the bound each period is one point, as before.
 */
final class DownsampledChartsTest {
  private static final int SPIKE_PERIOD = 3_217;
  private static final double SPIKE = 900.0;

  @TempDir Path dir;

  @Test
  void everyDatasetStaysWithinTheBoundAsPeriodsGrowTenfold() {
    for (int periods : new int[] {4_000, 40_000}) {
      for (ReportChart chart : charts(series(periods)).all()) {
        XYPlot plot = chart.chart().getXYPlot();
        for (int d = 0; d < plot.getDatasetCount(); d++) {
          XYDataset data = plot.getDataset(d);
          for (int s = 0; data != null && s < data.getSeriesCount(); s++) {
            // A step or an area adds one closing point at the end of the last period.
            assertThat(data.getItemCount(s)).as("%s at %d periods", chart.fileStem(), periods)
                .isLessThanOrEqualTo(PeriodBuckets.MAX_POINTS + 1);
          }
        }
      }
    }
  }

  @Test
  void aSpikeOfOnePeriodIsTheLinesPeak() {
    XYDataset data = charts(series(40_000)).all().get(0).chart().getXYPlot().getDataset();

    assertThat(maxY(data, 0)).isEqualTo(SPIKE);
  }

  @Test
  void barsAddUpToTheRunsTotal() {
    MetricSeries series = series(40_000);
    double coldStarts = 0;
    for (int p = 0; p < 40_000; p++) {
      coldStarts += coldStarts(p);
    }
    ReportChart chart = charts(series).coldStarts();
    XYDataset bars = chart.chart().getXYPlot().getDataset(0);

    assertThat(sumY(bars, 0)).isEqualTo(coldStarts);
    assertThat(chart.chart().getXYPlot().getRangeAxis().getLabel())
        .isEqualTo("Cold starts (count per " + NumberText.count(
            60.0 * series.periods().periodsPerBucket()) + " s)");
  }

  @Test
  void aDownsampledChartSaysSoAndASmallOneIsDrawnPeriodByPeriod() {
    JFreeChart large = charts(series(40_000)).all().get(0).chart();
    JFreeChart small = charts(series(PeriodBuckets.MAX_POINTS)).all().get(0).chart();

    assertThat(subtitles(large)).anySatisfy(text -> assertThat(text)
        .startsWith("40,000 periods of 60 s drawn as ").contains("lowest and highest"));
    assertThat(subtitles(small)).isEmpty();
    assertThat(small.getXYPlot().getDataset().getItemCount(0))
        .isEqualTo(PeriodBuckets.MAX_POINTS);
    // Period 7 starts at 420 s, on an axis in hours.
    assertThat(small.getXYPlot().getDataset().getXValue(0, 7)).isEqualTo(420.0 / 3600.0);
  }

  @Test
  void comparisonLinesStayWithinTheBound() throws IOException {
    Map<String, MetricSeries> metrics = Map.of("api", series(40_000));
    Path file = Files.writeString(dir.resolve("summary.json"),
        RunFolder.summaryJson(List.of("api"), "plain"));
    RunSummary summary = RunSummary.read(file);
    List<ComparisonCharts.RunData> runs = List.of(
        new ComparisonCharts.RunData("a", metrics, Map.of(), summary, 60.0),
        new ComparisonCharts.RunData("b", metrics, Map.of(), summary, 60.0));

    ReportChart concurrency = new ComparisonCharts(runs).of("api", "api", "f01-api").get(0);

    XYDataset data = concurrency.chart().getXYPlot().getDataset();
    assertThat(data.getSeriesCount()).isEqualTo(2);
    assertThat(data.getItemCount(0)).isLessThanOrEqualTo(PeriodBuckets.MAX_POINTS);
  }

  @Test
  void svgFilesStayTheSameSizeAsPeriodsGrowTenfold() throws IOException {
    Map<String, Long> few = svgBytes(4_000);
    Map<String, Long> many = svgBytes(40_000);

    assertThat(many.keySet()).isEqualTo(few.keySet());
    for (Map.Entry<String, Long> chart : many.entrySet()) {
      assertThat(chart.getValue()).as(chart.getKey())
          .isLessThan(few.get(chart.getKey()) * 3 / 2 + 10_000);
    }
  }

  /**
   * Writes a metrics.csv of {@code periods} one-minute periods, reads it back as the report does
   * and returns the size of each of the function's charts as SVG.
   */
  private Map<String, Long> svgBytes(int periods) throws IOException {
    Path run = Files.createDirectories(dir.resolve("run-" + periods));
    RunFolder.write(run, List.of("api"), periods, "plain");
    MetricSeries api = MetricsCsv.read(run.resolve("metrics.csv")).get("api");
    assertThat(api.periodCount()).isEqualTo(periods);
    Map<String, Long> sizes = new HashMap<>();
    for (ReportChart chart : charts(api).all()) {
      Path svg = run.resolve(chart.fileStem() + ".svg");
      ChartFile.writeSvg(chart, svg);
      sizes.put(chart.fileStem(), Files.size(svg));
    }
    return sizes;
  }

  /** One-minute periods of a busy function, with a one-period spike of invocations. */
  private static MetricSeries series(int periods) {
    MetricSeries series = new MetricSeries("api");
    for (int p = 0; p < periods; p++) {
      double[] values = new double[MetricColumn.values().length];
      Arrays.fill(values, Double.NaN);
      values[MetricColumn.INVOCATIONS.ordinal()] = p == SPIKE_PERIOD ? SPIKE : 100 + p % 37;
      values[MetricColumn.ERRORS.ordinal()] = p % 11 == 0 ? 2 : 0;
      values[MetricColumn.DURATION_AVG.ordinal()] = 80 + p % 13;
      values[MetricColumn.DURATION_P99.ordinal()] = 300 + p % 29;
      values[MetricColumn.CONCURRENT_EXECUTIONS.ordinal()] = 4 + p % 5;
      values[MetricColumn.COLD_STARTS.ordinal()] = coldStarts(p);
      values[MetricColumn.INIT_DURATION_AVG.ordinal()] = coldStarts(p) > 0 ? 400 : Double.NaN;
      values[MetricColumn.ENVIRONMENTS_BUSY.ordinal()] = 3 + (p % 7) / 7.0;
      values[MetricColumn.ENVIRONMENTS_IDLE.ordinal()] = 1.5;
      values[MetricColumn.PROVISIONED_CONFIGURED.ordinal()] = p < periods / 2 ? 2 : 4;
      values[MetricColumn.PROVISIONED_READY.ordinal()] = p < periods / 2 + 3 ? 2 : 4;
      values[MetricColumn.THROTTLES.ordinal()] = p % 101 == 0 ? 3 : 0;
      values[MetricColumn.THROTTLES_SCALING.ordinal()] = p % 101 == 0 ? 1 : 0;
      series.addPeriod(60.0 * p, values);
    }
    return series;
  }

  private static int coldStarts(int period) {
    return period % 97 == 0 ? 1 + period % 3 : 0;
  }

  private static SubjectCharts charts(MetricSeries series) {
    return new SubjectCharts(series, "function api", "f01-api",
        new LimitLines(Double.NaN, 4, 1000), null, 60.0);
  }

  private static List<String> subtitles(JFreeChart chart) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < chart.getSubtitleCount(); i++) {
      if (chart.getSubtitle(i) instanceof TextTitle title) {
        texts.add(title.getText());
      }
    }
    return texts;
  }

  private static double maxY(XYDataset data, int series) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < data.getItemCount(series); i++) {
      double y = data.getYValue(series, i);
      if (!Double.isNaN(y)) {
        max = Math.max(max, y);
      }
    }
    return max;
  }

  private static double sumY(XYDataset data, int series) {
    double sum = 0;
    for (int i = 0; i < data.getItemCount(series); i++) {
      sum += data.getYValue(series, i);
    }
    return sum;
  }
}
