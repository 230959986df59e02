package dev.lambdasim.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes the tables of report.html into the page's text: labelled rows, cells and the row groups
 * that summary.json's sections share (percentiles, counts by key, cost). Every value passes
 * through {@link HtmlText#escape}; only {@link #markup} takes the page's own unescaped markup, so
 * the one place where text goes in raw is easy to see.
 */
final class HtmlTable {
  private final StringBuilder html;

  HtmlTable(StringBuilder html) {
    this.html = html;
  }

  /** Appends the page's own markup, unescaped. */
  HtmlTable markup(String text) {
    html.append(text);
    return this;
  }

  /** Appends untrusted text, escaped. */
  HtmlTable text(String text) {
    html.append(HtmlText.escape(text));
    return this;
  }

  /** Opens a table whose first row holds these headings (the page's own, unescaped). */
  void header(String... headings) {
    html.append("<table>\n<tr>");
    for (String heading : headings) {
      html.append("<th>").append(heading).append("</th>");
    }
    html.append("</tr>\n");
  }

  /** Writes a row of a label and a right-aligned value. */
  void row(String label, String value) {
    html.append("<tr><th>").append(HtmlText.escape(label)).append("</th><td class=\"n\">")
        .append(HtmlText.escape(value)).append("</td></tr>\n");
  }

  /** Writes a right-aligned cell, for numbers. */
  void numberCell(String value) {
    html.append("<td class=\"n\">").append(HtmlText.escape(value)).append("</td>");
  }

  /** Writes a left-aligned cell, for names. */
  void textCell(String value) {
    html.append("<td>").append(HtmlText.escape(value)).append("</td>");
  }

  /** Writes one row per field of {@code byKey}, labelled {@code prefix + key}. */
  void counts(String prefix, JsonNode byKey) {
    if (!byKey.isObject()) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = byKey.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      row(prefix + entry.getKey(), NumberText.count(entry.getValue()));
    }
  }

  /** Writes the mean and percentiles of a distribution in one row, when it is present. */
  void percentiles(String label, JsonNode stats) {
    if (stats.isMissingNode()) {
      return;
    }
    row(label + " mean / p50 / p90 / p99 / max", String.join(" / ",
        NumberText.decimal(stats.path("mean"), 1), NumberText.decimal(stats.path("p50"), 1),
        NumberText.decimal(stats.path("p90"), 1), NumberText.decimal(stats.path("p99"), 1),
        NumberText.decimal(stats.path("max"), 1)));
  }

  /** Writes the cost rows; {@code breakdown} may be an object or absent, {@code total} a number. */
  void cost(JsonNode breakdown, JsonNode total) {
    if (breakdown.isObject()) {
      row("Cost: requests", NumberText.usd(breakdown.path("requests")));
      row("Cost: compute", NumberText.usd(breakdown.path("compute")));
      row("Cost: provisioned", NumberText.usd(breakdown.path("provisioned")));
      row("Cost: total", NumberText.usd(breakdown.path("total")));
    } else {
      row("Cost: total", NumberText.usd(total));
    }
  }

  /**
   * Closes a table that lists the first {@code limit} of {@code size} entries, with a note of the
   * cut when the list, or the total summary.json states (NaN when it states none), is longer.
   *
   * @param rest the note's text after "The first n of m "
   */
  void closeList(int size, int limit, double stated, String rest) {
    html.append("</table>\n");
    int shown = Math.min(size, limit);
    long total = Math.max(size, Double.isNaN(stated) ? 0L : (long) stated);
    if (total > shown) {
      html.append("<p class=\"muted\">The first ").append(shown).append(" of ")
          .append(HtmlText.escape(NumberText.count(total))).append(' ').append(rest)
          .append("</p>\n");
    }
  }

  /** Returns a JSON value as text: "n/a" when absent, else its text or its JSON. */
  static String scalar(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return NumberText.ABSENT;
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }
}
