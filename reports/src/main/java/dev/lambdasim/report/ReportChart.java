package dev.lambdasim.report;

import org.jfree.chart.JFreeChart;

/**
 * One chart of the report: its file name stem under charts/, its title, caption, drawing and
 * size in pixels.
 */
record ReportChart(String fileStem, String title, String caption, JFreeChart chart, int widthPx,
    int heightPx) {

  /** A chart of the report's standard size. */
  ReportChart(String fileStem, String title, String caption, JFreeChart chart) {
    this(fileStem, title, caption, chart, ChartStyle.WIDTH_PX, ChartStyle.HEIGHT_PX);
  }

  /** Returns the path of the PNG relative to the report folder. */
  String relativePath() {
    return ChartFile.CHARTS_DIR + "/" + fileStem + ".png";
  }

  /** Returns the path of the SVG copy relative to the report folder. */
  String svgPath() {
    return ChartFile.CHARTS_DIR + "/" + fileStem + ".svg";
  }
}
