package dev.lambdasim.report;

import java.awt.Color;
import java.awt.Paint;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The frame that every per-period chart of one subject shares: the time axis over its metric
 * periods, line and stacked-bar plots of its columns, limit markers and the chart's title and
 * file stem. The subject's charts ({@link RequestCharts}, {@link ConcurrencyChart},
 * {@link QueueCharts}, {@link EnvironmentCharts}, {@link LatencyCdfChart}) differ only in what
 * they draw; keeping the frame here is what makes their axes, gaps and colours agree.
 */
final class PeriodPlots {
  private final MetricSeries series;
  private final String subjectName;
  private final String fileStem;
  private final double periodSeconds;
  private final TimeScale timeScale;
  private final double[] x;
  private final double lastPeriodX;

  /**
   * @param subjectName shown in chart titles ("function api" or "account")
   * @param fileStem safe file name prefix for this subject
   * @param periodSeconds the metrics period, used as the width of bars
   */
  PeriodPlots(MetricSeries series, String subjectName, String fileStem, double periodSeconds) {
    this.series = series;
    this.subjectName = subjectName;
    this.fileStem = fileStem;
    this.periodSeconds = periodSeconds;
    PeriodBuckets periods = series.periods();
    double lastStart = periods.lastStartSeconds();
    double end = periods.periodCount() == 0 ? periodSeconds : lastStart + periodSeconds;
    this.timeScale = TimeScale.forSpanSeconds(end);
    this.x = timeScale.scale(periods.bucketStartsSeconds());
    this.lastPeriodX = periods.periodCount() == 0 ? 0.0 : lastStart / timeScale.secondsPerUnit();
  }

  MetricSeries series() {
    return series;
  }

  /**
   * Returns the column's sum per bucket, aligned with {@link #x()}: its value per period (NaN
   * where the period has none) unless the periods are downsampled.
   */
  double[] totals(MetricColumn column) {
    return series.totals(column);
  }

  /** Returns the line through the column's values (each bucket's extremes), in axis units. */
  SeriesPoints line(MetricColumn column) {
    return inUnits(series.extremes(column));
  }

  /** Returns {@code seconds}, points with x in seconds, with x in time-axis units. */
  SeriesPoints inUnits(SeriesPoints seconds) {
    return seconds.inUnits(timeScale);
  }

  /** Returns the bucket starts (the period starts unless downsampled) in time-axis units. */
  double[] x() {
    return x;
  }

  /** Returns the length of one period in time-axis units. */
  double periodUnits() {
    return periodSeconds / timeScale.secondsPerUnit();
  }

  /** Returns the length of one bucket (one period unless downsampled) in time-axis units. */
  double bucketUnits() {
    return periodUnits() * series.periods().periodsPerBucket();
  }

  /** Returns a time in seconds in time-axis units. */
  double units(double seconds) {
    return seconds / timeScale.secondsPerUnit();
  }

  /** Returns the end of the last period, in time-axis units. */
  double periodEnd() {
    return lastPeriodX + periodUnits();
  }

  /** Returns the period's length as the captions write it ("60 s"). */
  String periodText() {
    return NumberText.count(periodSeconds) + " s";
  }

  /** Returns {@code what} with the subject's name, as every chart title ends. */
  String title(String what) {
    return what + " — " + subjectName;
  }

