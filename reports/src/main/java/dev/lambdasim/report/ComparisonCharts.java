package dev.lambdasim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The overlay charts of a comparison: for one subject (a function, or the account), one series
 * per run in the run's colour — concurrency, cold starts and throttles per period, the latency
 * CDF (warm solid, cold dashed) and the cost by component. Drawing only.
 */
final class ComparisonCharts {
  /** One run's inputs: its label, time series per subject, latency CDFs, summary and period. */
  record RunData(String label, Map<String, MetricSeries> metrics, Map<String, LatencyCdf> latency,
      RunSummary summary, double periodSeconds) {}

  private static final BasicStroke COLD_LINE = new BasicStroke(2.0f, BasicStroke.CAP_BUTT,
      BasicStroke.JOIN_MITER, 10.0f, new float[] {7.0f, 4.0f}, 0.0f);

  private final List<RunData> runs;
  private final TimeScale timeScale;

  ComparisonCharts(List<RunData> runs) {
    this.runs = List.copyOf(runs);
    double span = 0.0;
    for (RunData run : runs) {
      for (MetricSeries series : run.metrics().values()) {
        if (series.periodCount() > 0) {
          span = Math.max(span, series.periods().lastStartSeconds() + run.periodSeconds());
        }
      }
    }
    this.timeScale = TimeScale.forSpanSeconds(span);
  }

  /**
   * Returns the charts of one subject.
   *
   * @param subject a function name, or {@link MetricSeries#ACCOUNT}
   * @param heading shown in titles ("function api", "account")
   */
  List<ReportChart> of(String subject, String heading, String fileStem) {
    List<ReportChart> charts = new ArrayList<>();
    charts.add(perPeriod(subject, MetricColumn.CONCURRENT_EXECUTIONS,
        "Concurrent executions (max per period)", "Concurrent executions (count)",
        fileStem + "-concurrency", heading,
        "The highest number of environments initialising or busy in each period, one line per "
            + "run. Where the lines part, the configurations use capacity differently."));
    if (!subject.equals(MetricSeries.ACCOUNT)) {
      charts.add(latency(subject, heading, fileStem + "-latency-cdf"));
    }
    charts.add(perPeriod(subject, MetricColumn.COLD_STARTS, "Cold starts per period",
        "Cold starts (count per period)", fileStem + "-cold-starts", heading,
        "Requests that waited for a new environment in each period, one line per run. With the "
            + "same seed every run gets the same arrivals, so a gap between lines comes from the "
            + "configuration alone."));
    charts.add(perPeriod(subject, MetricColumn.THROTTLES, "Throttles per period",
        "Throttles (count per period)", fileStem + "-throttles", heading,
        "Requests rejected with 429 in each period, one line per run."));
    charts.add(cost(subject, heading, fileStem + "-cost"));
    return charts;
  }

