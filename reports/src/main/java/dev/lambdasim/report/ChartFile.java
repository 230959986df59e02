package dev.lambdasim.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jfree.chart.ChartUtils;

/** Writes a chart as a PNG under a temporary name, then renames it, so no half image is left. */
final class ChartFile {
  /** The folder of the chart files, relative to the report. */
  static final String CHARTS_DIR = "charts";

  private ChartFile() {}

  static void writePng(ReportChart chart, Path target) throws IOException {
    Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(temporary)) {
      ChartUtils.writeChartAsPNG(out, chart.chart(), chart.widthPx(), chart.heightPx());
    }
    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Returns a file name stem made only of [A-Za-z0-9_.-], prefixed by a unique index so two
   * names that clean up alike (or a name like "..") can never collide or escape the folder.
   */
  static String stem(int index, String name) {
    StringBuilder clean = new StringBuilder();
    for (int i = 0; i < name.length() && clean.length() < 60; i++) {
      char c = name.charAt(i);
      boolean safe = c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-');
      clean.append(safe ? c : '_');
    }
    return String.format(java.util.Locale.ROOT, "f%02d-%s", index, clean);
  }
}
