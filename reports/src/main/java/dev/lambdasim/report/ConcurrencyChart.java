package dev.lambdasim.report;

import java.awt.BasicStroke;
import java.awt.Paint;
import java.awt.Polygon;
import java.awt.Shape;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The concurrency chart of one subject, against the limits that cap it. It is the one chart
 * that knows provisioned concurrency: with it configured, the chart adds the configured and
 * ready steps and the scaling actions, because spillover to on-demand shows only where the
 * concurrency line crosses the ready step.
 *
 * @param scaling the provisioned-concurrency scaling actions to mark
 */
record ConcurrencyChart(PeriodPlots plots, LimitLines limits, ScalingMarks scaling) {
  private static final BasicStroke THIN = new BasicStroke(1.2f);
  private static final Shape UP_TRIANGLE =
      new Polygon(new int[] {-5, 5, 0}, new int[] {4, 4, -5}, 3);
  private static final Shape DOWN_TRIANGLE =
      new Polygon(new int[] {-5, 5, 0}, new int[] {-4, -4, 5}, 3);

  /** Returns whether the subject had provisioned concurrency configured at some point. */
  boolean showsProvisioned() {
    MetricSeries series = plots.series();
    return series.max(MetricColumn.PROVISIONED_CONFIGURED) > 0.0
        || series.max(MetricColumn.PROVISIONED_READY) > 0.0 || !scaling.isEmpty();
  }

  ReportChart chart() {
    boolean provisioned = showsProvisioned();
    XYPlot plot = provisioned
        ? plots.linePlot("Concurrent executions (count)", MetricColumn.CONCURRENT_EXECUTIONS,
            MetricColumn.PROVISIONED_CONCURRENT_EXECUTIONS)
        : plots.linePlot("Concurrent executions (count)", MetricColumn.CONCURRENT_EXECUTIONS);
    double peak = plots.series().max(MetricColumn.CONCURRENT_EXECUTIONS);
    double top = Double.isNaN(peak) ? 0.0 : peak;
    PeriodPlots.marker(plot, limits.reserved(), "reserved concurrency", ChartStyle.LIMIT_RESERVED);
    if (provisioned) {
      top = Math.max(top, provisionedSteps(plot));
    } else {
      PeriodPlots.marker(plot, limits.provisioned(), "provisioned concurrency",
          ChartStyle.LIMIT_PROVISIONED);
    }
    plot.getRangeAxis().setRange(0.0, limits.axisUpperBound(top));
    JFreeChart chart = new JFreeChart(plots.title("Concurrent executions (max per period)"),
        ChartStyle.TITLE_FONT, plot, true);
    if (limits.showsAccountLimit(top)) {
      PeriodPlots.marker(plot, limits.account(), "account limit", ChartStyle.LIMIT_ACCOUNT);
    } else if (!Double.isNaN(limits.account())) {
      TextTitle note = new TextTitle(String.format(Locale.US,
          "Account concurrency limit %s is far above this range and not drawn",
          NumberText.count(limits.account())), ChartStyle.SUBTITLE_FONT);
      chart.addSubtitle(note);
    }
    if (!scaling.note().isEmpty()) {
      chart.addSubtitle(new TextTitle(scaling.note(), ChartStyle.SUBTITLE_FONT));
    }
    String caption = "The highest number of environments running a request at once in each "
        + "period. Dashed lines are the limits that cap it: reserved concurrency, provisioned "
        + "concurrency and the account limit.";
    if (provisioned) {
      caption = "The highest number of environments running a request at once in each period, "
          + "and how many of them were provisioned environments (used). The steps are the "
          + "provisioned concurrency: configured (what is billed) and ready (initialised and "
          + "usable; it lags a raise by the allocation delay and dips while a recycled "
          + "environment re-runs Init), each the time-weighted mean of the period. Triangles "
          + "mark scaling actions at their new value (up: scale-out, down: scale-in), some "
          + "labelled from\u2192to. Where the concurrency line rises above ready, requests "
          + "spilled over to on-demand environments and may have started cold.";
    }
    plots.addDownsamplingNote(chart);
    return plots.finish("concurrency", chart, caption);
  }

