package dev.lambdasim.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the charts of one subject (a function, or the account): the console's monitoring graphs
 * over metric periods, the Insights-style cold-start and environment views, and the latency CDF.
 * It only decides which charts a subject gets and in what order; each family of charts is drawn
 * by its own class over one shared {@link PeriodPlots}, so the families cannot drift apart in
 * their axes or colours. The numbers come from {@link MetricSeries}, {@link StackedLayers},
 * {@link SuccessRate}, {@link LimitLines} and {@link LatencyCdf}.
 */
final class SubjectCharts {
  private final LatencyCdf latency;
  private final boolean asyncEvents;
  private final EventSourceData eventSource;
  private final PeriodPlots plots;
  private final RequestCharts requests;
  private final ConcurrencyChart concurrency;
  private final QueueCharts queues;
  private final EnvironmentCharts environments;

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
    this.latency = latency;
    this.asyncEvents = asyncEvents;
    this.eventSource = eventSource;
    this.plots = new PeriodPlots(series, subjectName, fileStem, periodSeconds);
    this.requests = new RequestCharts(plots);
    this.concurrency = new ConcurrencyChart(plots, limits, scaling);
    this.queues = new QueueCharts(plots, eventSource);
    this.environments = new EnvironmentCharts(plots);
  }

  /** Returns every chart of the subject, in report order. */
  List<ReportChart> all() {
    List<ReportChart> charts = new ArrayList<>();
    charts.add(requests.invocations());
    charts.add(requests.duration());
    charts.add(requests.errors());
    charts.add(requests.throttles());
    charts.add(concurrency.chart());
    charts.add(queues.iteratorAge());
    if (asyncEvents) {
      charts.add(queues.asyncQueue());
    }
    if (eventSource.mapped()) {
      charts.add(queues.eventSourceMapping());
    }
    charts.add(environments.coldStarts());
    charts.add(environments.environments());
    charts.add(environments.environmentChurn());
    if (latency != null && !latency.kinds().isEmpty()) {
      charts.add(new LatencyCdfChart(plots, latency).chart());
    }
    return charts;
  }

  /** Returns whether the subject had provisioned concurrency configured at some point. */
  boolean showsProvisioned() {
    return concurrency.showsProvisioned();
  }

  // One chart alone, for the tests that inspect its plot.

  ReportChart concurrency() {
    return concurrency.chart();
  }

  ReportChart eventSourceMapping() {
    return queues.eventSourceMapping();
  }

  ReportChart coldStarts() {
    return environments.coldStarts();
  }

  ReportChart environments() {
    return environments.environments();
  }
}
