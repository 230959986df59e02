package dev.lambdasim.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The environment timeline: a Gantt chart with one row per execution environment (first created
 * at the top) and its spans coloured by state, ending with a mark where the environment was
 * reclaimed or recycled. Drawing only; the rows come from {@link GanttRows}.
 */
final class TimelineChart {
  /** Vertical pixels per environment row, and the room the title, axis and legend take. */
  static final int ROW_PX = 14;
  static final int FRAME_PX = 150;
  /** Half the height of a bar, in rows, so neighbouring rows stay apart. */
  private static final double HALF_BAR = 0.34;
  /** Spans shorter than this (in pixels) are widened to it, so a short request stays visible. */
  private static final double MINIMUM_SPAN_PX = 1.0;
  /** About how wide the time axis is drawn: the chart less the row labels and margins. */
  private static final double TIME_AXIS_PX = ChartStyle.WIDTH_PX - 140.0;

  static final Color INIT = (Color) ChartStyle.color(0);
  static final Color BUSY = (Color) ChartStyle.color(1);
  /** Idle is most of an environment's life, so it is a light tint that lets init and busy stand out. */
  static final Color IDLE = new Color(0x9ED9C4);
  static final Color ENDED = new Color(0x222222);

  private TimelineChart() {}

  /** Returns the pixel height that fits {@code rows} rows. */
  static int heightPx(int rows) {
    return Math.max(ChartStyle.HEIGHT_PX, FRAME_PX + ROW_PX * rows);
  }

  /**
   * Returns the chart of one function's environments.
   *
   * @param horizonSeconds the simulated duration, the right end of the time axis
   */
  static ReportChart of(GanttRows timeline, String subjectName, String fileStem,
      double horizonSeconds) {
    List<GanttRow> rows = timeline.rows();
    double horizon = horizonSeconds > 0.0 ? horizonSeconds : lastEnd(rows);
    TimeScale scale = TimeScale.forSpanSeconds(horizon);
    double minimumSpan = horizon / scale.secondsPerUnit() * MINIMUM_SPAN_PX / TIME_AXIS_PX;

    // Drawn in series order: idle first, so busy and init paint over it where they meet.
    XYIntervalSeries idle = new XYIntervalSeries("Idle (warm, waiting for a request)");
    XYIntervalSeries busy = new XYIntervalSeries("Busy (running a request)");
    XYIntervalSeries init = new XYIntervalSeries("Init (cold start)");
    XYSeries reclaimed = new XYSeries("Reclaimed (keep-alive ran out)", false, true);
    XYSeries recycled = new XYSeries("Recycled (maximum lifetime)", false, true);
    boolean merge = timeline.spanCount() > TimelineBars.MERGE_ABOVE_SPANS;
    String[] labels = new String[rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      GanttRow row = rows.get(r);
      labels[r] = String.format(Locale.ROOT, "#%d%s", row.environment(),
          row.provisioned() ? " prov." : "");
      TimelineBars bars = TimelineBars.of(row, scale.secondsPerUnit(), minimumSpan, merge);
      add(init, r, bars.init());
      add(busy, r, bars.busy());
      add(idle, r, bars.idle());
      if (row.hasEndMark()) {
        XYSeries marks = GanttRow.RECYCLED.equals(row.ended()) ? recycled : reclaimed;
        marks.add(r, row.endSeconds() / scale.secondsPerUnit());
      }
    }

    XYIntervalSeriesCollection spans = new XYIntervalSeriesCollection();
    XYBarRenderer bars = new XYBarRenderer();
    bars.setUseYInterval(true);
    bars.setBarPainter(new StandardXYBarPainter());
    bars.setShadowVisible(false);
    bars.setDrawBarOutline(false);
    Color[] colours = {IDLE, BUSY, INIT};
    XYIntervalSeries[] states = {idle, busy, init};
    for (int s = 0; s < states.length; s++) {
      spans.addSeries(states[s]);
      bars.setSeriesPaint(s, colours[s]);
    }

    SymbolAxis rowAxis = new SymbolAxis("Environment (in order of creation)", labels);
    rowAxis.setInverted(true); // the first environment at the top
    rowAxis.setGridBandsVisible(false);
    rowAxis.setRange(-0.6, Math.max(rows.size(), 1) - 0.4);
    NumberAxis timeAxis = new NumberAxis(scale.axisLabel());
    timeAxis.setRange(0.0, Math.max(horizon / scale.secondsPerUnit(), 1e-9));

    XYPlot plot = new XYPlot(spans, rowAxis, timeAxis, bars);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);

