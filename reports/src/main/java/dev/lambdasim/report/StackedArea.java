package dev.lambdasim.report;

import java.util.List;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;

/**
 * The data of a stacked area chart: one series per visible layer, bottom first, each with its own
 * values (the renderer stacks them). Each period's value is placed at the period's start and the
 * last period's value is repeated at its end, so the areas reach the end of the time axis and a
 * run of a single period still draws an area rather than a lone point.
 */
final class StackedArea {
  private StackedArea() {}

  /**
   * @param x the period starts, in axis units
   * @param end the end of the last period, in axis units
   * @param layers the visible layers, bottom first (see {@link StackedLayers#visibleLayers()})
   */
  static DefaultTableXYDataset of(double[] x, double end, List<StackedLayers.Layer> layers) {
    DefaultTableXYDataset data = new DefaultTableXYDataset();
    if (x.length == 0) {
      return data;
    }
    for (StackedLayers.Layer layer : layers) {
      // The table dataset needs one y per x in every series, and no duplicate x.
      XYSeries series = new XYSeries(layer.label(), true, false);
      double[] values = layer.values();
      for (int i = 0; i < x.length; i++) {
        series.addOrUpdate(x[i], values[i]);
      }
      if (end > x[x.length - 1]) {
        series.add(end, values[values.length - 1]);
      }
      data.addSeries(series);
    }
    return data;
  }
}
