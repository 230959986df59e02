package dev.lambdasim.report;

import java.util.Arrays;

/**
 * One subject's metric periods in bounded memory, fed a period at a time as metrics.csv is read.
 * Up to {@link #MAX_POINTS} periods are kept exactly, one value per period and column. Beyond
 * that, consecutive periods are gathered into at most {@code MAX_POINTS / 2} buckets, each of
 * the same whole number of periods (a power of two, so bucket boundaries fall on period
 * boundaries), and each bucket keeps, per column, its lowest and highest value with the start
 * of the period that had it, and the sum of its values. A line drawn through each bucket's
 * extremes has at most {@link #MAX_POINTS} points and still shows a spike of one period, and the
 * sums keep totals exact. When a new bucket would exceed the bound, neighbouring buckets are
 * merged in pairs, so the bound holds however many periods the run has, without knowing the
 * count in advance.
 *
 * <p>Columns are numbered from 0; an empty cell (NaN) means "no data" and is left out of every
 * statistic.
 */
final class PeriodBuckets {
  /** Most points a series is drawn with: one per exact period, or two per bucket. */
  static final int MAX_POINTS = 2_000;

  private final int columns;
  private final int maxPeriodsExact;
  private final int maxBuckets;
  private int periods;
  private int periodsPerBucket = 1;
  private int buckets;
  private double secondStartSeconds = Double.NaN;
  private double lastStartSeconds = Double.NaN;
  /** The start of each bucket's first period (of each period while exact). */
  private double[] starts = new double[16];
  /** While exact: [column][period]; null once the periods are bucketed. */
  private double[][] values;
  /** Once bucketed: [column][bucket]; null while exact. */
  private double[][] min;
  private double[][] max;
  private double[][] minAtSeconds;
  private double[][] maxAtSeconds;
  private double[][] sum;

  PeriodBuckets(int columns) {
    this(columns, MAX_POINTS);
  }

  /** @param maxPoints the most points a line may have (tests use a small bound) */
  PeriodBuckets(int columns, int maxPoints) {
    if (maxPoints < 4) {
      throw new IllegalArgumentException("need room for at least 4 points, not " + maxPoints);
    }
    this.columns = columns;
    this.maxPeriodsExact = maxPoints;
    this.maxBuckets = maxPoints / 2;
    this.values = new double[columns][16];
  }

  /** Adds the next period; {@code values} holds one value per column (NaN for none). */
  void add(double startSeconds, double[] periodValues) {
    if (periodValues.length != columns) {
      throw new IllegalArgumentException(
          "expected " + columns + " values, got " + periodValues.length);
    }
    if (periods == 1) {
      secondStartSeconds = startSeconds;
    }
    lastStartSeconds = startSeconds;
    if (values != null && periods == maxPeriodsExact) {
      bucketExactPeriods();
    }
    if (values != null) {
      addExact(startSeconds, periodValues);
    } else {
      addToBucket(startSeconds, periodValues);
    }
    periods++;
  }

  private void addExact(double startSeconds, double[] periodValues) {
    if (periods == starts.length) {
      int capacity = Math.min(maxPeriodsExact, 2 * periods);
      starts = Arrays.copyOf(starts, capacity);
      for (int c = 0; c < columns; c++) {
        values[c] = Arrays.copyOf(values[c], capacity);
      }
    }
    starts[periods] = startSeconds;
    for (int c = 0; c < columns; c++) {
      values[c][periods] = periodValues[c];
    }
    buckets = periods + 1;
  }

  /** Replays the exact periods into buckets, which merge in pairs as they fill. */
  private void bucketExactPeriods() {
    double[] exactStarts = starts;
    double[][] exact = values;
    int count = periods;
    values = null;
    starts = new double[maxBuckets];
    min = new double[columns][maxBuckets];
    max = new double[columns][maxBuckets];
    minAtSeconds = new double[columns][maxBuckets];
    maxAtSeconds = new double[columns][maxBuckets];
    sum = new double[columns][maxBuckets];
    buckets = 0;
    double[] row = new double[columns];
    for (periods = 0; periods < count; periods++) {
      for (int c = 0; c < columns; c++) {
        row[c] = exact[c][periods];
      }
      addToBucket(exactStarts[periods], row);
    }
  }

  private void addToBucket(double startSeconds, double[] periodValues) {
    int bucket = periods / periodsPerBucket;
    if (bucket == maxBuckets) {
      mergePairs();
      bucket = periods / periodsPerBucket;
    }
    if (bucket == buckets) {
      starts[bucket] = startSeconds;
      for (int c = 0; c < columns; c++) {
        min[c][bucket] = Double.NaN;
        max[c][bucket] = Double.NaN;
        sum[c][bucket] = Double.NaN;
      }
      buckets++;
    }
    for (int c = 0; c < columns; c++) {
      double value = periodValues[c];
      if (Double.isNaN(value)) {
        continue;
      }
      // Strict comparisons keep the first period of a tie, so a flat bucket is one point.
      if (Double.isNaN(min[c][bucket]) || value < min[c][bucket]) {
        min[c][bucket] = value;
        minAtSeconds[c][bucket] = startSeconds;
      }
      if (Double.isNaN(max[c][bucket]) || value > max[c][bucket]) {
        max[c][bucket] = value;
        maxAtSeconds[c][bucket] = startSeconds;
      }
      sum[c][bucket] = Double.isNaN(sum[c][bucket]) ? value : sum[c][bucket] + value;
    }
  }

