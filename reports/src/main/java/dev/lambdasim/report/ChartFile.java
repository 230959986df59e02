package dev.lambdasim.report;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jfree.chart.ChartUtils;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a chart as PNG and as SVG, each under a temporary name first and then renamed, so no
 * half image is left.
 */
final class ChartFile {
  /** The folder of the chart files, relative to the report. */
  static final String CHARTS_DIR = "charts";
  /**
   * Prefix of the ids JFreeSVG gives clip paths and gradients. Its default holds the clock's
   * nanoseconds; a fixed one makes the same chart the same file.
   */
  private static final String SVG_ID_PREFIX = "lambdasim";

  private ChartFile() {}

  /** Writes {@code chart} as {@code folder/charts/<stem>.png} and {@code .svg}. */
  static void write(ReportChart chart, Path folder) throws IOException {
    writePng(chart, folder.resolve(chart.relativePath()));
    writeSvg(chart, folder.resolve(chart.svgPath()));
  }

  static void writePng(ReportChart chart, Path target) throws IOException {
    Path temporary = temporary(target);
    try (OutputStream out = Files.newOutputStream(temporary)) {
      ChartUtils.writeChartAsPNG(out, chart.chart(), chart.widthPx(), chart.heightPx());
    }
    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
  }

  static void writeSvg(ReportChart chart, Path target) throws IOException {
    SVGGraphics2D svg = new SVGGraphics2D(chart.widthPx(), chart.heightPx());
    svg.setDefsKeyPrefix(SVG_ID_PREFIX);
    chart.chart().draw(svg, new Rectangle(chart.widthPx(), chart.heightPx()));
    Path temporary = temporary(target);
    Files.writeString(temporary, svg.getSVGDocument(), StandardCharsets.UTF_8);
    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
  }

  private static Path temporary(Path target) {
    return target.resolveSibling(target.getFileName() + ".tmp");
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
