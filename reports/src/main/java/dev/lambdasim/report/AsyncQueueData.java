package dev.lambdasim.report;

import com.fasterxml.jackson.databind.JsonNode;

/** Decides whether a subject gets the async queue chart, and scales its event ages. */
final class AsyncQueueData {
  private AsyncQueueData() {}

  /**
   * Returns whether the subject received async events: its summary says so ({@code
   * async.received} &gt; 0), or metrics.csv counted some.
   */
  static boolean received(JsonNode async, MetricSeries series) {
    double summary = NumberText.value(async.path("received"));
    double counted = series.max(MetricColumn.ASYNC_EVENTS_RECEIVED);
    return summary > 0.0 || counted > 0.0;
  }

  /** Returns the ages in seconds (metrics.csv has milliseconds); empty stays empty. */
  static SeriesPoints seconds(SeriesPoints milliseconds) {
    return milliseconds.mapY(ms -> ms / 1000.0);
  }
}
