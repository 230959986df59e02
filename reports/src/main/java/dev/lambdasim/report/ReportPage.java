package dev.lambdasim.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The HTML of report.html. Every string taken from the run's files passes through
 * {@link HtmlText#escape} on its way into the page; the page's own markup is the only unescaped
 * text.
 */
final class ReportPage {
  /** The charts of one subject, under one heading. */
  record ChartSection(String heading, List<ReportChart> charts) {}

  private static final String CSS = String.join("\n",
      "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:2em auto;",
      "max-width:960px;padding:0 1em;color:#222;line-height:1.45}",
      "h1{margin-bottom:.2em}h3{margin:1em 0 .2em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}",
      "table{border-collapse:collapse;margin:.6em 0 1.2em}",
      "th,td{border:1px solid #ddd;padding:.25em .6em;text-align:left;vertical-align:top}",
      "td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f4f4f4}",
      "figure{margin:1.2em 0}img{max-width:100%;height:auto;border:1px solid #eee}",
      "figcaption{font-size:.92em;color:#444;max-width:900px}",
      "pre{background:#f7f7f7;border:1px solid #ddd;padding:1em;overflow:auto;font-size:.9em}",
      ".bad{color:#b00020;font-weight:bold}.ok{color:#007a33;font-weight:bold}",
      ".muted{color:#666}a.svg{font-size:.85em;margin-left:.3em}");

  private final RunSummary summary;
  private final List<ChartSection> sections;
  private final String scenarioFileName;
  private final String scenarioText;
  private final StringBuilder html = new StringBuilder(64 * 1024);

  /**
   * @param scenarioFileName name of the echoed scenario file, or null when the run has none
   * @param scenarioText the scenario file's text, or null
   */
  ReportPage(RunSummary summary, List<ChartSection> sections, String scenarioFileName,
      String scenarioText) {
    this.summary = summary;
    this.sections = sections;
    this.scenarioFileName = scenarioFileName;
    this.scenarioText = scenarioText;
  }

  /** Returns the whole page. */
  String render() {
    html.setLength(0);
    String scenario = summary.text("scenario");
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>lambdasim report: ").append(HtmlText.escape(scenario)).append("</title>\n")
        .append("<style>\n").append(CSS).append("\n</style>\n</head>\n<body>\n");
    html.append("<h1>lambdasim run report: ").append(HtmlText.escape(scenario)).append("</h1>\n");
    String description = summary.text("description");
    if (!description.isEmpty()) {
      html.append("<p class=\"description\">").append(HtmlText.escape(description)).append("</p>\n");
    }
    runTable();
    accountTable();
    functionTables();
    insightsTable();
    conservationTable();
    charts();
    scenarioEcho();
    html.append("</body>\n</html>\n");
    return html.toString();
  }

  private void runTable() {
    html.append("<h2 id=\"run\">Run</h2>\n<table>\n");
    row("Scenario", summary.text("scenario"));
    row("Seed", scalar(summary.get("seed"))); // an identifier, so no digit grouping
    row("lambdasim version", orAbsent(summary.text("version")));
    row("Simulated time (s)", NumberText.decimal(summary.get("simulatedSeconds"), 1));
    row("Scenario duration (s)", NumberText.decimal(summary.get("durationSeconds"), 1));
    row("Warm-up left out of the summary (s)", NumberText.decimal(summary.get("warmupSeconds"), 1));
    row("Metrics period (s)", NumberText.decimal(summary.get("metricsPeriodSeconds"), 1));
    JsonNode limits = summary.get("limits");
    row("Account concurrency limit", NumberText.count(limits.path("accountConcurrencyLimit")));
    row("Unreserved minimum", NumberText.count(limits.path("unreservedMinimum")));
    row("Scaling model", scalar(limits.path("scaling")));
    html.append("</table>\n");
  }

  private void accountTable() {
    JsonNode account = summary.account();
    html.append("<h2 id=\"account\">Account</h2>\n<table>\n");
    row("Invocations", NumberText.count(account.path("invocations")));
    row("Cold starts", NumberText.count(account.path("coldStarts")));
    row("Peak concurrency", NumberText.count(account.path("peakConcurrency")));
    row("Throttles", NumberText.count(account.path("throttles")));
    reasons(account.path("throttlesByReason"));
    cost(account.path("cost").isObject() ? account.path("cost") : account.path("costUsd"),
        account.path("costUsd"));
    html.append("</table>\n");
  }

  private void functionTables() {
    for (String name : summary.functionNames()) {
      JsonNode f = summary.function(name);
      JsonNode limits = summary.functionLimits(name);
      html.append("<h2>Function ").append(HtmlText.escape(name)).append("</h2>\n<table>\n");
      row("Memory (MB)", NumberText.count(limits.path("memoryMb")));
      row("Reserved concurrency", limits.path("reservedConcurrency").isNull()
          ? "none (uses the unreserved pool)" : NumberText.count(limits.path("reservedConcurrency")));
      row("Provisioned concurrency", NumberText.count(limits.path("provisionedConcurrency")));
      row("Arrivals", NumberText.count(f.path("arrivals")));
      row("Invocations", NumberText.count(f.path("invocations")));
      row("Succeeded", NumberText.count(f.path("succeeded")));
      row("Errors", NumberText.count(f.path("errors")));
      row("Timeouts", NumberText.count(f.path("timeouts")));
      row("Throttles", NumberText.count(f.path("throttles")));
      reasons(f.path("throttlesByReason"));
      row("Throttle rate (throttles / arrivals)", NumberText.percentOfFraction(f.path("throttleRate")));
      row("Cold starts", NumberText.count(f.path("coldStarts")));
      row("Cold-start rate (cold starts / invocations)",
          NumberText.percentOfFraction(f.path("coldStartRate")));
      row("Provisioned invocations", NumberText.count(f.path("provisionedInvocations")));
      row("Spillover invocations", NumberText.count(f.path("spilloverInvocations")));
      percentiles("Handler duration (ms)", f.path("durationMs"));
      percentiles("Init duration (ms)", f.path("initDurationMs"));
      percentiles("Latency seen by the caller (ms)", f.path("latencyMs"));
      JsonNode concurrency = f.path("concurrency");
      row("Concurrency peak / mean", NumberText.count(concurrency.path("peak")) + " / "
          + NumberText.decimal(concurrency.path("mean"), 2));
      JsonNode environments = f.path("environments");
      row("Environments created / reclaimed / peak / mean idle",
          NumberText.count(environments.path("created")) + " / "
              + NumberText.count(environments.path("reclaimed")) + " / "
              + NumberText.count(environments.path("peak")) + " / "
              + NumberText.decimal(environments.path("meanIdle"), 2));
      row("Billed GB-seconds", NumberText.decimal(f.path("billedGbSeconds"), 3));
      cost(f.path("costUsd"), f.path("costUsd").path("total"));
      html.append("</table>\n");
      provisionedTable(f.path("provisioned"));
      asyncTable(f.path("async"));
      sqsTable(f.path("sqs"));
      streamTable(f.path("stream"));
    }
  }

  /** At most this many scaling actions are listed per function. */
  static final int LISTED_SCALING_ACTIONS = 20;

  /** The provisioned-concurrency figures, when the function had provisioned concurrency. */
  private void provisionedTable(JsonNode p) {
    double configured = NumberText.value(p.path("configuredGbSeconds"));
    double actions = NumberText.value(p.path("scalingActions"));
    if (!(configured > 0.0) && !(actions > 0.0)) {
      return;
    }
    html.append("<h3>Provisioned concurrency</h3>\n<table>\n");
    row("Configured GB-seconds (billed in 5-minute windows)",
        NumberText.decimal(p.path("configuredGbSeconds"), 1));
    JsonNode utilisation = p.path("utilisation");
    row("Utilisation mean / max (busy ÷ ready)",
        NumberText.percentOfFraction(utilisation.path("mean")) + " / "
            + NumberText.percentOfFraction(utilisation.path("max")));
    row("Scaling actions", NumberText.count(p.path("scalingActions")));
    html.append("</table>\n<p class=\"muted\">Configured GB-seconds are what provisioned "
        + "concurrency is billed for, used or not: each 5-minute window at its largest configured "
        + "value. A low mean utilisation means paid-for environments sat idle; a maximum of "
        + "100 % means every ready environment was busy at some moment, so further requests "
        + "spilled over to on-demand environments.</p>\n");
    JsonNode list = p.path("actions");
    if (!list.isArray() || list.isEmpty()) {
      return;
    }
    html.append("<table>\n<tr><th>Time (s)</th><th>From</th><th>To</th><th>Reason</th></tr>\n");
    int shown = 0;
    for (JsonNode action : list) {
      if (shown == LISTED_SCALING_ACTIONS) {
        break;
      }
      shown++;
      html.append("<tr>");
      numberCell(NumberText.decimal(action.path("timeSeconds"), 0));
      numberCell(NumberText.count(action.path("from")));
      numberCell(NumberText.count(action.path("to")));
      html.append("<td>").append(HtmlText.escape(scalar(action.path("reason")))).append("</td></tr>\n");
    }
    html.append("</table>\n");
    long total = Math.max(list.size(), Double.isNaN(actions) ? 0L : (long) actions);
    if (total > shown) {
      html.append("<p class=\"muted\">The first ").append(shown).append(" of ")
          .append(HtmlText.escape(NumberText.count(total)))
          .append(" scaling actions; summary.json lists up to 1,000, and the concurrency chart "
              + "marks every listed one.</p>\n");
    }
  }

  /** The async-queue figures, when the function received async events. */
  private void asyncTable(JsonNode a) {
    if (!(NumberText.value(a.path("received")) > 0.0)) {
      return;
    }
    html.append("<h3>Asynchronous invocation</h3>\n<table>\n");
    row("Events received", NumberText.count(a.path("received")));
    row("Events dropped", NumberText.count(a.path("dropped")));
    counts("Dropped: ", a.path("failuresByCondition"));
    counts("Dropped, by invocations made: ", a.path("failedInvokeCounts"));
    row("Retries (after a function error or timeout)", NumberText.count(a.path("retried")));
    row("Throttled attempts (put back with back-off)", NumberText.count(a.path("throttledAttempts")));
    percentiles("Event age at invocation (ms)", a.path("ageMs"));
    row("Queue depth peak (events waiting at once)", NumberText.count(a.path("queueDepthPeak")));
    counts("Delivered to ", a.path("deliveries"));
    html.append("</table>\n<p class=\"muted\">Lambda accepts every asynchronous event and "
        + "queues it; a throttled attempt goes back to the queue (the caller never sees a 429), "
        + "a failed one is retried up to twice. Event age runs from acceptance to each "
        + "invocation, so retried events are minutes old. Dropped events (too old, retries "
        + "exhausted) go to the on-failure destination and the dead-letter queue, counted under "
        + "\"Delivered to\".</p>\n");
  }

  /** At most this many shards and failure records are listed per stream. */
  static final int LISTED_STREAM_ROWS = 20;

  /** The SQS event source mapping figures, when the function reads a queue. */
  private void sqsTable(JsonNode q) {
    if (!q.isObject()) {
      return;
    }
    html.append("<h3>SQS event source mapping</h3>\n<table>\n");
    row("Messages received", NumberText.count(q.path("received")));
    row("Batches / mean batch size", NumberText.count(q.path("batches")) + " / "
        + NumberText.decimal(q.path("meanBatchSize"), 1));
    row("Throttled batches / failed batches", NumberText.count(q.path("throttledBatches"))
        + " / " + NumberText.count(q.path("failedBatches")));
    row("Receives (messages received, redeliveries included)", NumberText.count(q.path("receives")));
    row("Dead-lettered messages", NumberText.count(q.path("deadLettered")));
    percentiles("Message age when received (ms)", q.path("messageAgeMs"));
    row("Queue depth peak (messages visible at once)", NumberText.count(q.path("queueDepthPeak")));
    row("Batches running peak / poller allowance peak", NumberText.count(q.path("concurrencyPeak"))
        + " / " + NumberText.count(q.path("pollerConcurrencyPeak")));
    counts("Failed: ", q.path("failuresByCondition"));
    counts("Delivered to ", q.path("deliveries"));
    html.append("</table>\n<p class=\"muted\">Pollers read the queue in batches, one "
        + "invocation per batch. They start with 5 batches at once and add up to 300 a minute "
        + "while messages wait, so a sudden backlog drains slowly at first and its messages "
        + "age. A failed or throttled batch's messages become visible again after the visibility "
        + "timeout; after the maximum receive count they go to the queue's dead-letter "
        + "queue.</p>\n");
  }

  /** The stream event source mapping figures, when the function reads a stream. */
  private void streamTable(JsonNode st) {
    if (!st.isObject()) {
      return;
    }
    html.append("<h3>Stream event source mapping</h3>\n<table>\n");
    row("Records received", NumberText.count(st.path("received")));
    row("Batches / mean batch size", NumberText.count(st.path("batches")) + " / "
        + NumberText.decimal(st.path("meanBatchSize"), 1));
    row("Throttled batches / failed batches", NumberText.count(st.path("throttledBatches"))
        + " / " + NumberText.count(st.path("failedBatches")));
    row("Retries / bisections", NumberText.count(st.path("retries")) + " / "
        + NumberText.count(st.path("bisections")));
    row("Records given up", NumberText.count(st.path("failed")));
    percentiles("Iterator age (ms)", st.path("iteratorAgeMs"));
    row("Backlog peak (records not yet processed)", NumberText.count(st.path("backlogPeak")));
    row("Batches running peak", NumberText.count(st.path("concurrencyPeak")));
    counts("Failed: ", st.path("failuresByCondition"));
    counts("Delivered to ", st.path("deliveries"));
    html.append("</table>\n<p class=\"muted\">Each shard is read in order, one batch at a "
        + "time (or up to the parallelization factor). A failed batch is retried and blocks its "
        + "shard until it succeeds or is given up, so one poison record stalls only its shard: "
        + "look for a shard whose backlog and iterator age stand out below.</p>\n");
    JsonNode shards = st.path("shards");
    if (shards.isArray() && !shards.isEmpty()) {
      html.append("<table>\n<tr><th>Shard</th><th>Received</th><th>Succeeded</th>"
          + "<th>Given up</th><th>Backlog at end</th><th>Iterator age max (ms)</th>"
          + "<th>Poisoned</th></tr>\n");
      int shown = 0;
      for (JsonNode shard : shards) {
        if (shown++ == LISTED_STREAM_ROWS) {
          break;
        }
        html.append("<tr><td>").append(HtmlText.escape(scalar(shard.path("shard")))).append("</td>");
        numberCell(NumberText.count(shard.path("received")));
        numberCell(NumberText.count(shard.path("succeeded")));
        numberCell(NumberText.count(shard.path("givenUp")));
        numberCell(NumberText.count(shard.path("backlogAtEnd")));
        numberCell(NumberText.decimal(shard.path("iteratorAgeMaxMs"), 1));
        numberCell(NumberText.count(shard.path("poisoned")));
        html.append("</tr>\n");
      }
      html.append("</table>\n");
      if (shards.size() > LISTED_STREAM_ROWS) {
        html.append("<p class=\"muted\">The first ").append(LISTED_STREAM_ROWS).append(" of ")
            .append(HtmlText.escape(NumberText.count(shards.size())))
            .append(" shards; summary.json lists them all.</p>\n");
      }
    }
    JsonNode records = st.path("failureRecords");
    if (records.isArray() && !records.isEmpty()) {
      html.append("<table>\n<tr><th>Time (s)</th><th>Shard</th><th>Sequences</th>"
          + "<th>Records</th><th>Condition</th><th>Invocations</th></tr>\n");
      int shown = 0;
      for (JsonNode record : records) {
        if (shown++ == LISTED_STREAM_ROWS) {
          break;
        }
        html.append("<tr>");
        numberCell(NumberText.decimal(record.path("timeSeconds"), 1));
        html.append("<td>").append(HtmlText.escape(scalar(record.path("shard")))).append("</td>");
        html.append("<td>").append(HtmlText.escape(scalar(record.path("firstSequence")) + "\u2013"
            + scalar(record.path("lastSequence")))).append("</td>");
        numberCell(NumberText.count(record.path("records")));
        html.append("<td>").append(HtmlText.escape(scalar(record.path("condition")))).append("</td>");
        numberCell(NumberText.count(record.path("approximateInvokeCount")));
        html.append("</tr>\n");
      }
      html.append("</table>\n");
      double total = NumberText.value(st.path("failureRecordCount"));
      long all = Math.max(records.size(), Double.isNaN(total) ? 0L : (long) total);
      if (all > Math.min(records.size(), LISTED_STREAM_ROWS)) {
        html.append("<p class=\"muted\">The first ")
            .append(Math.min(records.size(), LISTED_STREAM_ROWS)).append(" of ")
            .append(HtmlText.escape(NumberText.count(all)))
            .append(" failure records; summary.json lists up to 1,000.</p>\n");
      }
    }
  }

  /** Writes one row per field of {@code byKey}, labelled {@code prefix + key}. */
  private void counts(String prefix, JsonNode byKey) {
    if (!byKey.isObject()) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = byKey.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      row(prefix + entry.getKey(), NumberText.count(entry.getValue()));
    }
  }

  /** Lambda-Insights-style multi-function view, shown when there is something to compare. */
  private void insightsTable() {
    List<String> names = summary.functionNames();
    if (names.size() < 2) {
      return;
    }
    html.append("<h2 id=\"functions\">All functions</h2>\n<table>\n<tr>");
    for (String h : new String[] {"Function", "Invocations", "Cold starts", "Cold-start rate",
        "Throttles", "Latency p99 (ms)", "Peak concurrency", "Utilisation", "Provisioning",
        "Cost (USD)"}) {
      html.append("<th>").append(h).append("</th>");
    }
    html.append("</tr>\n");
    for (String name : names) {
      JsonNode f = summary.function(name);
      JsonNode limits = summary.functionLimits(name);
      double provisioned = NumberText.value(limits.path("provisionedConcurrency"));
      double peak = NumberText.value(f.path("concurrency").path("peak"));
      html.append("<tr><td>").append(HtmlText.escape(name)).append("</td>");
      numberCell(NumberText.count(f.path("invocations")));
      numberCell(NumberText.count(f.path("coldStarts")));
      numberCell(NumberText.percentOfFraction(f.path("coldStartRate")));
      numberCell(NumberText.count(f.path("throttles")));
      numberCell(NumberText.decimal(f.path("latencyMs").path("p99"), 1));
      numberCell(NumberText.count(f.path("concurrency").path("peak")));
      numberCell(NumberText.percentOfFraction(ProvisioningVerdict.utilisation(
          NumberText.value(f.path("concurrency").path("mean")), provisioned,
          NumberText.value(limits.path("reservedConcurrency")))));
      html.append("<td>").append(HtmlText.escape(ProvisioningVerdict.of(provisioned, peak,
          NumberText.value(f.path("spilloverInvocations"))))).append("</td>");
      numberCell(NumberText.usd(f.path("costUsd").path("total")));
      html.append("</tr>\n");
    }
    html.append("</table>\n<p class=\"muted\">Utilisation is mean concurrency over provisioned "
        + "concurrency (or reserved concurrency when nothing is provisioned).</p>\n");
  }

  private void conservationTable() {
    JsonNode c = summary.conservation();
    html.append("<h2 id=\"conservation\">Conservation ledger</h2>\n")
        .append("<p>Every arrival must end exactly once: arrivals = succeeded + failed + "
            + "throttled + dropped + in flight at the end.</p>\n<table>\n");
    String[] parts = {"succeeded", "failed", "throttled", "dropped", "inFlightAtEnd"};
    row("Arrivals", NumberText.count(c.path("arrivals")));
    double sum = 0.0;
    for (String part : parts) {
      row(part, NumberText.count(c.path(part)));
      sum += NumberText.value(c.path(part));
    }
    row("Sum of outcomes", NumberText.count(sum));
    double arrivals = NumberText.value(c.path("arrivals"));
    boolean recomputed = !Double.isNaN(sum) && sum == arrivals;
    JsonNode stated = c.path("balanced");
    boolean balanced = stated.isBoolean() ? stated.booleanValue() && recomputed : recomputed;
    html.append("<tr><th>Balanced</th><td class=\"").append(balanced ? "ok" : "bad").append("\">")
        .append(balanced ? "yes" : "NO").append("</td></tr>\n</table>\n");
  }

  private void charts() {
    for (ChartSection section : sections) {
      html.append("<h2>Charts: ").append(HtmlText.escape(section.heading())).append("</h2>\n");
      for (ReportChart chart : section.charts()) {
        html.append("<figure>\n<img src=\"").append(HtmlText.escape(chart.relativePath()))
            .append("\" width=\"").append(chart.widthPx()).append("\" height=\"")
            .append(chart.heightPx()).append("\" alt=\"").append(HtmlText.escape(chart.title()))
            .append("\">\n<figcaption>").append(HtmlText.escape(chart.caption()))
            .append(" <a class=\"svg\" href=\"").append(HtmlText.escape(chart.svgPath()))
            .append("\">SVG</a></figcaption>\n</figure>\n");
      }
    }
  }

  private void scenarioEcho() {
    html.append("<h2 id=\"scenario\">Scenario</h2>\n");
    if (scenarioText == null) {
      html.append("<p class=\"muted\">The run folder has no scenario file.</p>\n");
      return;
    }
    html.append("<p class=\"muted\">").append(HtmlText.escape(scenarioFileName))
        .append(", as run:</p>\n<pre>").append(HtmlText.escape(scenarioText)).append("</pre>\n");
  }

  private void reasons(JsonNode byReason) {
    if (!byReason.isObject()) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = byReason.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      row("Throttles: " + entry.getKey(), NumberText.count(entry.getValue()));
    }
  }

  private void percentiles(String label, JsonNode stats) {
    if (stats.isMissingNode()) {
      return;
    }
    row(label + " mean / p50 / p90 / p99 / max", String.join(" / ",
        NumberText.decimal(stats.path("mean"), 1), NumberText.decimal(stats.path("p50"), 1),
        NumberText.decimal(stats.path("p90"), 1), NumberText.decimal(stats.path("p99"), 1),
        NumberText.decimal(stats.path("max"), 1)));
  }

  /** Writes the cost rows; {@code breakdown} may be an object or absent, {@code total} a number. */
  private void cost(JsonNode breakdown, JsonNode total) {
    if (breakdown.isObject()) {
      row("Cost: requests", NumberText.usd(breakdown.path("requests")));
      row("Cost: compute", NumberText.usd(breakdown.path("compute")));
      row("Cost: provisioned", NumberText.usd(breakdown.path("provisioned")));
      row("Cost: total", NumberText.usd(breakdown.path("total")));
    } else {
      row("Cost: total", NumberText.usd(total));
    }
  }

  private void row(String label, String value) {
    html.append("<tr><th>").append(HtmlText.escape(label)).append("</th><td class=\"n\">")
        .append(HtmlText.escape(value)).append("</td></tr>\n");
  }

  private void numberCell(String value) {
    html.append("<td class=\"n\">").append(HtmlText.escape(value)).append("</td>");
  }

  private static String scalar(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return NumberText.ABSENT;
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }

  private static String orAbsent(String text) {
    return text.isEmpty() ? NumberText.ABSENT : text;
  }
}
