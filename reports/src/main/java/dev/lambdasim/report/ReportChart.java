package dev.lambdasim.report;

import org.jfree.chart.JFreeChart;

/** One chart of the report: its file name stem under charts/, its title, caption and drawing. */
record ReportChart(String fileStem, String title, String caption, JFreeChart chart) {
  /** Returns the path of the PNG relative to the report folder. */
  String relativePath() {
    return "charts/" + fileStem + ".png";
  }
}
