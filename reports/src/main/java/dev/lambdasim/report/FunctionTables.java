package dev.lambdasim.report;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The tables of one function in report.html: its configuration and request figures, then its
 * provisioned concurrency, asynchronous invocation and event source sections when it has them.
 * A section the function did not use is left out, so a simple run reads as a short page.
 */
record FunctionTables(HtmlTable table) {
  /** At most this many scaling actions are listed per function. */
  static final int LISTED_SCALING_ACTIONS = 20;

  /** Writes the function's tables; {@code limits} is its entry under summary.json's limits. */
  void write(String name, JsonNode f, JsonNode limits) {
    table.markup("<h2>Function ").text(name).markup("</h2>\n<table>\n");
    table.row("Memory (MB)", NumberText.count(limits.path("memoryMb")));
    table.row("Reserved concurrency", limits.path("reservedConcurrency").isNull()
        ? "none (uses the unreserved pool)" : NumberText.count(limits.path("reservedConcurrency")));
    table.row("Provisioned concurrency", NumberText.count(limits.path("provisionedConcurrency")));
    table.row("Arrivals", NumberText.count(f.path("arrivals")));
    table.row("Invocations", NumberText.count(f.path("invocations")));
    table.row("Succeeded", NumberText.count(f.path("succeeded")));
    table.row("Errors", NumberText.count(f.path("errors")));
    table.row("Timeouts", NumberText.count(f.path("timeouts")));
    table.row("Throttles", NumberText.count(f.path("throttles")));
    table.counts("Throttles: ", f.path("throttlesByReason"));
    table.row("Throttle rate (throttles / arrivals)",
        NumberText.percentOfFraction(f.path("throttleRate")));
    table.row("Cold starts", NumberText.count(f.path("coldStarts")));
    table.row("Cold-start rate (cold starts / invocations)",
        NumberText.percentOfFraction(f.path("coldStartRate")));
    table.row("Provisioned invocations", NumberText.count(f.path("provisionedInvocations")));
    table.row("Spillover invocations", NumberText.count(f.path("spilloverInvocations")));
    table.percentiles("Handler duration (ms)", f.path("durationMs"));
    table.percentiles("Init duration (ms)", f.path("initDurationMs"));
    table.percentiles("Latency seen by the caller (ms)", f.path("latencyMs"));
    JsonNode concurrency = f.path("concurrency");
    table.row("Concurrency peak / mean", NumberText.count(concurrency.path("peak")) + " / "
        + NumberText.decimal(concurrency.path("mean"), 2));
    JsonNode environments = f.path("environments");
    table.row("Environments created / reclaimed / peak / mean idle",
        NumberText.count(environments.path("created")) + " / "
            + NumberText.count(environments.path("reclaimed")) + " / "
            + NumberText.count(environments.path("peak")) + " / "
            + NumberText.decimal(environments.path("meanIdle"), 2));
    table.row("Billed GB-seconds", NumberText.decimal(f.path("billedGbSeconds"), 3));
    table.cost(f.path("costUsd"), f.path("costUsd").path("total"));
    table.markup("</table>\n");
    provisioned(f.path("provisioned"));
    async(f.path("async"));
    EventSourceTables eventSources = new EventSourceTables(table);
    eventSources.sqs(f.path("sqs"));
    eventSources.stream(f.path("stream"));
  }

  /** The provisioned-concurrency figures, when the function had provisioned concurrency. */
  private void provisioned(JsonNode p) {
    double configured = NumberText.value(p.path("configuredGbSeconds"));
    double actions = NumberText.value(p.path("scalingActions"));
    if (!(configured > 0.0) && !(actions > 0.0)) {
      return;
    }
    table.markup("<h3>Provisioned concurrency</h3>\n<table>\n");
    table.row("Configured GB-seconds (billed in 5-minute windows)",
        NumberText.decimal(p.path("configuredGbSeconds"), 1));
    JsonNode utilisation = p.path("utilisation");
    table.row("Utilisation mean / max (busy ÷ ready)",
        NumberText.percentOfFraction(utilisation.path("mean")) + " / "
            + NumberText.percentOfFraction(utilisation.path("max")));
    table.row("Scaling actions", NumberText.count(p.path("scalingActions")));
    table.markup("</table>\n<p class=\"muted\">Configured GB-seconds are what provisioned "
        + "concurrency is billed for, used or not: each 5-minute window at its largest configured "
        + "value. A low mean utilisation means paid-for environments sat idle; a maximum of "
        + "100 % means every ready environment was busy at some moment, so further requests "
        + "spilled over to on-demand environments.</p>\n");
    JsonNode list = p.path("actions");
    if (!list.isArray() || list.isEmpty()) {
      return;
    }
    table.header("Time (s)", "From", "To", "Reason");
    for (int i = 0; i < Math.min(list.size(), LISTED_SCALING_ACTIONS); i++) {
      JsonNode action = list.get(i);
      table.markup("<tr>");
      table.numberCell(NumberText.decimal(action.path("timeSeconds"), 0));
      table.numberCell(NumberText.count(action.path("from")));
      table.numberCell(NumberText.count(action.path("to")));
      table.textCell(HtmlTable.scalar(action.path("reason")));
      table.markup("</tr>\n");
    }
    table.closeList(list.size(), LISTED_SCALING_ACTIONS, actions, "scaling actions; "
        + "summary.json lists up to 1,000, and the concurrency chart marks every listed one.");
  }

  /** The async-queue figures, when the function received async events. */
  private void async(JsonNode a) {
    if (!(NumberText.value(a.path("received")) > 0.0)) {
      return;
    }
    table.markup("<h3>Asynchronous invocation</h3>\n<table>\n");
    table.row("Events received", NumberText.count(a.path("received")));
    table.row("Events dropped", NumberText.count(a.path("dropped")));
    table.counts("Dropped: ", a.path("failuresByCondition"));
    table.counts("Dropped, by invocations made: ", a.path("failedInvokeCounts"));
    table.row("Retries (after a function error or timeout)", NumberText.count(a.path("retried")));
    table.row("Throttled attempts (put back with back-off)",
        NumberText.count(a.path("throttledAttempts")));
    table.percentiles("Event age at invocation (ms)", a.path("ageMs"));
    table.row("Queue depth peak (events waiting at once)",
        NumberText.count(a.path("queueDepthPeak")));
    table.counts("Delivered to ", a.path("deliveries"));
    table.markup("</table>\n<p class=\"muted\">Lambda accepts every asynchronous event and "
        + "queues it; a throttled attempt goes back to the queue (the caller never sees a 429), "
        + "a failed one is retried up to twice. Event age runs from acceptance to each "
        + "invocation, so retried events are minutes old. Dropped events (too old, retries "
        + "exhausted) go to the on-failure destination and the dead-letter queue, counted under "
        + "\"Delivered to\".</p>\n");
  }
}
