package dev.lambdasim.report;

import java.util.List;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The Insights-style views of one subject's execution environments: cold starts with their init
 * durations, the environments in each state, and environments created and ended. Read together
 * they show the pool's life: a burst of cold starts, the pool growing, then keep-alive ending it.
 */
record EnvironmentCharts(PeriodPlots plots) {

  ReportChart coldStarts() {
    XYPlot plot = plots.barPlot("Cold starts (count per period)",
        plots.layers(MetricColumn.COLD_STARTS).visibleLayers());
    NumberAxis initAxis = new NumberAxis("Init duration (ms)");
    initAxis.setAutoRangeIncludesZero(true);
    XYSeriesCollection initData = new XYSeriesCollection();
    XYLineAndShapeRenderer initRenderer = PeriodPlots.lineRenderer(1);
    // Init durations exist only in periods with cold starts, often one period here and there.
    for (MetricColumn column : new MetricColumn[] {
        MetricColumn.INIT_DURATION_AVG, MetricColumn.INIT_DURATION_P99}) {
      plots.addLine(initData, initRenderer, column.label(), plots.line(column));
    }
    PeriodPlots.onRightAxis(plot, initAxis, initData, initRenderer);
    plot.setNoDataMessage("No cold starts in this run");
    return plots.chart("cold-starts", "Cold starts and init duration per period", plot,
        "Bars count requests that had to wait for a new environment (left axis); lines show how "
            + "long those inits took, average and p99 (right axis).");
  }

  ReportChart environments() {
    List<StackedLayers.Layer> visible =
        plots.meanLayers(MetricColumn.environmentStates()).visibleLayers();
    StackedXYAreaRenderer2 renderer = new StackedXYAreaRenderer2();
    renderer.setRoundXCoordinates(false);
    for (int l = 0; l < visible.size(); l++) {
      // A state keeps its colour even when a layer below it is empty and left out.
      renderer.setSeriesPaint(l, ChartStyle.color(visible.get(l).position()));
    }
    XYPlot plot = new XYPlot(StackedArea.of(plots.x(), plots.periodEnd(), visible),
        plots.timeAxis(), PeriodPlots.countAxis("Environments (time-weighted mean)"), renderer);
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    plot.setNoDataMessage("No execution environments in this run");
    return plots.chart("environments", "Execution environments by state (stacked)", plot,
        "How many environments existed in each state, averaged over each period: initialising "
            + "(cold start in progress), busy, idle (kept warm) and provisioned-idle, stacked in "
            + "that order. The top edge is the total number of environments; the thickness of a "
            + "band is how many were in that state.");
  }

  ReportChart environmentChurn() {
    XYPlot plot = plots.linePlot("Environments (count per period)",
        MetricColumn.ENVIRONMENTS_CREATED, MetricColumn.SHUTDOWNS);
    return plots.chart("environment-churn", "Environments created and ended per period", plot,
        "New execution environments (each one a cold start, or a provisioned environment being "
            + "allocated or replaced) and environments that ended, after their keep-alive or at "
            + "their maximum lifetime. Creations without matching ends mean the pool is growing; "
            + "a wave of ends some minutes after a burst is its keep-alive running out.");
  }
}
