package dev.lambdasim.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The HTML of report.html: the run, the account, each function ({@link FunctionTables}), the
 * all-functions view, the conservation ledger, the charts and the scenario echo, in that order.
 * Every string taken from the run's files passes through {@link HtmlText#escape} on its way into
 * the page (the tables through {@link HtmlTable}); the page's own markup is the only unescaped
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
  private final HtmlTable table = new HtmlTable(html);

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
    HtmlPage.open(html, "lambdasim report: " + scenario, CSS);
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
    HtmlPage.close(html);
    return html.toString();
  }

  private void runTable() {
    html.append("<h2 id=\"run\">Run</h2>\n<table>\n");
    table.row("Scenario", summary.text("scenario"));
    table.row("Seed", HtmlTable.scalar(summary.get("seed"))); // an identifier, so no digit grouping
    table.row("lambdasim version", orAbsent(summary.text("version")));
    table.row("Simulated time (s)", NumberText.decimal(summary.get("simulatedSeconds"), 1));
    table.row("Scenario duration (s)", NumberText.decimal(summary.get("durationSeconds"), 1));
    table.row("Warm-up left out of the summary (s)", NumberText.decimal(summary.get("warmupSeconds"), 1));
    table.row("Metrics period (s)", NumberText.decimal(summary.get("metricsPeriodSeconds"), 1));
    JsonNode limits = summary.get("limits");
    table.row("Account concurrency limit", NumberText.count(limits.path("accountConcurrencyLimit")));
    table.row("Unreserved minimum", NumberText.count(limits.path("unreservedMinimum")));
    table.row("Scaling model", HtmlTable.scalar(limits.path("scaling")));
    html.append("</table>\n");
  }

  private void accountTable() {
    JsonNode account = summary.account();
    html.append("<h2 id=\"account\">Account</h2>\n<table>\n");
    table.row("Invocations", NumberText.count(account.path("invocations")));
    table.row("Cold starts", NumberText.count(account.path("coldStarts")));
    table.row("Peak concurrency", NumberText.count(account.path("peakConcurrency")));
    table.row("Throttles", NumberText.count(account.path("throttles")));
    table.counts("Throttles: ", account.path("throttlesByReason"));
    table.cost(account.path("cost").isObject() ? account.path("cost") : account.path("costUsd"),
        account.path("costUsd"));
    html.append("</table>\n");
  }

  private void functionTables() {
    FunctionTables tables = new FunctionTables(table);
    for (String name : summary.functionNames()) {
      tables.write(name, summary.function(name), summary.functionLimits(name));
    }
  }

  /** Lambda-Insights-style multi-function view, shown when there is something to compare. */
  private void insightsTable() {
    List<String> names = summary.functionNames();
    if (names.size() < 2) {
      return;
    }
    html.append("<h2 id=\"functions\">All functions</h2>\n");
    table.header("Function", "Invocations", "Cold starts", "Cold-start rate", "Throttles",
        "Latency p99 (ms)", "Peak concurrency", "Utilisation", "Provisioning", "Cost (USD)");
    for (String name : names) {
      JsonNode f = summary.function(name);
      JsonNode limits = summary.functionLimits(name);
      double provisioned = NumberText.value(limits.path("provisionedConcurrency"));
      double peak = NumberText.value(f.path("concurrency").path("peak"));
      html.append("<tr>");
      table.textCell(name);
      table.numberCell(NumberText.count(f.path("invocations")));
      table.numberCell(NumberText.count(f.path("coldStarts")));
      table.numberCell(NumberText.percentOfFraction(f.path("coldStartRate")));
      table.numberCell(NumberText.count(f.path("throttles")));
      table.numberCell(NumberText.decimal(f.path("latencyMs").path("p99"), 1));
      table.numberCell(NumberText.count(f.path("concurrency").path("peak")));
      table.numberCell(NumberText.percentOfFraction(ProvisioningVerdict.utilisation(
          NumberText.value(f.path("concurrency").path("mean")), provisioned,
          NumberText.value(limits.path("reservedConcurrency")))));
      table.textCell(ProvisioningVerdict.of(provisioned, peak,
          NumberText.value(f.path("spilloverInvocations"))));
      table.numberCell(NumberText.usd(f.path("costUsd").path("total")));
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
    table.row("Arrivals", NumberText.count(c.path("arrivals")));
    double sum = 0.0;
    for (String part : parts) {
      table.row(part, NumberText.count(c.path(part)));
      sum += NumberText.value(c.path(part));
    }
    table.row("Sum of outcomes", NumberText.count(sum));
    double arrivals = NumberText.value(c.path("arrivals"));
    boolean recomputed = !Double.isNaN(sum) && sum == arrivals;
    JsonNode stated = c.path("balanced");
    boolean balanced = stated.isBoolean() ? stated.booleanValue() && recomputed : recomputed;
    html.append("<tr><th>Balanced</th><td class=\"").append(balanced ? "ok" : "bad").append("\">")
        .append(balanced ? "yes" : "NO").append("</td></tr>\n</table>\n");
  }

  private void charts() {
    for (ChartSection section : sections) {
      HtmlPage.charts(html, section.heading(), section.charts());
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

  private static String orAbsent(String text) {
    return text.isEmpty() ? NumberText.ABSENT : text;
  }
}
