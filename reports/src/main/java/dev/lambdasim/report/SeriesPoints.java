package dev.lambdasim.report;

import java.util.function.DoubleUnaryOperator;

/**
 * The points of one line over time, in time order; a NaN y is a gap (an empty period means "no
 * data", not zero).
 */
record SeriesPoints(double[] x, double[] y) {

  SeriesPoints {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "x and y differ in length: " + x.length + " vs " + y.length);
    }
  }

  /** Returns the points with x (seconds) in the units of {@code scale}'s time axis. */
  SeriesPoints inUnits(TimeScale scale) {
    return new SeriesPoints(scale.scale(x), y);
  }

  /** Returns the points with {@code f} applied to every y; a gap stays a gap. */
  SeriesPoints mapY(DoubleUnaryOperator f) {
    double[] mapped = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      mapped[i] = f.applyAsDouble(y[i]);
    }
    return new SeriesPoints(x, mapped);
  }

  int size() {
    return x.length;
  }
}