    XYSeriesCollection ends = new XYSeriesCollection();
    XYLineAndShapeRenderer endRenderer = new XYLineAndShapeRenderer(false, true);
    LegendItemCollection legend = new LegendItemCollection();
    legend.add(box(init.getKey().toString(), INIT));
    legend.add(box(busy.getKey().toString(), BUSY));
    legend.add(box(idle.getKey().toString(), IDLE));
    Shape cross = ShapeUtils.createDiagonalCross(4.0f, 1.0f);
    Shape diamond = ShapeUtils.createDiamond(4.5f);
    for (XYSeries marks : new XYSeries[] {reclaimed, recycled}) {
      if (marks.isEmpty()) {
        continue;
      }
      boolean isRecycled = marks == recycled;
      int index = ends.getSeriesCount();
      ends.addSeries(marks);
      Shape shape = isRecycled ? diamond : cross;
      Color colour = isRecycled ? ChartStyle.LIMIT_RESERVED : ENDED;
      endRenderer.setSeriesShape(index, shape);
      endRenderer.setSeriesPaint(index, colour);
      LegendItem item = new LegendItem(marks.getKey().toString(), null, null, null, shape, colour);
      legend.add(item);
    }
    plot.setDataset(1, ends);
    plot.setRenderer(1, endRenderer);
    // The marks sit on top of the bars.
    plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
    plot.setNoDataMessage("No environment spans recorded for this function");

    String title = "Environment timeline (first " + timeline.maxRows() + " environments) — "
        + subjectName;
    JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE_FONT, plot, true);
    plot.setFixedLegendItems(legend);
    ChartStyle.apply(chart);
    rowAxis.setNumberFormatOverride(null); // the shared number format would hide the row labels
    rowAxis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    if (timeline.truncated()) {
      chart.addSubtitle(new TextTitle(String.format(Locale.US,
          "Only the first %s spans were recorded; later spans of these environments are missing",
          NumberText.count(timeline.spanCount())), ChartStyle.SUBTITLE_FONT));
    }
    return new ReportChart(fileStem + "-timeline", title, caption(), chart,
        ChartStyle.WIDTH_PX, heightPx(rows.size()));
  }

  private static void add(XYIntervalSeries series, int row, List<TimelineBars.Bar> bars) {
    for (TimelineBars.Bar bar : bars) {
      series.add(row, row - HALF_BAR, row + HALF_BAR, bar.start(), bar.start(), bar.end());
    }
  }

  private static String caption() {
    return "Each row is one execution environment, the first created at the top. A request that "
        + "finds no idle environment makes a new one and waits while it runs Init (blue): that "
        + "wait is a cold start. Then the environment runs requests (orange, busy) and waits "
        + "between them (light green, idle); a request that finds it idle starts at once, warm. "
        + "× marks where an idle environment was reclaimed because its keep-alive ran out, ◆ "
        + "where it was recycled at its maximum lifetime; a row that reaches the right edge was "
        + "still alive when the run ended. Requests shorter than a pixel are drawn a pixel wide.";
  }

  private static LegendItem box(String label, Color colour) {
    LegendItem item = new LegendItem(label, colour);
    item.setShape(new Rectangle2D.Double(-5.0, -5.0, 10.0, 10.0));
    return item;
  }

  private static double lastEnd(List<GanttRow> rows) {
    double end = 0.0;
    for (GanttRow row : rows) {
      if (!Double.isNaN(row.endSeconds())) {
        end = Math.max(end, row.endSeconds());
      }
    }
    return end;
  }
}