  /**
   * Adds the configured and ready steps and the scaling marks to the concurrency plot; returns
   * the highest value drawn.
   */
  private double provisionedSteps(XYPlot plot) {
    double top = 0.0;
    XYSeriesCollection steps = new XYSeriesCollection();
    XYStepRenderer stepRenderer = new XYStepRenderer();
    MetricColumn[] columns = {MetricColumn.PROVISIONED_CONFIGURED, MetricColumn.PROVISIONED_READY};
    Paint[] paints = {ChartStyle.LIMIT_PROVISIONED, ChartStyle.color(5)};
    for (int c = 0; c < columns.length; c++) {
      StepLine step = StepLine.of(plots.line(columns[c]), plots.periodEnd());
      if (!step.anyPositive()) {
        continue;
      }
      XYSeries line = new XYSeries(columns[c].label(), false, true);
      for (int i = 0; i < step.x().length; i++) {
        line.add(step.x()[i], Double.isNaN(step.y()[i]) ? null : step.y()[i]);
        if (!Double.isNaN(step.y()[i])) {
          top = Math.max(top, step.y()[i]);
        }
      }
      steps.addSeries(line);
      int index = steps.getSeriesCount() - 1;
      stepRenderer.setSeriesPaint(index, paints[c]);
      stepRenderer.setSeriesStroke(index, c == 0 ? ChartStyle.LINE : ChartStyle.DASHED);
      stepRenderer.setSeriesShapesVisible(index, false);
    }
    plot.setDataset(1, steps);
    plot.setRenderer(1, stepRenderer);
    if (!scaling.isEmpty()) {
      top = Math.max(top, scalingMarks(plot));
    }
    // The steps and marks go over the concurrency lines; the used line is thinner, because
    // it often sits on the ready step (every provisioned environment busy).
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    XYSeriesCollection lines = (XYSeriesCollection) plot.getDataset(0);
    int used = lines.getSeriesIndex(MetricColumn.PROVISIONED_CONCURRENT_EXECUTIONS.label());
    if (used >= 0) {
      ((XYLineAndShapeRenderer) plot.getRenderer(0)).setSeriesStroke(used, THIN);
    }
    // The used line over the total: where they part, requests ran on on-demand environments.
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    return top;
  }

  /**
   * Adds a triangle per scaling action at its new value, and the labels of those that carry
   * one; returns the highest value marked.
   */
  private double scalingMarks(XYPlot plot) {
    double top = 0.0;
    XYSeriesCollection marks = new XYSeriesCollection();
    XYSeries out = new XYSeries("Scale-out", false, true);
    XYSeries in = new XYSeries("Scale-in", false, true);
    for (ScalingMarks.Mark mark : scaling.marks()) {
      double at = plots.units(mark.timeSeconds());
      (mark.scaleOut() ? out : in).add(at, mark.to());
      top = Math.max(top, mark.to());
      if (mark.labelled()) {
        // Under the step, clear of the triangle: below-right of a rise, below-left of a fall.
        XYTextAnnotation label = new XYTextAnnotation(
            mark.scaleOut() ? "  " + mark.label() : mark.label() + "  ", at, mark.to());
        label.setFont(ChartStyle.ANNOTATION_FONT);
        label.setPaint(ChartStyle.LIMIT_ACCOUNT);
        label.setTextAnchor(mark.scaleOut() ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT);
        plot.addAnnotation(label);
      }
    }
    XYLineAndShapeRenderer markRenderer = new XYLineAndShapeRenderer(false, true);
    for (XYSeries marked : new XYSeries[] {out, in}) {
      if (marked.getItemCount() == 0) {
        continue;
      }
      marks.addSeries(marked);
      int index = marks.getSeriesCount() - 1;
      markRenderer.setSeriesPaint(index, ChartStyle.LIMIT_ACCOUNT);
      markRenderer.setSeriesShape(index, marked == out ? UP_TRIANGLE : DOWN_TRIANGLE);
    }
    plot.setDataset(2, marks);
    plot.setRenderer(2, markRenderer);
    return top;
  }
}
