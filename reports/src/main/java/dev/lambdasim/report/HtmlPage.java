package dev.lambdasim.report;

import java.util.List;

/**
 * The frame that report.html and comparison.html share: the document head, the chart figures
 * and the end of the document. Written once, so the two pages keep one look and one way of
 * linking a chart's SVG copy.
 */
final class HtmlPage {
  private HtmlPage() {}

  /** Opens the document: the head with its (escaped) title and style sheet, then the body. */
  static void open(StringBuilder html, String title, String css) {
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(HtmlText.escape(title)).append("</title>\n<style>\n")
        .append(css).append("\n</style>\n</head>\n<body>\n");
  }

  /** Writes one subject's charts under its heading, each PNG with its caption and SVG link. */
  static void charts(StringBuilder html, String heading, List<ReportChart> charts) {
    html.append("<h2>Charts: ").append(HtmlText.escape(heading)).append("</h2>\n");
    for (ReportChart chart : charts) {
      html.append("<figure>\n<img src=\"").append(HtmlText.escape(chart.relativePath()))
          .append("\" width=\"").append(chart.widthPx()).append("\" height=\"")
          .append(chart.heightPx()).append("\" alt=\"").append(HtmlText.escape(chart.title()))
          .append("\">\n<figcaption>").append(HtmlText.escape(chart.caption()))
          .append(" <a class=\"svg\" href=\"").append(HtmlText.escape(chart.svgPath()))
          .append("\">SVG</a></figcaption>\n</figure>\n");
    }
  }

  /** Closes the body and the document. */
  static void close(StringBuilder html) {
    html.append("</body>\n</html>\n");
  }
}