  /** Returns a line per column that has data; a column keeps its colour by its position. */
  XYPlot linePlot(String yLabel, MetricColumn... columns) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = lineRenderer(0);
    for (int c = 0; c < columns.length; c++) {
      // A column keeps its colour even when an earlier one has no data and is left out.
      SeriesPoints points = line(columns[c]);
      if (addIfData(data, columns[c].label(), points)) {
        int index = data.getSeriesCount() - 1;
        styleSeries(renderer, index, ChartStyle.color(c));
        renderer.setSeriesShapesVisible(index, PointMarks.needed(points.y()));
      }
    }
    return new XYPlot(data, timeAxis(), countAxis(yLabel), renderer);
  }

  /**
   * Returns a bar plot of stacked layers: the cumulative tops are drawn highest first, so each
   * lower layer paints over the part of the bar that is its own.
   */
  XYPlot barPlot(String yLabel, List<StackedLayers.Layer> layers) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYBarRenderer renderer = new XYBarRenderer(0.1);
    renderer.setBarPainter(new StandardXYBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(false);
    for (int l = layers.size() - 1; l >= 0; l--) {
      StackedLayers.Layer layer = layers.get(l);
      XYSeries top = new XYSeries(layer.label(), false, true);
      for (int i = 0; i < x.length; i++) {
        top.add(x[i], layer.tops()[i]);
      }
      data.addSeries(top);
      renderer.setSeriesPaint(data.getSeriesCount() - 1, ChartStyle.color(layer.position()));
    }
    // Bars span [periodStart, periodStart + period], as the period (or bucket) they summarise.
    data.setIntervalWidth(bucketUnits());
    data.setIntervalPositionFactor(0.0);
    String label = yLabel;
    if (series.periods().downsampled()) {
      label = yLabel.replace("per period", "per " + bucketText());
    }
    XYPlot plot = new XYPlot(data, timeAxis(), countAxis(label), renderer);
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    return plot;
  }

  /**
   * Returns the columns' sums stacked in this order, bottom first, one slot per bucket: counts
   * per period, or per bucket once downsampled, so the bars' total stays the run's total.
   */
  StackedLayers layers(MetricColumn... columns) {
    StackedLayers layers = new StackedLayers(x.length);
    for (MetricColumn column : columns) {
      layers.add(column.label(), series.totals(column));
    }
    return layers;
  }

  /**
   * Returns the columns' means stacked in this order, bottom first, one slot per bucket: for
   * time-weighted means per period, the time-weighted mean over each bucket.
   */
  StackedLayers meanLayers(MetricColumn... columns) {
    StackedLayers layers = new StackedLayers(x.length);
    for (MetricColumn column : columns) {
      layers.add(column.label(), series.means(column));
    }
    return layers;
  }

  /** Adds the points as a line when any has a value; returns whether it did. */
  boolean addIfData(XYSeriesCollection data, String label, SeriesPoints points) {
    boolean any = false;
    XYSeries line = new XYSeries(label, false, true);
    double[] values = points.y();
    for (int i = 0; i < values.length; i++) {
      // A null y leaves a gap: an empty cell means "no data", not zero.
      line.add(points.x()[i], Double.isNaN(values[i]) ? null : values[i]);
      any |= !Double.isNaN(values[i]);
    }
    if (any) {
      data.addSeries(line);
    }
    return any;
  }

  /** Adds a line when it has data, with point marks when it needs them. */
  void addLine(XYSeriesCollection data, XYLineAndShapeRenderer renderer, String label,
      SeriesPoints points) {
    if (addIfData(data, label, points)) {
      renderer.setSeriesShapesVisible(data.getSeriesCount() - 1, PointMarks.needed(points.y()));
    }
  }

  /**
   * Puts a second dataset on the right-hand axis, drawn over the first: the bars or counts stay
   * readable on the left, and the line of a different unit sits on top.
   */
  static void onRightAxis(XYPlot plot, NumberAxis axis, XYSeriesCollection data,
      XYLineAndShapeRenderer renderer) {
    plot.setRangeAxis(1, axis);
    plot.setDataset(1, data);
    plot.mapDatasetToRangeAxis(1, 1);
    plot.setRenderer(1, renderer);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
  }

  /** Returns a line renderer whose first four series take consecutive colours. */
  static XYLineAndShapeRenderer lineRenderer(int firstColour) {
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < 4; i++) {
      styleSeries(renderer, i, ChartStyle.color(firstColour + i));
    }
    return renderer;
  }

  static void styleSeries(XYLineAndShapeRenderer renderer, int index, Paint paint) {
    renderer.setSeriesPaint(index, paint);
    renderer.setSeriesStroke(index, ChartStyle.LINE);
  }

  /** Returns the time axis from the first period's start to the last period's end. */
  NumberAxis timeAxis() {
    NumberAxis axis = new NumberAxis(timeScale.axisLabel());
    double start = x.length == 0 ? 0.0 : x[0];
    double end = periodEnd();
    axis.setRange(start, Math.max(end, start + 1e-9));
    return axis;
  }

  static NumberAxis countAxis(String label) {
    NumberAxis axis = new NumberAxis(label);
    axis.setAutoRangeIncludesZero(true);
    if (label.contains("(count")) {
      // Counts are whole numbers; a tick at 0.5 throttles would read as nonsense.
      axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.US));
    }
    return axis;
  }

  /** Draws a dashed, labelled limit line, unless the limit is absent (NaN). */
  static void marker(XYPlot plot, double value, String label, Color colour) {
    if (Double.isNaN(value)) {
      return;
    }
    ValueMarker marker = new ValueMarker(value, colour, ChartStyle.DASHED);
    marker.setLabel(label + " " + NumberText.count(value));
    marker.setLabelFont(ChartStyle.ANNOTATION_FONT);
    marker.setLabelPaint(colour);
    marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
    plot.addRangeMarker(marker);
  }

  /** Returns the chart of a plot over time, styled, titled {@code what — subject}. */
  ReportChart chart(String kind, String what, XYPlot plot, String caption) {
    JFreeChart chart = new JFreeChart(title(what), ChartStyle.TITLE_FONT, plot, true);
    addDownsamplingNote(chart);
    return finish(kind, chart, caption);
  }

  /** Says under the title how the periods were gathered into buckets, when they were. */
  void addDownsamplingNote(JFreeChart chart) {
    PeriodBuckets periods = series.periods();
    if (periods.downsampled()) {
      chart.addSubtitle(new TextTitle(String.format(Locale.US,
          "%s periods of %s drawn as %s buckets of %s: lines keep each bucket's lowest and "
              + "highest period, bars its sum, areas its mean",
          NumberText.count(periods.periodCount()), periodText(),
          NumberText.count(periods.bucketCount()), bucketText()), ChartStyle.SUBTITLE_FONT));
    }
  }

  /** Returns a bucket's length as the notes write it ("1,024 s"). */
  private String bucketText() {
    return NumberText.count(periodSeconds * series.periods().periodsPerBucket()) + " s";
  }

  /** Styles a chart built elsewhere (one with subtitles) and names its file. */
  ReportChart finish(String kind, JFreeChart chart, String caption) {
    ChartStyle.apply(chart);
    return new ReportChart(fileStem + "-" + kind, chart.getTitle().getText(), caption, chart);
  }
}
