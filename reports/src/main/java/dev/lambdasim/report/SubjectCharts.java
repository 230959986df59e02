package dev.lambdasim.report;

import java.awt.Color;
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
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Builds the charts of one subject (a function, or the account): the console's monitoring graphs
 * over metric periods, the Insights-style cold-start and environment views, and the latency CDF.
 * Drawing only; the numbers come from {@link MetricSeries}, {@link StackedLayers},
 * {@link SuccessRate}, {@link LimitLines} and {@link LatencyCdf}.
 */
final class SubjectCharts {
  private final MetricSeries series;
  private final String subjectName;
  private final String fileStem;
  private final LimitLines limits;
  private final LatencyCdf latency;
  private final double periodSeconds;
  private final TimeScale timeScale;
  private final double[] x;
  private final ScalingMarks scaling;
  private final boolean asyncEvents;
  private final EventSourceData eventSource;

  /**
   * @param subjectName shown in chart titles ("function api" or "account")
   * @param fileStem safe file name prefix for this subject
   * @param latency the subject's latency CDF, or null when latency.csv has none
   * @param periodSeconds the metrics period, used as the width of bars
   */
  SubjectCharts(MetricSeries series, String subjectName, String fileStem, LimitLines limits,
      LatencyCdf latency, double periodSeconds) {
    this(series, subjectName, fileStem, limits, latency, periodSeconds, ScalingMarks.NONE, false);
  }

  /**
   * @param scaling the provisioned-concurrency scaling actions to mark on the concurrency chart
   * @param asyncEvents whether the subject received async events (adds the async queue chart)
   */
  SubjectCharts(MetricSeries series, String subjectName, String fileStem, LimitLines limits,
      LatencyCdf latency, double periodSeconds, ScalingMarks scaling, boolean asyncEvents) {
    this(series, subjectName, fileStem, limits, latency, periodSeconds, scaling, asyncEvents,
        EventSourceData.NONE);
  }

  /** @param eventSource the subject's SQS or stream event source (adds its chart when mapped) */
  SubjectCharts(MetricSeries series, String subjectName, String fileStem, LimitLines limits,
      LatencyCdf latency, double periodSeconds, ScalingMarks scaling, boolean asyncEvents,
      EventSourceData eventSource) {
    this.eventSource = eventSource;
    this.scaling = scaling;
    this.asyncEvents = asyncEvents;
    this.series = series;
    this.subjectName = subjectName;
    this.fileStem = fileStem;
    this.limits = limits;
    this.latency = latency;
    this.periodSeconds = periodSeconds;
    double[] starts = series.periodStartsSeconds();
    double end = starts.length == 0 ? periodSeconds : starts[starts.length - 1] + periodSeconds;
    this.timeScale = TimeScale.forSpanSeconds(end);
    this.x = timeScale.scale(starts);
  }

  /** Returns every chart of the subject, in report order. */
  List<ReportChart> all() {
    List<ReportChart> charts = new ArrayList<>();
    charts.add(invocations());
    charts.add(duration());
    charts.add(errors());
    charts.add(throttles());
    charts.add(concurrency());
    charts.add(iteratorAge());
    if (asyncEvents) {
      charts.add(asyncQueue());
    }
    if (eventSource.mapped()) {
      charts.add(eventSourceMapping());
    }
    charts.add(coldStarts());
    charts.add(environments());
    charts.add(environmentChurn());
    if (latency != null && !latency.kinds().isEmpty()) {
      charts.add(latencyCdf());
    }
    return charts;
  }

  ReportChart invocations() {
    String title = "Invocations per period — " + subjectName;
    XYPlot plot = linePlot("Invocations (count per period)",
        MetricColumn.INVOCATIONS);
    return chart("invocations", title, plot,
        "Requests that ran the handler in each " + periodText() + " period (throttled requests "
            + "are not counted). Spikes here line up with the concurrency and cold-start charts.");
  }

  ReportChart duration() {
    XYPlot plot = linePlot("Duration (ms)",
        MetricColumn.DURATION_AVG, MetricColumn.DURATION_P99, MetricColumn.DURATION_MAX);
    return chart("duration", "Handler duration per period (avg, p99, max) — " + subjectName, plot,
        "Handler run time per period, excluding init. A p99 far above the average means a slow "
            + "tail; gaps are periods in which nothing ran.");
  }

