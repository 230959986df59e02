package dev.lambdasim.report;

import java.util.List;
import java.util.Map;

/**
 * The HTML of comparison.html: the runs, then per function, the account and the ledger a table
 * of every summary metric side by side with its deltas against the first run, then the overlay
 * charts. Every string from the runs' files is escaped.
 */
final class ComparisonPage {
  private static final String CSS = String.join("\n",
      "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:2em auto;",
      "max-width:960px;padding:0 1em;color:#222;line-height:1.45}",
      "h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}",
      "table{border-collapse:collapse;margin:.6em 0 1.2em;font-size:.92em}",
      "th,td{border:1px solid #ddd;padding:.2em .5em;text-align:left;vertical-align:top}",
      "td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f4f4f4}",
      "tr.chg td{background:#fff7e0}figure{margin:1.2em 0}",
      "img{max-width:100%;height:auto;border:1px solid #eee}",
      "figcaption{font-size:.92em;color:#444}a.svg{font-size:.85em;margin-left:.3em}",
      ".muted{color:#666}.wide{overflow-x:auto}");

  private final Comparison comparison;
  private final List<ComparedRun> runs;
  private final List<RunSummary> summaries;
  private final List<String> reportLinks;
  private final Map<String, List<ReportChart>> charts;
  private final StringBuilder html = new StringBuilder(64 * 1024);

  /**
   * @param reportLinks per run, the href of its report.html, or null when it has none
   * @param charts per subject heading, its overlay charts
   */
  ComparisonPage(Comparison comparison, List<ComparedRun> runs, List<RunSummary> summaries,
      List<String> reportLinks, Map<String, List<ReportChart>> charts) {
    this.comparison = comparison;
    this.runs = runs;
    this.summaries = summaries;
    this.reportLinks = reportLinks;
    this.charts = charts;
  }

  String render() {
    html.setLength(0);
    String title = "lambdasim comparison: " + String.join(" vs ", comparison.labels());
    HtmlPage.open(html, title, CSS);
    html.append("<h1>").append(HtmlText.escape(title))
        .append("</h1>\n<p>Every summary metric side by side. Deltas are against the first run, <b>")
        .append(HtmlText.escape(comparison.labels().get(0))).append("</b>; rows that differ are "
            + "shaded. Runs with the same seed draw the same arrivals, durations and errors for a "
            + "function of the same name, so a difference comes from the configuration.</p>\n");
    runsTable();
    for (String function : comparison.functions()) {
      subject("Function " + function, comparison.rows(function));
    }
    subject("Account", comparison.rows(Comparison.ACCOUNT));
    subject("Conservation ledger", comparison.rows(Comparison.CONSERVATION));
    for (Map.Entry<String, List<ReportChart>> section : charts.entrySet()) {
      HtmlPage.charts(html, section.getKey(), section.getValue());
    }
    HtmlPage.close(html);
    return html.toString();
  }

  private void runsTable() {
    html.append("<h2>Runs</h2>\n<table>\n<tr><th>Label</th><th>Scenario</th><th>Seed</th>"
        + "<th>Simulated (s)</th><th>From</th><th>Report</th></tr>\n");
    for (int r = 0; r < runs.size(); r++) {
      RunSummary summary = summaries.get(r);
      html.append("<tr><td>").append(HtmlText.escape(runs.get(r).label())).append("</td><td>")
          .append(HtmlText.escape(summary.text("scenario"))).append("</td><td class=\"n\">")
          .append(HtmlText.escape(summary.text("seed"))).append("</td><td class=\"n\">")
          .append(HtmlText.escape(NumberText.decimal(summary.get("simulatedSeconds"), 1)))
          .append("</td><td>").append(HtmlText.escape(runs.get(r).source())).append("</td><td>");
      String link = reportLinks.get(r);
      if (link == null) {
        html.append("<span class=\"muted\">none</span>");
      } else {
        html.append("<a href=\"").append(HtmlText.escape(link)).append("\">report.html</a>");
      }
      html.append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private void subject(String heading, List<MetricComparison> rows) {
    if (rows.isEmpty()) {
      return;
    }
    List<String> labels = comparison.labels();
    // Many runs make a wide table: it scrolls inside its box, and the page keeps its width.
    html.append("<h2>").append(HtmlText.escape(heading))
        .append("</h2>\n<div class=\"wide\"><table>\n<tr><th>Metric</th>");
    for (String label : labels) {
      html.append("<th>").append(HtmlText.escape(label)).append("</th>");
    }
    for (int r = 1; r < labels.size(); r++) {
      html.append("<th>Δ ").append(HtmlText.escape(labels.get(r))).append("</th><th>Δ % ")
          .append(HtmlText.escape(labels.get(r))).append("</th>");
    }
    html.append("</tr>\n");
    for (MetricComparison row : rows) {
      html.append(row.changed() ? "<tr class=\"chg\">" : "<tr>").append("<td>")
          .append(HtmlText.escape(row.metric())).append("</td>");
      for (double value : row.values()) {
        cell(DeltaText.value(value));
      }
      for (int r = 1; r < labels.size(); r++) {
        cell(DeltaText.delta(row.delta(r)));
        cell(DeltaText.relative(row.relativeDelta(r)));
      }
      html.append("</tr>\n");
    }
    html.append("</table></div>\n");
  }

  private void cell(String text) {
    html.append("<td class=\"n\">").append(HtmlText.escape(text)).append("</td>");
  }
}
