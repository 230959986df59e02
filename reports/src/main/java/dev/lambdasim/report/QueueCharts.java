package dev.lambdasim.report;

import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of work that waits before the function runs it: the async event queue, the event
 * source mapping (SQS queue or stream) and the stream iterator age. Each pairs a backlog count
 * with an age, because a backlog alone does not say whether the function is falling behind.
 *
 * @param eventSource the subject's SQS or stream event source
 */
record QueueCharts(PeriodPlots plots, EventSourceData eventSource) {

  ReportChart asyncQueue() {
    XYPlot plot = plots.linePlot("Events (count per period)", MetricColumn.ASYNC_QUEUE_DEPTH_MAX,
        MetricColumn.ASYNC_EVENTS_RECEIVED, MetricColumn.ASYNC_EVENTS_DROPPED);
    NumberAxis ageAxis = new NumberAxis("Oldest event age at invocation (s)");
    ageAxis.setAutoRangeIncludesZero(true);
    XYSeriesCollection ageData = new XYSeriesCollection();
    XYLineAndShapeRenderer ageRenderer = PeriodPlots.lineRenderer(3);
    for (int i = 0; i < 4; i++) {
      ageRenderer.setSeriesStroke(i, ChartStyle.DASHED);
    }
    plots.addLine(ageData, ageRenderer, "Event age max (s, right axis)",
        AsyncQueueData.seconds(plots.line(MetricColumn.ASYNC_EVENT_AGE_MAX)));
    PeriodPlots.onRightAxis(plot, ageAxis, ageData, ageRenderer);
    plot.setNoDataMessage("No asynchronous events in this run");
    return plots.chart("async-queue", "Async event queue per period", plot,
        "Lambda's internal queue for asynchronous invocations. Queue depth is the most events "
            + "waiting at once in the period; received counts events accepted (the caller is "
            + "never throttled); dropped counts events that ended without success (too old, "
            + "retries exhausted). The dashed line, on the right axis, is the age of the oldest "
            + "event invoked in the period: it climbs while a backlog drains, and an event older "
            + "than the maximum event age is dropped. Retried events are 1-3 minutes old by design.");
  }

  /**
   * The event source mapping: backlog (left axis), batches running and the SQS poller allowance
   * (a second count axis, as they are far smaller than a deep backlog) and the message or
   * iterator ages in seconds (right axis).
   */
  ReportChart eventSourceMapping() {
    XYSeriesCollection backlog = new XYSeriesCollection();
    XYLineAndShapeRenderer backlogRenderer = PeriodPlots.lineRenderer(0);
    for (EventSourceData.Line line : eventSource.backlog(plots.series())) {
      plots.addLine(backlog, backlogRenderer, line.label(), plots.inUnits(line.points()));
    }
    XYPlot plot = new XYPlot(backlog, plots.timeAxis(), PeriodPlots.countAxis("Backlog (count)"),
        backlogRenderer);

    XYSeriesCollection batches = new XYSeriesCollection();
    XYLineAndShapeRenderer batchRenderer = PeriodPlots.lineRenderer(2);
    for (EventSourceData.Line line : eventSource.batches(plots.series())) {
      SeriesPoints points = plots.inUnits(line.points());
      if (plots.addIfData(batches, line.label(), points)) {
        int index = batches.getSeriesCount() - 1;
        boolean allowance = line.column() == MetricColumn.SQS_POLLER_CONCURRENCY_MAX;
        PeriodPlots.styleSeries(batchRenderer, index, ChartStyle.color(allowance ? 6 : 2));
        if (allowance) {
          batchRenderer.setSeriesStroke(index, ChartStyle.DASHED);
        }
        batchRenderer.setSeriesShapesVisible(index, PointMarks.needed(points.y()));
      }
    }
    plot.setRangeAxis(2, PeriodPlots.countAxis("Batches (count)"));
    plot.setRangeAxisLocation(2, AxisLocation.BOTTOM_OR_LEFT);
    plot.setDataset(2, batches);
    plot.mapDatasetToRangeAxis(2, 2);
    plot.setRenderer(2, batchRenderer);

    NumberAxis ageAxis = new NumberAxis("Age (s)");
    ageAxis.setAutoRangeIncludesZero(true);
    XYSeriesCollection ages = new XYSeriesCollection();
    XYLineAndShapeRenderer ageRenderer = new XYLineAndShapeRenderer(true, false);
    for (EventSourceData.Line line : eventSource.ages(plots.series())) {
      SeriesPoints points = plots.inUnits(line.points());
      if (plots.addIfData(ages, line.label(), points)) {
        int index = ages.getSeriesCount() - 1;
        boolean max = line.column() == MetricColumn.MESSAGE_AGE_MAX
            || line.column() == MetricColumn.ITERATOR_AGE_MAX;
        ageRenderer.setSeriesPaint(index, ChartStyle.color(max ? 3 : 4));
        ageRenderer.setSeriesStroke(index, ChartStyle.DASHED);
        ageRenderer.setSeriesShapesVisible(index, PointMarks.needed(points.y()));
      }
    }
    PeriodPlots.onRightAxis(plot, ageAxis, ages, ageRenderer);
    plot.setNoDataMessage("No event source mapping activity in this run");
    String source = eventSource.sqs() && !eventSource.stream() ? "SQS queue"
        : eventSource.stream() && !eventSource.sqs() ? "stream" : "event sources";
    return plots.chart("event-source", "Event source mapping (" + source + ") per period", plot,
        eventSource.caption());
  }

  ReportChart iteratorAge() {
    XYPlot plot = plots.linePlot("Iterator age (ms)", MetricColumn.ITERATOR_AGE_MAX);
    plot.setNoDataMessage("No stream event sources in this run");
    return plots.chart("iterator-age", "Iterator age (max per period)", plot,
        "For Kinesis or DynamoDB stream sources: the age of the last record of each batch when it "
            + "was read. A rising line means the function falls behind its stream.");
  }
}
