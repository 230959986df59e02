package dev.lambdasim.report;

import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The latency CDF of one subject, one line per request kind (cold, warm) with p50 and p99
 * marked. Its axis is latency on a log scale, not time, so it shares only the title and file
 * stem with the per-period charts.
 */
record LatencyCdfChart(PeriodPlots plots, LatencyCdf latency) {
  private static final double[] MARKED_PERCENTILES = {50.0, 99.0};

  ReportChart chart() {
    XYSeriesCollection data = new XYSeriesCollection();
    List<String> kinds = new ArrayList<>();
    for (String kind : latency.kinds()) {
      List<LatencyCdf.Point> points = latency.logAxisPoints(kind);
      if (points.isEmpty()) {
        continue;
      }
      XYSeries line = new XYSeries(kind, false, true);
      for (LatencyCdf.Point point : points) {
        line.add(point.latencyMs(), point.percentile());
      }
      data.addSeries(line);
      kinds.add(kind);
    }
    LogAxis xAxis = new LogAxis("Latency seen by the caller (ms, log scale)");
    xAxis.setSmallestValue(1e-3);
    // One labelled tick per power of ten reads better than JFreeChart's default log ticks.
    xAxis.setTickUnit(new NumberTickUnit(1.0));
    xAxis.setMinorTickCount(9);
    xAxis.setMinorTickMarksVisible(true);
    xAxis.setUpperMargin(0.08);
    xAxis.setLowerMargin(0.05);
    NumberAxis yAxis = new NumberAxis("Requests at or below (%)");
    yAxis.setRange(0.0, 102.0);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
    for (int i = 0; i < kinds.size(); i++) {
      PeriodPlots.styleSeries(renderer, i, kindColour(kinds.get(i)));
      for (double p : MARKED_PERCENTILES) {
        markPercentile(plot, kinds.get(i), i, p);
      }
    }
    for (double p : MARKED_PERCENTILES) {
      ValueMarker line = new ValueMarker(p, ChartStyle.MARKER, ChartStyle.DASHED);
      plot.addRangeMarker(line);
    }
    plot.setNoDataMessage("No latency observations in this run");
    // Its axis is latency, not time: no note about downsampled periods.
    JFreeChart chart = new JFreeChart(plots.title("Latency distribution, cold vs warm requests"),
        ChartStyle.TITLE_FONT, plot, true);
    return plots.finish("latency-cdf", chart,
        "Each line is a cumulative distribution: read across from a percentage to the latency "
            + "that share of requests did not exceed. Dots mark p50 and p99; the gap between the "
            + "cold and warm lines is what a cold start costs the caller.");
  }

  /** Marks percentile {@code p} of the kind's line with a dot and its value. */
  private void markPercentile(XYPlot plot, String kind, int line, double p) {
    double ms = latency.latencyAtMs(kind, p);
    if (!(ms > 0.0)) {
      return;
    }
    Paint colour = kindColour(kind);
    // The mark's size is in data units on a log axis, so scale it around the point.
    plot.addAnnotation(new XYShapeAnnotation(
        new Ellipse2D.Double(ms * 0.97, p - 1.5, ms * 0.06, 3.0),
        ChartStyle.LINE, (Color) colour, (Color) colour));
    // Each kind's labels sit one step lower than the previous kind's, so they do not overlap.
    XYTextAnnotation label = new XYTextAnnotation(String.format(Locale.US, " %s p%.0f %s ms ",
        kind, p, NumberText.decimal(ms, 1)), ms, p - 4.0 * (line + 1));
    label.setFont(ChartStyle.ANNOTATION_FONT);
    // p99 sits at the right end of a line, so its label goes left of the dot.
    label.setTextAnchor(p > 90.0 ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
    label.setPaint(colour);
    plot.addAnnotation(label);
  }

  private static Paint kindColour(String kind) {
    return switch (kind) {
      case "warm" -> ChartStyle.color(0);
      case "cold" -> ChartStyle.color(3);
      default -> ChartStyle.color(4 + Math.floorMod(kind.hashCode(), 3));
    };
  }
}