  private ReportChart perPeriod(String subject, MetricColumn column, String what, String yLabel,
      String stem, String heading, String caption) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    for (int r = 0; r < runs.size(); r++) {
      RunData run = runs.get(r);
      MetricSeries series = run.metrics().get(subject);
      if (series == null || !series.hasData(column)) {
        continue;
      }
      // Each bucket's extremes: a run's peaks survive however many periods it has.
      SeriesPoints points = series.extremes(column).inUnits(timeScale);
      double[] values = points.y();
      XYSeries line = new XYSeries(run.label(), false, true);
      for (int i = 0; i < values.length; i++) {
        line.add(points.x()[i], Double.isNaN(values[i]) ? null : values[i]);
      }
      int index = data.getSeriesCount();
      data.addSeries(line);
      renderer.setSeriesPaint(index, colour(r));
      renderer.setSeriesStroke(index, ChartStyle.LINE);
      renderer.setSeriesShapesVisible(index, PointMarks.needed(values));
    }
    NumberAxis yAxis = new NumberAxis(yLabel);
    yAxis.setAutoRangeIncludesZero(true);
    yAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.US));
    XYPlot plot = new XYPlot(data, new NumberAxis(timeScale.axisLabel()), yAxis, renderer);
    plot.setNoDataMessage("No data in any run");
    return xyChart(stem, what + " — " + heading, plot, caption);
  }

  private ReportChart latency(String function, String heading, String stem) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    for (int r = 0; r < runs.size(); r++) {
      LatencyCdf cdf = runs.get(r).latency().get(function);
      if (cdf == null) {
        continue;
      }
      for (String kind : cdf.kinds()) {
        List<LatencyCdf.Point> points = cdf.logAxisPoints(kind);
        if (points.isEmpty()) {
          continue;
        }
        XYSeries line = new XYSeries(runs.get(r).label() + " " + kind, false, true);
        for (LatencyCdf.Point point : points) {
          line.add(point.latencyMs(), point.percentile());
        }
        int index = data.getSeriesCount();
        data.addSeries(line);
        renderer.setSeriesPaint(index, colour(r));
        renderer.setSeriesStroke(index, kind.equals("cold") ? COLD_LINE : ChartStyle.LINE);
      }
    }
    LogAxis xAxis = new LogAxis("Latency seen by the caller (ms, log scale)");
    xAxis.setSmallestValue(1e-3);
    xAxis.setTickUnit(new NumberTickUnit(1.0));
    xAxis.setMinorTickCount(9);
    xAxis.setMinorTickMarksVisible(true);
    NumberAxis yAxis = new NumberAxis("Requests at or below (%)");
    yAxis.setRange(0.0, 102.0);
    XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
    plot.setNoDataMessage("No latency observations in any run");
    return xyChart(stem, "Latency distribution, warm (solid) and cold (dashed) — " + heading,
        plot, "Cumulative distributions of the latency the caller saw, one colour per run: read "
            + "across from a percentage to the latency that share of requests did not exceed. A "
            + "line further left is faster.");
  }

  private ReportChart cost(String subject, String heading, String stem) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    String[] parts = {"requests", "compute", "provisioned", "total"};
    for (RunData run : runs) {
      var cost = subject.equals(MetricSeries.ACCOUNT)
          ? run.summary().account().path("cost")
          : run.summary().function(subject).path("costUsd");
      for (String part : parts) {
        double value = NumberText.value(cost.path(part));
        if (part.equals("total") && Double.isNaN(value) && subject.equals(MetricSeries.ACCOUNT)) {
          value = NumberText.value(run.summary().account().path("costUsd"));
        }
        data.addValue(Double.isNaN(value) ? null : value, run.label(), part);
      }
    }
    BarRenderer renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setItemMargin(0.05);
    for (int r = 0; r < runs.size(); r++) {
      renderer.setSeriesPaint(r, colour(r));
    }
    NumberAxis yAxis = new NumberAxis("Cost (USD)");
    yAxis.setNumberFormatOverride(new java.text.DecimalFormat("$#,##0.######",
        java.text.DecimalFormatSymbols.getInstance(Locale.US)));
    CategoryAxis xAxis = new CategoryAxis("Cost component");
    CategoryPlot plot = new CategoryPlot(data, xAxis, yAxis, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(ChartStyle.GRID);
    plot.setOutlineVisible(false);
    String title = "Cost by component — " + heading;
    JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    xAxis.setLabelFont(ChartStyle.LABEL_FONT);
    xAxis.setTickLabelFont(ChartStyle.TICK_FONT);
    yAxis.setLabelFont(ChartStyle.LABEL_FONT);
    yAxis.setTickLabelFont(ChartStyle.TICK_FONT);
    LegendTitle legend = chart.getLegend();
    legend.setItemFont(ChartStyle.TICK_FONT);
    legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
    return new ReportChart(stem, title, "USD for the simulated time, by component, one bar per "
        + "run: requests, compute (duration), provisioned concurrency, and their total.", chart);
  }

  private ReportChart xyChart(String stem, String title, XYPlot plot, String caption) {
    JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE_FONT, plot, true);
    ChartStyle.apply(chart);
    return new ReportChart(stem, title, caption, chart);
  }

  private static Paint colour(int run) {
    return ChartStyle.color(run);
  }
}
