package dev.lambdasim.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a subject gets the event source mapping chart (SQS queue or stream) and
 * prepares its lines: backlog and batches as counts, message or iterator ages in seconds.
 *
 * @param sqs the subject reads an SQS queue (summary {@code sqs}, or a poller allowance or
 *     message age in metrics.csv)
 * @param stream the subject reads a stream (summary {@code stream}, or an iterator age)
 * @param mapped some event source mapping ran (also true when only the backlog or batch
 *     columns say so and the kind is unknown)
 */
record EventSourceData(boolean sqs, boolean stream, boolean mapped) {
  static final EventSourceData NONE = new EventSourceData(false, false, false);

  /**
   * One line of the chart: its column, legend label and points (x in seconds, ages already in
   * seconds).
   */
  record Line(MetricColumn column, String label, SeriesPoints points) {}

  /** Returns what a function's summary section and metrics say about its event source. */
  static EventSourceData of(JsonNode function, MetricSeries series) {
    boolean sqs = function.path("sqs").isObject() || positive(series, MetricColumn.SQS_POLLER_CONCURRENCY_MAX)
        || positive(series, MetricColumn.MESSAGE_AGE_MAX);
    boolean stream = function.path("stream").isObject()
        || positive(series, MetricColumn.ITERATOR_AGE_MAX)
        || positive(series, MetricColumn.ITERATOR_AGE_AVG);
    boolean mapped = sqs || stream || positive(series, MetricColumn.ESM_BACKLOG_MAX)
        || positive(series, MetricColumn.ESM_CONCURRENCY_MAX);
    return new EventSourceData(sqs, stream, mapped);
  }

  /** Returns the account's view: any function's section, or the account rows' metrics. */
  static EventSourceData forAccount(RunSummary summary, MetricSeries series) {
    EventSourceData data = of(com.fasterxml.jackson.databind.node.MissingNode.getInstance(), series);
    boolean sqs = data.sqs;
    boolean stream = data.stream;
    for (String name : summary.functionNames()) {
      JsonNode function = summary.function(name);
      sqs |= function.path("sqs").isObject();
      stream |= function.path("stream").isObject();
    }
    return new EventSourceData(sqs, stream, data.mapped || sqs || stream);
  }

  /** Returns the left-axis count lines: the backlog. */
  List<Line> backlog(MetricSeries series) {
    String label = sqs && !stream ? "Messages visible (max)"
        : stream && !sqs ? "Records not yet processed (max)" : "Backlog (max)";
    return List.of(new Line(MetricColumn.ESM_BACKLOG_MAX, label,
        series.extremes(MetricColumn.ESM_BACKLOG_MAX)));
  }

  /** Returns the batch lines: batches running, and for SQS the pollers' allowance. */
  List<Line> batches(MetricSeries series) {
    List<Line> lines = new ArrayList<>();
    lines.add(new Line(MetricColumn.ESM_CONCURRENCY_MAX, "Batches running (max)",
        series.extremes(MetricColumn.ESM_CONCURRENCY_MAX)));
    if (sqs || !stream) {
      lines.add(new Line(MetricColumn.SQS_POLLER_CONCURRENCY_MAX, "Poller allowance (max)",
          series.extremes(MetricColumn.SQS_POLLER_CONCURRENCY_MAX)));
    }
    return lines;
  }

  /** Returns the right-axis age lines in seconds: message ages for SQS, iterator ages for streams. */
  List<Line> ages(MetricSeries series) {
    List<Line> lines = new ArrayList<>();
    boolean unknown = !sqs && !stream;
    if (sqs || unknown) {
      lines.add(age(series, MetricColumn.MESSAGE_AGE_MAX, "Message age max (s)"));
      lines.add(age(series, MetricColumn.MESSAGE_AGE_AVG, "Message age avg (s)"));
    }
    if (stream || unknown) {
      lines.add(age(series, MetricColumn.ITERATOR_AGE_MAX, "Iterator age max (s)"));
      lines.add(age(series, MetricColumn.ITERATOR_AGE_AVG, "Iterator age avg (s)"));
    }
    return lines;
  }

  /** Returns the caption, for the kinds of source the subject has. */
  String caption() {
    StringBuilder text = new StringBuilder();
    if (sqs || !stream) {
      text.append("SQS: the backlog is the most messages visible in the queue at once in the "
          + "period (left axis). Batches running is the most invocations the pollers had going "
          + "at once; the poller allowance is how many they may run: it starts at 5, grows by up "
          + "to 300 a minute while messages wait, up to 1,250 (or the maximum concurrency), and "
          + "falls back when the queue is empty. While the allowance ramps, a deep backlog drains "
          + "slowly and message age (right axis, seconds from sending to receipt) climbs. "
          + "Batches running below the allowance means the function's concurrency, not the "
          + "pollers, is the limit.");
    }
    if (stream || !sqs) {
      if (text.length() > 0) {
        text.append(' ');
      }
      text.append("Streams: the backlog is the records written but not yet processed (left "
          + "axis); batches running is at most shards \u00d7 parallelization factor. Iterator age "
          + "(right axis, seconds) is the age of each batch's last record when it is sent to "
          + "the function. A flat, small age means the function keeps up; an age growing in a "
          + "straight line means records arrive faster than the batches finish: the stream is "
          + "falling behind, and only more parallelism (parallelization factor, shards) or a "
          + "faster handler stops it.");
    }
    return text.toString();
  }

  private static Line age(MetricSeries series, MetricColumn column, String label) {
    return new Line(column, label, AsyncQueueData.seconds(series.extremes(column)));
  }

  private static boolean positive(MetricSeries series, MetricColumn column) {
    return series.max(column) > 0.0;
  }
}
