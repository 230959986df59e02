package dev.lambdasim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;

/** One look for every chart: size, colour-blind-safe palette, fonts and US number formats. */
final class ChartStyle {
  static final int WIDTH_PX = 900;
  static final int HEIGHT_PX = 380;

  /** Okabe-Ito palette: distinguishable with the common colour-vision deficiencies. */
  private static final Color[] PALETTE = {
    new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xD55E00),
    new Color(0xCC79A7), new Color(0x56B4E9), new Color(0x999933), new Color(0x000000)
  };
  static final Color GRID = new Color(0xDDDDDD);
  static final Color LIMIT_RESERVED = new Color(0xD55E00);
  static final Color LIMIT_PROVISIONED = new Color(0x009E73);
  static final Color LIMIT_ACCOUNT = new Color(0x444444);
  static final Color MARKER = new Color(0x777777);

  static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
  static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.ITALIC, 12);
  static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final Font ANNOTATION_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

  static final BasicStroke LINE = new BasicStroke(2.0f);
  static final BasicStroke DASHED = new BasicStroke(
      1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10.0f, new float[] {6.0f, 4.0f}, 0.0f);

  private ChartStyle() {}

  static Paint color(int index) {
    return PALETTE[Math.floorMod(index, PALETTE.length)];
  }

  /** Applies the shared look to a chart built with an XYPlot. */
  static void apply(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    TextTitle title = chart.getTitle();
    if (title != null) {
      title.setFont(TITLE_FONT);
    }
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setItemFont(TICK_FONT);
      legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
    }
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setOutlineVisible(false);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    plot.setNoDataMessageFont(LABEL_FONT);
    for (int i = 0; i < plot.getDomainAxisCount(); i++) {
      axis(plot.getDomainAxis(i));
    }
    for (int i = 0; i < plot.getRangeAxisCount(); i++) {
      axis(plot.getRangeAxis(i));
    }
  }

  private static void axis(ValueAxis axis) {
    if (axis == null) {
      return;
    }
    styleText(axis);
    // JFreeChart formats ticks in the default locale; pin it so reports match everywhere.
    if (axis instanceof NumberAxis number) {
      number.setNumberFormatOverride(NumberText.axisFormat());
    } else if (axis instanceof LogAxis log) {
      log.setNumberFormatOverride(NumberText.axisFormat());
    }
  }

  private static void styleText(Axis axis) {
    axis.setLabelFont(LABEL_FONT);
    axis.setTickLabelFont(TICK_FONT);
  }
}