  ReportChart errors() {
    XYPlot plot = barPlot("Errors (count per period)", single(MetricColumn.ERRORS));
    double[] rate = SuccessRate.percent(
        series.values(MetricColumn.INVOCATIONS), series.values(MetricColumn.ERRORS));
    NumberAxis rateAxis = new NumberAxis("Success rate (%)");
    rateAxis.setRange(0.0, 105.0);
    plot.setRangeAxis(1, rateAxis);
    XYSeriesCollection rateData = new XYSeriesCollection();
    XYLineAndShapeRenderer rateRenderer = lineRenderer(1);
    addLine(rateData, rateRenderer, "Success rate (%)", rate);
    plot.setDataset(1, rateData);
    plot.mapDatasetToRangeAxis(1, 1);
    plot.setRenderer(1, rateRenderer);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    return chart("errors", "Errors and success rate per period — " + subjectName, plot,
        "Bars count invocations that ended in a function error or timeout (left axis); the line "
            + "is the success rate, (invocations − errors) / invocations, on the right axis.");
  }

  ReportChart throttles() {
    StackedLayers layers = new StackedLayers(x.length);
    for (MetricColumn reason : MetricColumn.throttleReasons()) {
      layers.add(reason.label(), series.values(reason));
    }
    layers.addRemainder("Reason not recorded", series.values(MetricColumn.THROTTLES));
    XYPlot plot = barPlot("Throttles (count per period)", layers.visibleLayers());
    plot.setNoDataMessage("No throttles in this run");
    return chart("throttles", "Throttles per period, stacked by reason — " + subjectName, plot,
        "Requests rejected with 429 in each period; each colour is one limit that caused it "
            + "(account, reserved concurrency, request rate, scaling rate). The bar height is the total.");
  }

  /** Returns whether the subject had provisioned concurrency configured at some point. */
  boolean showsProvisioned() {
    return series.max(MetricColumn.PROVISIONED_CONFIGURED) > 0.0
        || series.max(MetricColumn.PROVISIONED_READY) > 0.0 || !scaling.isEmpty();
  }

