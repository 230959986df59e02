package dev.lambdasim.random;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A piecewise-linear inverse CDF through (probability, value) points, as the Azure 2019 trace
 * gives them (p0, p1, p25, p50, p75, p99, p100).
 *
 * <p>A draw takes u ~ U[0, 1), finds by binary search the segment [p(i), p(i+1)) that holds u and
 * interpolates linearly between its values. Probabilities must run from 0 to 1 without
 * decreasing; equal neighbouring probabilities are allowed and leave a gap in the support,
 * because the search never lands in a segment of zero width. Values must not decrease.
 */
final class PercentilesSampler implements DurationSampler {

  private final double[] probabilities;
  private final double[] valuesNanos;
  private final RandomGenerator rng;

  PercentilesSampler(List<Double> probabilities, List<Double> valuesNanos, RandomGenerator rng) {
    if (probabilities.size() != valuesNanos.size() || probabilities.size() < 2) {
      throw new IllegalArgumentException("percentiles need at least two (probability, value)"
          + " points of equal count, got " + probabilities.size() + " probabilities and "
          + valuesNanos.size() + " values");
    }
    int n = probabilities.size();
    this.probabilities = new double[n];
    this.valuesNanos = new double[n];
    for (int i = 0; i < n; i++) {
      this.probabilities[i] = probabilities.get(i);
      this.valuesNanos[i] = Nanos.requireTime("percentile value " + i, valuesNanos.get(i));
      if (i > 0 && !(this.probabilities[i] >= this.probabilities[i - 1])) {
        throw new IllegalArgumentException("percentile probabilities must not decrease: "
            + probabilities);
      }
      if (i > 0 && this.valuesNanos[i] < this.valuesNanos[i - 1]) {
        throw new IllegalArgumentException("percentile values must not decrease: " + valuesNanos);
      }
    }
    if (this.probabilities[0] != 0 || this.probabilities[n - 1] != 1) {
      throw new IllegalArgumentException("percentile probabilities must run from 0 to 1, got "
          + probabilities);
    }
    this.rng = rng;
  }

  @Override
  public long sampleNanos() {
    double u = rng.nextDouble();
    int i = segmentOf(u);
    double width = probabilities[i + 1] - probabilities[i];
    double fraction = (u - probabilities[i]) / width;
    return Nanos.round(valuesNanos[i] + fraction * (valuesNanos[i + 1] - valuesNanos[i]));
  }

  /**
   * Returns the largest i in [0, n - 2] with probabilities[i] <= u. For u in [0, 1) this segment
   * has probabilities[i + 1] > u, hence a positive width.
   */
  private int segmentOf(double u) {
    int low = 0;
    int high = probabilities.length - 2;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (probabilities[mid] <= u) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }

  @Override
  public String toString() {
    return "percentiles(" + probabilities.length + " points)";
  }
}
