package dev.lambdasim.report;

import java.util.Arrays;

/** A growable column of primitive doubles; NaN marks an empty cell. */
final class DoubleColumn {
  private double[] values = new double[16];
  private int size;

  void add(double value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  int size() {
    return size;
  }

  double get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    return values[index];
  }

  /** Returns a copy of the values, so callers cannot alter the column. */
  double[] toArray() {
    return Arrays.copyOf(values, size);
  }

  /** Returns true when at least one cell holds a number. */
  boolean hasData() {
    for (int i = 0; i < size; i++) {
      if (!Double.isNaN(values[i])) {
        return true;
      }
    }
    return false;
  }

  /** Returns the largest number in the column, or NaN when every cell is empty. */
  double max() {
    double max = Double.NaN;
    for (int i = 0; i < size; i++) {
      if (!Double.isNaN(values[i]) && (Double.isNaN(max) || values[i] > max)) {
        max = values[i];
      }
    }
    return max;
  }
}