  ReportChart concurrency() {
    boolean provisioned = showsProvisioned();
    XYPlot plot = provisioned
        ? linePlot("Concurrent executions (count)", MetricColumn.CONCURRENT_EXECUTIONS,
            MetricColumn.PROVISIONED_CONCURRENT_EXECUTIONS)
        : linePlot("Concurrent executions (count)", MetricColumn.CONCURRENT_EXECUTIONS);
    double peak = series.max(MetricColumn.CONCURRENT_EXECUTIONS);
    double top = Double.isNaN(peak) ? 0.0 : peak;
    marker(plot, limits.reserved(), "reserved concurrency", ChartStyle.LIMIT_RESERVED);
    if (provisioned) {
      top = Math.max(top, provisionedSteps(plot));
    } else {
      marker(plot, limits.provisioned(), "provisioned concurrency", ChartStyle.LIMIT_PROVISIONED);
    }
    plot.getRangeAxis().setRange(0.0, limits.axisUpperBound(top));
    JFreeChart chart = new JFreeChart("Concurrent executions (max per period) — " + subjectName,
        ChartStyle.TITLE_FONT, plot, true);
    if (limits.showsAccountLimit(top)) {
      marker(plot, limits.account(), "account limit", ChartStyle.LIMIT_ACCOUNT);
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
    return finish("concurrency", chart, caption);
  }

  /**
   * Adds the configured and ready steps and the scaling marks to the concurrency plot; returns
   * the highest value drawn.
   */
  private double provisionedSteps(XYPlot plot) {
    double top = 0.0;
    double periodUnits = periodSeconds / timeScale.secondsPerUnit();
    XYSeriesCollection steps = new XYSeriesCollection();
    XYStepRenderer stepRenderer = new XYStepRenderer();
    MetricColumn[] columns = {MetricColumn.PROVISIONED_CONFIGURED, MetricColumn.PROVISIONED_READY};
    java.awt.Paint[] paints = {ChartStyle.LIMIT_PROVISIONED, ChartStyle.color(5)};
    for (int c = 0; c < columns.length; c++) {
      StepLine step = StepLine.of(x, series.values(columns[c]), periodUnits);
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
      XYSeriesCollection marks = new XYSeriesCollection();
      XYSeries out = new XYSeries("Scale-out", false, true);
      XYSeries in = new XYSeries("Scale-in", false, true);
      for (ScalingMarks.Mark mark : scaling.marks()) {
        double at = mark.timeSeconds() / timeScale.secondsPerUnit();
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

  private static final java.awt.BasicStroke THIN = new java.awt.BasicStroke(1.2f);
  private static final java.awt.Shape UP_TRIANGLE =
      new java.awt.Polygon(new int[] {-5, 5, 0}, new int[] {4, 4, -5}, 3);
  private static final java.awt.Shape DOWN_TRIANGLE =
      new java.awt.Polygon(new int[] {-5, 5, 0}, new int[] {-4, -4, 5}, 3);

  ReportChart asyncQueue() {
    XYPlot plot = linePlot("Events (count per period)", MetricColumn.ASYNC_QUEUE_DEPTH_MAX,
        MetricColumn.ASYNC_EVENTS_RECEIVED, MetricColumn.ASYNC_EVENTS_DROPPED);
    NumberAxis ageAxis = new NumberAxis("Oldest event age at invocation (s)");
    ageAxis.setAutoRangeIncludesZero(true);
    plot.setRangeAxis(1, ageAxis);
    XYSeriesCollection ageData = new XYSeriesCollection();
    XYLineAndShapeRenderer ageRenderer = lineRenderer(3);
    for (int i = 0; i < 4; i++) {
      ageRenderer.setSeriesStroke(i, ChartStyle.DASHED);
    }
    addLine(ageData, ageRenderer, "Event age max (s, right axis)",
        AsyncQueueData.seconds(series.values(MetricColumn.ASYNC_EVENT_AGE_MAX)));
    plot.setDataset(1, ageData);
    plot.mapDatasetToRangeAxis(1, 1);
    plot.setRenderer(1, ageRenderer);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    plot.setNoDataMessage("No asynchronous events in this run");
    return chart("async-queue", "Async event queue per period — " + subjectName, plot,
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
    XYLineAndShapeRenderer backlogRenderer = lineRenderer(0);
    for (EventSourceData.Line line : eventSource.backlog(series)) {
      addLine(backlog, backlogRenderer, line.label(), line.values());
    }
    XYPlot plot = new XYPlot(backlog, timeAxis(), countAxis("Backlog (count)"), backlogRenderer);

    XYSeriesCollection batches = new XYSeriesCollection();
    XYLineAndShapeRenderer batchRenderer = lineRenderer(2);
    for (EventSourceData.Line line : eventSource.batches(series)) {
      if (addIfData(batches, line.label(), line.values())) {
        int index = batches.getSeriesCount() - 1;
        boolean allowance = line.column() == MetricColumn.SQS_POLLER_CONCURRENCY_MAX;
        styleSeries(batchRenderer, index, ChartStyle.color(allowance ? 6 : 2));
        if (allowance) {
          batchRenderer.setSeriesStroke(index, ChartStyle.DASHED);
        }
        batchRenderer.setSeriesShapesVisible(index, PointMarks.needed(line.values()));
      }
    }
    plot.setRangeAxis(2, countAxis("Batches (count)"));
    plot.setRangeAxisLocation(2, org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
    plot.setDataset(2, batches);
    plot.mapDatasetToRangeAxis(2, 2);
    plot.setRenderer(2, batchRenderer);

    NumberAxis ageAxis = new NumberAxis("Age (s)");
    ageAxis.setAutoRangeIncludesZero(true);
    plot.setRangeAxis(1, ageAxis);
    XYSeriesCollection ages = new XYSeriesCollection();
    XYLineAndShapeRenderer ageRenderer = new XYLineAndShapeRenderer(true, false);
    for (EventSourceData.Line line : eventSource.ages(series)) {
      if (addIfData(ages, line.label(), line.values())) {
        int index = ages.getSeriesCount() - 1;
        boolean max = line.column() == MetricColumn.MESSAGE_AGE_MAX
            || line.column() == MetricColumn.ITERATOR_AGE_MAX;
        ageRenderer.setSeriesPaint(index, ChartStyle.color(max ? 3 : 4));
        ageRenderer.setSeriesStroke(index, ChartStyle.DASHED);
        ageRenderer.setSeriesShapesVisible(index, PointMarks.needed(line.values()));
      }
    }
    plot.setDataset(1, ages);
    plot.mapDatasetToRangeAxis(1, 1);
    plot.setRenderer(1, ageRenderer);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    plot.setNoDataMessage("No event source mapping activity in this run");
    String source = eventSource.sqs() && !eventSource.stream() ? "SQS queue"
        : eventSource.stream() && !eventSource.sqs() ? "stream" : "event sources";
    return chart("event-source", "Event source mapping (" + source + ") per period — "
        + subjectName, plot, eventSource.caption());
  }

  ReportChart iteratorAge() {
    XYPlot plot = linePlot("Iterator age (ms)", MetricColumn.ITERATOR_AGE_MAX);
    plot.setNoDataMessage("No stream event sources in this run");
    return chart("iterator-age", "Iterator age (max per period) — " + subjectName, plot,
        "For Kinesis or DynamoDB stream sources: the age of the last record of each batch when it "
            + "was read. A rising line means the function falls behind its stream.");
  }

  ReportChart coldStarts() {
    XYPlot plot = barPlot("Cold starts (count per period)", single(MetricColumn.COLD_STARTS));
    NumberAxis initAxis = new NumberAxis("Init duration (ms)");
    initAxis.setAutoRangeIncludesZero(true);
    plot.setRangeAxis(1, initAxis);
    XYSeriesCollection initData = new XYSeriesCollection();
    XYLineAndShapeRenderer initRenderer = lineRenderer(1);
    // Init durations exist only in periods with cold starts, often one period here and there.
    addLine(initData, initRenderer, MetricColumn.INIT_DURATION_AVG.label(),
        series.values(MetricColumn.INIT_DURATION_AVG));
    addLine(initData, initRenderer, MetricColumn.INIT_DURATION_P99.label(),
        series.values(MetricColumn.INIT_DURATION_P99));
    plot.setDataset(1, initData);
    plot.mapDatasetToRangeAxis(1, 1);
    plot.setRenderer(1, initRenderer);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    plot.setNoDataMessage("No cold starts in this run");
    return chart("cold-starts", "Cold starts and init duration per period — " + subjectName, plot,
        "Bars count requests that had to wait for a new environment (left axis); lines show how "
            + "long those inits took, average and p99 (right axis).");
  }

  ReportChart environmentChurn() {
    XYPlot plot = linePlot("Environments (count per period)", MetricColumn.ENVIRONMENTS_CREATED,
        MetricColumn.SHUTDOWNS);
    return chart("environment-churn", "Environments created and ended per period — "
        + subjectName, plot,
        "New execution environments (each one a cold start, or a provisioned environment being "
            + "allocated or replaced) and environments that ended, after their keep-alive or at "
            + "their maximum lifetime. Creations without matching ends mean the pool is growing; "
            + "a wave of ends some minutes after a burst is its keep-alive running out.");
  }

  ReportChart environments() {
    StackedLayers layers = new StackedLayers(x.length);
    for (MetricColumn state : MetricColumn.environmentStates()) {
      layers.add(state.label(), series.values(state));
    }
    List<StackedLayers.Layer> visible = layers.visibleLayers();
    StackedXYAreaRenderer2 renderer = new StackedXYAreaRenderer2();
    renderer.setRoundXCoordinates(false);
    for (int l = 0; l < visible.size(); l++) {
      // A state keeps its colour even when a layer below it is empty and left out.
      renderer.setSeriesPaint(l, ChartStyle.color(visible.get(l).position()));
    }
    XYPlot plot = new XYPlot(StackedArea.of(x, periodEnd(), visible), timeAxis(),
        countAxis("Environments (time-weighted mean)"), renderer);
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    plot.setNoDataMessage("No execution environments in this run");
    return chart("environments", "Execution environments by state (stacked) — " + subjectName,
        plot,
        "How many environments existed in each state, averaged over each period: initialising "
            + "(cold start in progress), busy, idle (kept warm) and provisioned-idle, stacked in "
            + "that order. The top edge is the total number of environments; the thickness of a "
            + "band is how many were in that state.");
  }

  /** Returns the end of the last period, in time-axis units. */
  private double periodEnd() {
    return (x.length == 0 ? 0.0 : x[x.length - 1]) + periodSeconds / timeScale.secondsPerUnit();
  }

  ReportChart latencyCdf() {
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
      styleSeries(renderer, i, kindColour(kinds.get(i)));
      for (double p : new double[] {50.0, 99.0}) {
        double ms = latency.latencyAtMs(kinds.get(i), p);
        if (ms > 0.0) {
          // The mark's size is in data units on a log axis, so scale it around the point.
          plot.addAnnotation(new XYShapeAnnotation(
              new Ellipse2D.Double(ms * 0.97, p - 1.5, ms * 0.06, 3.0),
              ChartStyle.LINE, (Color) kindColour(kinds.get(i)), (Color) kindColour(kinds.get(i))));
          XYTextAnnotation label = new XYTextAnnotation(String.format(Locale.US, " %s p%.0f %s ms ",
              kinds.get(i), p, NumberText.decimal(ms, 1)), ms, p - 4.0 * (i + 1));
          label.setFont(ChartStyle.ANNOTATION_FONT);
          // p99 sits at the right end of a line, so its label goes left of the dot.
          label.setTextAnchor(p > 90.0 ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
          label.setPaint(kindColour(kinds.get(i)));
          plot.addAnnotation(label);
        }
      }
    }
    for (double p : new double[] {50.0, 99.0}) {
      ValueMarker line = new ValueMarker(p, ChartStyle.MARKER, ChartStyle.DASHED);
      plot.addRangeMarker(line);
    }
    plot.setNoDataMessage("No latency observations in this run");
    return chart("latency-cdf", "Latency distribution, cold vs warm requests — " + subjectName,
        plot,
        "Each line is a cumulative distribution: read across from a percentage to the latency "
            + "that share of requests did not exceed. Dots mark p50 and p99; the gap between the "
            + "cold and warm lines is what a cold start costs the caller.");
  }

  private java.awt.Paint kindColour(String kind) {
    return switch (kind) {
      case "warm" -> ChartStyle.color(0);
      case "cold" -> ChartStyle.color(3);
      default -> ChartStyle.color(4 + Math.floorMod(kind.hashCode(), 3));
    };
  }

  private XYPlot linePlot(String yLabel, MetricColumn... columns) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = lineRenderer(0);
    for (int c = 0; c < columns.length; c++) {
      // A column keeps its colour even when an earlier one has no data and is left out.
      double[] values = series.values(columns[c]);
      if (addIfData(data, columns[c].label(), values)) {
        int index = data.getSeriesCount() - 1;
        styleSeries(renderer, index, ChartStyle.color(c));
        renderer.setSeriesShapesVisible(index, PointMarks.needed(values));
      }
    }
    return new XYPlot(data, timeAxis(), countAxis(yLabel), renderer);
  }

  /**
   * Returns a bar plot of stacked layers: the cumulative tops are drawn highest first, so each
   * lower layer paints over the part of the bar that is its own.
   */
  private XYPlot barPlot(String yLabel, List<StackedLayers.Layer> layers) {
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
    // Bars span [periodStart, periodStart + period], as the period they summarise.
    data.setIntervalWidth(periodSeconds / timeScale.secondsPerUnit());
    data.setIntervalPositionFactor(0.0);
    XYPlot plot = new XYPlot(data, timeAxis(), countAxis(yLabel), renderer);
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    return plot;
  }

  private List<StackedLayers.Layer> single(MetricColumn column) {
    return new StackedLayers(x.length).add(column.label(), series.values(column)).visibleLayers();
  }

  private boolean addIfData(XYSeriesCollection data, String label, double[] values) {
    boolean any = false;
    XYSeries line = new XYSeries(label, false, true);
    for (int i = 0; i < values.length; i++) {
      // A null y leaves a gap: an empty cell means "no data", not zero.
      line.add(x[i], Double.isNaN(values[i]) ? null : values[i]);
      any |= !Double.isNaN(values[i]);
    }
    if (any) {
      data.addSeries(line);
    }
    return any;
  }

  /** Adds a line when it has data, with point marks when it needs them. */
  private void addLine(XYSeriesCollection data, XYLineAndShapeRenderer renderer, String label,
      double[] values) {
    if (addIfData(data, label, values)) {
      renderer.setSeriesShapesVisible(data.getSeriesCount() - 1, PointMarks.needed(values));
    }
  }

  private XYLineAndShapeRenderer lineRenderer(int firstColour) {
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < 4; i++) {
      styleSeries(renderer, i, ChartStyle.color(firstColour + i));
    }
    return renderer;
  }

  private static void styleSeries(XYLineAndShapeRenderer renderer, int index, java.awt.Paint paint) {
    renderer.setSeriesPaint(index, paint);
    renderer.setSeriesStroke(index, ChartStyle.LINE);
  }

  private NumberAxis timeAxis() {
    NumberAxis axis = new NumberAxis(timeScale.axisLabel());
    double start = x.length == 0 ? 0.0 : x[0];
    double end = periodEnd();
    axis.setRange(start, Math.max(end, start + 1e-9));
    return axis;
  }

  private static NumberAxis countAxis(String label) {
    NumberAxis axis = new NumberAxis(label);
    axis.setAutoRangeIncludesZero(true);
    if (label.contains("(count")) {
      // Counts are whole numbers; a tick at 0.5 throttles would read as nonsense.
      axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.US));
    }
    return axis;
  }

  private static void marker(XYPlot plot, double value, String label, Color colour) {
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

  private ReportChart chart(String kind, String title, XYPlot plot, String caption) {
    return finish(kind, new JFreeChart(title, ChartStyle.TITLE_FONT, plot, true), caption);
  }

  private ReportChart finish(String kind, JFreeChart chart, String caption) {
    ChartStyle.apply(chart);
    return new ReportChart(fileStem + "-" + kind, chart.getTitle().getText(), caption, chart);
  }

  private String periodText() {
    return NumberText.count(periodSeconds) + " s";
  }
}
