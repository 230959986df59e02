package dev.lambdasim.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Layers of a stacked chart, bottom first, turned into cumulative tops. The renderer draws the
 * tops from the highest down as filled shapes, each covering the one below, which is simpler to
 * test than JFreeChart's own stacking and treats empty cells explicitly (as zero).
 */
final class StackedLayers {
  /**
   * One layer: its position in the order added (which keeps its colour stable when a layer below
   * is left out), its legend label, its own values, and the cumulative top of the stack there.
   */
  record Layer(int position, String label, double[] values, double[] tops) {}

  private final int length;
  private final List<String> labels = new ArrayList<>();
  private final List<double[]> values = new ArrayList<>();

  StackedLayers(int length) {
    this.length = length;
  }

  /** Adds a layer on top of the previous ones; NaN (no data) counts as zero. */
  StackedLayers add(String label, double[] layer) {
    if (layer.length != length) {
      throw new IllegalArgumentException(
          "layer '" + label + "' has " + layer.length + " values, expected " + length);
    }
    double[] clean = new double[length];
    for (int i = 0; i < length; i++) {
      clean[i] = Double.isNaN(layer[i]) ? 0.0 : layer[i];
    }
    labels.add(label);
    values.add(clean);
    return this;
  }

  /**
   * Adds a layer holding what {@code total} has beyond the layers so far, so a throttle the
   * simulator did not attribute to a reason still shows up in the stack.
   */
  StackedLayers addRemainder(String label, double[] total) {
    double[] remainder = new double[length];
    for (int i = 0; i < length; i++) {
      double sum = 0.0;
      for (double[] layer : values) {
        sum += layer[i];
      }
      double whole = Double.isNaN(total[i]) ? 0.0 : total[i];
      remainder[i] = Math.max(0.0, whole - sum);
    }
    return add(label, remainder);
  }

  /** Returns the layers with any positive value, bottom first, with their cumulative tops. */
  List<Layer> visibleLayers() {
    List<Layer> layers = new ArrayList<>();
    double[] running = new double[length];
    for (int l = 0; l < values.size(); l++) {
      double[] layer = values.get(l);
      boolean visible = false;
      double[] tops = new double[length];
      for (int i = 0; i < length; i++) {
        running[i] += layer[i];
        tops[i] = running[i];
        visible |= layer[i] > 0.0;
      }
      if (visible) {
        layers.add(new Layer(l, labels.get(l), layer.clone(), tops));
      }
    }
    return layers;
  }
}