  /** Merges buckets 2k and 2k+1 into bucket k, doubling the periods per bucket. */
  private void mergePairs() {
    int merged = (buckets + 1) / 2;
    for (int b = 0; b < merged; b++) {
      int left = 2 * b;
      int right = left + 1;
      starts[b] = starts[left];
      for (int c = 0; c < columns; c++) {
        min[c][b] = min[c][left];
        minAtSeconds[c][b] = minAtSeconds[c][left];
        max[c][b] = max[c][left];
        maxAtSeconds[c][b] = maxAtSeconds[c][left];
        sum[c][b] = sum[c][left];
        if (right < buckets) {
          mergeInto(c, b, right);
        }
      }
    }
    buckets = merged;
    periodsPerBucket *= 2;
  }

  /** Folds bucket {@code right} (later in time) into bucket {@code b}; ties keep the earlier. */
  private void mergeInto(int c, int b, int right) {
    if (!Double.isNaN(min[c][right]) && (Double.isNaN(min[c][b]) || min[c][right] < min[c][b])) {
      min[c][b] = min[c][right];
      minAtSeconds[c][b] = minAtSeconds[c][right];
    }
    if (!Double.isNaN(max[c][right]) && (Double.isNaN(max[c][b]) || max[c][right] > max[c][b])) {
      max[c][b] = max[c][right];
      maxAtSeconds[c][b] = maxAtSeconds[c][right];
    }
    if (!Double.isNaN(sum[c][right])) {
      sum[c][b] = Double.isNaN(sum[c][b]) ? sum[c][right] : sum[c][b] + sum[c][right];
    }
  }

  int periodCount() {
    return periods;
  }

  int bucketCount() {
    return buckets;
  }

  /** Returns how many periods each bucket holds: 1 while the periods are kept exactly. */
  int periodsPerBucket() {
    return periodsPerBucket;
  }

  /** Returns whether periods were gathered into buckets of more than one. */
  boolean downsampled() {
    return values == null;
  }

  /** Returns the start of each bucket's first period (each period's start while exact). */
  double[] bucketStartsSeconds() {
    return Arrays.copyOf(starts, buckets);
  }

  /** Returns the start of the first period, or NaN when there is none. */
  double firstStartSeconds() {
    return periods == 0 ? Double.NaN : starts[0];
  }

  /** Returns the start of the second period, or NaN when there are fewer than two. */
  double secondStartSeconds() {
    return secondStartSeconds;
  }

  /** Returns the start of the last period, or NaN when there is none. */
  double lastStartSeconds() {
    return lastStartSeconds;
  }

  /** Returns each bucket's sum (each period's value while exact); NaN where it has no value. */
  double[] totals(int column) {
    return Arrays.copyOf(values != null ? values[column] : sum[column], buckets);
  }

  /**
   * Returns each bucket's mean over all its periods, an empty period counting as zero (each
   * period's value while exact); NaN where it has no value. For a time-weighted mean per period,
   * this is the time-weighted mean over the bucket.
   */
  double[] means(int column) {
    double[] means = totals(column);
    if (values == null) {
      for (int b = 0; b < buckets; b++) {
        means[b] /= periodsIn(b);
      }
    }
    return means;
  }

  /**
   * Returns the points of a line through the column: every period while exact; else each
   * bucket's lowest and highest value at the start of the period that had it, in time order
   * (one point when they are the same period), or a NaN gap at the start of an empty bucket.
   */
  SeriesPoints extremes(int column) {
    if (values != null) {
      return new SeriesPoints(bucketStartsSeconds(), totals(column));
    }
    double[] x = new double[2 * buckets];
    double[] y = new double[2 * buckets];
    int n = 0;
    for (int b = 0; b < buckets; b++) {
      double low = min[column][b];
      if (Double.isNaN(low)) {
        x[n] = starts[b];
        y[n++] = Double.NaN;
        continue;
      }
      double lowAt = minAtSeconds[column][b];
      double highAt = maxAtSeconds[column][b];
      boolean lowFirst = lowAt <= highAt;
      x[n] = lowFirst ? lowAt : highAt;
      y[n++] = lowFirst ? low : max[column][b];
      if (lowAt != highAt) {
        x[n] = lowFirst ? highAt : lowAt;
        y[n++] = lowFirst ? max[column][b] : low;
      }
    }
    return new SeriesPoints(Arrays.copyOf(x, n), Arrays.copyOf(y, n));
  }

  /** Returns whether any period of the column holds a value. */
  boolean hasData(int column) {
    return !Double.isNaN(max(column));
  }

  /** Returns the largest value of the column over every period, or NaN when it has none. */
  double max(int column) {
    double[] highs = values != null ? values[column] : max[column];
    double highest = Double.NaN;
    for (int b = 0; b < buckets; b++) {
      if (!Double.isNaN(highs[b]) && (Double.isNaN(highest) || highs[b] > highest)) {
        highest = highs[b];
      }
    }
    return highest;
  }

  /** Returns how many periods bucket {@code b} holds: all but the last hold the same number. */
  private int periodsIn(int b) {
    return b < buckets - 1 ? periodsPerBucket : periods - (buckets - 1) * periodsPerBucket;
  }
}
