package dev.lambdasim.report;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The event source mapping tables of one function in report.html: an SQS queue's, or a stream's
 * with its shards and failure records. Both kinds poll in batches, so they share the batch rows;
 * the rest differs because a queue redelivers messages while a stream blocks a shard.
 */
record EventSourceTables(HtmlTable table) {
  /** At most this many shards and failure records are listed per stream. */
  static final int LISTED_STREAM_ROWS = 20;

  /** The SQS event source mapping figures, when the function reads a queue. */
  void sqs(JsonNode q) {
    if (!q.isObject()) {
      return;
    }
    batches("SQS event source mapping", "Messages received", q);
    table.row("Receives (messages received, redeliveries included)",
        NumberText.count(q.path("receives")));
    table.row("Dead-lettered messages", NumberText.count(q.path("deadLettered")));
    table.percentiles("Message age when received (ms)", q.path("messageAgeMs"));
    table.row("Queue depth peak (messages visible at once)",
        NumberText.count(q.path("queueDepthPeak")));
    table.row("Batches running peak / poller allowance peak",
        NumberText.count(q.path("concurrencyPeak")) + " / "
            + NumberText.count(q.path("pollerConcurrencyPeak")));
    outcomes(q);
    table.markup("</table>\n<p class=\"muted\">Pollers read the queue in batches, one "
        + "invocation per batch. They start with 5 batches at once and add up to 300 a minute "
        + "while messages wait, so a sudden backlog drains slowly at first and its messages "
        + "age. A failed or throttled batch's messages become visible again after the visibility "
        + "timeout; after the maximum receive count they go to the queue's dead-letter "
        + "queue.</p>\n");
  }

  /** The stream event source mapping figures, when the function reads a stream. */
  void stream(JsonNode st) {
    if (!st.isObject()) {
      return;
    }
    batches("Stream event source mapping", "Records received", st);
    table.row("Retries / bisections", NumberText.count(st.path("retries")) + " / "
        + NumberText.count(st.path("bisections")));
    table.row("Records given up", NumberText.count(st.path("failed")));
    table.percentiles("Iterator age (ms)", st.path("iteratorAgeMs"));
    table.row("Backlog peak (records not yet processed)", NumberText.count(st.path("backlogPeak")));
    table.row("Batches running peak", NumberText.count(st.path("concurrencyPeak")));
    outcomes(st);
    table.markup("</table>\n<p class=\"muted\">Each shard is read in order, one batch at a "
        + "time (or up to the parallelization factor). A failed batch is retried and blocks its "
        + "shard until it succeeds or is given up, so one poison record stalls only its shard: "
        + "look for a shard whose backlog and iterator age stand out below.</p>\n");
    shards(st.path("shards"));
    failureRecords(st.path("failureRecords"), NumberText.value(st.path("failureRecordCount")));
  }

  /** Opens the section's table with what every batching source counts. */
  private void batches(String heading, String receivedLabel, JsonNode source) {
    table.markup("<h3>" + heading + "</h3>\n<table>\n");
    table.row(receivedLabel, NumberText.count(source.path("received")));
    table.row("Batches / mean batch size", NumberText.count(source.path("batches")) + " / "
        + NumberText.decimal(source.path("meanBatchSize"), 1));
    table.row("Throttled batches / failed batches", NumberText.count(source.path("throttledBatches"))
        + " / " + NumberText.count(source.path("failedBatches")));
  }

  /** Writes where failed batches went: the failures by condition and the deliveries. */
  private void outcomes(JsonNode source) {
    table.counts("Failed: ", source.path("failuresByCondition"));
    table.counts("Delivered to ", source.path("deliveries"));
  }

  private void shards(JsonNode shards) {
    if (!shards.isArray() || shards.isEmpty()) {
      return;
    }
    table.header("Shard", "Received", "Succeeded", "Given up", "Backlog at end",
        "Iterator age max (ms)", "Poisoned");
    for (int i = 0; i < Math.min(shards.size(), LISTED_STREAM_ROWS); i++) {
      JsonNode shard = shards.get(i);
      table.markup("<tr>");
      table.textCell(HtmlTable.scalar(shard.path("shard")));
      table.numberCell(NumberText.count(shard.path("received")));
      table.numberCell(NumberText.count(shard.path("succeeded")));
      table.numberCell(NumberText.count(shard.path("givenUp")));
      table.numberCell(NumberText.count(shard.path("backlogAtEnd")));
      table.numberCell(NumberText.decimal(shard.path("iteratorAgeMaxMs"), 1));
      table.numberCell(NumberText.count(shard.path("poisoned")));
      table.markup("</tr>\n");
    }
    table.closeList(shards.size(), LISTED_STREAM_ROWS, Double.NaN,
        "shards; summary.json lists them all.");
  }

  /** @param count how many failure records there were in all, or NaN when it is not stated */
  private void failureRecords(JsonNode records, double count) {
    if (!records.isArray() || records.isEmpty()) {
      return;
    }
    table.header("Time (s)", "Shard", "Sequences", "Records", "Condition", "Invocations");
    for (int i = 0; i < Math.min(records.size(), LISTED_STREAM_ROWS); i++) {
      JsonNode record = records.get(i);
      table.markup("<tr>");
      table.numberCell(NumberText.decimal(record.path("timeSeconds"), 1));
      table.textCell(HtmlTable.scalar(record.path("shard")));
      table.textCell(HtmlTable.scalar(record.path("firstSequence")) + "\u2013"
          + HtmlTable.scalar(record.path("lastSequence")));
      table.numberCell(NumberText.count(record.path("records")));
      table.textCell(HtmlTable.scalar(record.path("condition")));
      table.numberCell(NumberText.count(record.path("approximateInvokeCount")));
      table.markup("</tr>\n");
    }
    table.closeList(records.size(), LISTED_STREAM_ROWS, count,
        "failure records; summary.json lists up to 1,000.");
  }
}
