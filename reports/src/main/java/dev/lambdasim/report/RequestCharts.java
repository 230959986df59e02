package dev.lambdasim.report;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The console's request graphs of one subject: invocations, duration, errors with the success
 * rate, and throttles by reason. They read only request counts and times, so they are alike for
 * every subject, whatever sources or concurrency settings it has.
 */
record RequestCharts(PeriodPlots plots) {

  ReportChart invocations() {
    XYPlot plot = plots.linePlot("Invocations (count per period)", MetricColumn.INVOCATIONS);
    return plots.chart("invocations", "Invocations per period", plot,
        "Requests that ran the handler in each " + plots.periodText() + " period (throttled "
            + "requests are not counted). Spikes here line up with the concurrency and "
            + "cold-start charts.");
  }

  ReportChart duration() {
    XYPlot plot = plots.linePlot("Duration (ms)",
        MetricColumn.DURATION_AVG, MetricColumn.DURATION_P99, MetricColumn.DURATION_MAX);
    return plots.chart("duration", "Handler duration per period (avg, p99, max)", plot,
        "Handler run time per period, excluding init. A p99 far above the average means a slow "
            + "tail; gaps are periods in which nothing ran.");
  }

  ReportChart errors() {
    XYPlot plot = plots.barPlot("Errors (count per period)", plots.layers(MetricColumn.ERRORS).visibleLayers());
    // Over the same buckets as the bars: the rate of each period, or of each bucket's totals.
    double[] rate = SuccessRate.percent(
        plots.totals(MetricColumn.INVOCATIONS), plots.totals(MetricColumn.ERRORS));
    NumberAxis rateAxis = new NumberAxis("Success rate (%)");
    rateAxis.setRange(0.0, 105.0);
    XYSeriesCollection rateData = new XYSeriesCollection();
    XYLineAndShapeRenderer rateRenderer = PeriodPlots.lineRenderer(1);
    plots.addLine(rateData, rateRenderer, "Success rate (%)", new SeriesPoints(plots.x(), rate));
    PeriodPlots.onRightAxis(plot, rateAxis, rateData, rateRenderer);
    return plots.chart("errors", "Errors and success rate per period", plot,
        "Bars count invocations that ended in a function error or timeout (left axis); the line "
            + "is the success rate, (invocations − errors) / invocations, on the right axis.");
  }

  ReportChart throttles() {
    StackedLayers layers = plots.layers(MetricColumn.throttleReasons());
    layers.addRemainder("Reason not recorded", plots.totals(MetricColumn.THROTTLES));
    XYPlot plot = plots.barPlot("Throttles (count per period)", layers.visibleLayers());
    plot.setNoDataMessage("No throttles in this run");
    return plots.chart("throttles", "Throttles per period, stacked by reason", plot,
        "Requests rejected with 429 in each period; each colour is one limit that caused it "
            + "(account, reserved concurrency, request rate, scaling rate). The bar height is the total.");
  }
}
