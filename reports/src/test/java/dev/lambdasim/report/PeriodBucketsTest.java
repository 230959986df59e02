package dev.lambdasim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A subject's periods are kept exactly up to the bound, then in buckets of a whole number of
 * periods that start on period boundaries; each bucket keeps its lowest and highest value at
 * the period that had it (so a spike of one period survives) and its sum (so totals stay exact),
 * and no line ever has more points than the bound, however many periods are added.
 */
final class PeriodBucketsTest {
  private static final double PERIOD_SECONDS = 60.0;
  private static final double N = Double.NaN;

  @Test
  void underTheBoundEveryPeriodIsKeptAsItIs() {
    PeriodBuckets buckets = fill(8, new double[] {3, N, 5, 0, 9, 1, 2, 7});

    assertThat(buckets.downsampled()).isFalse();
    assertThat(buckets.periodsPerBucket()).isEqualTo(1);
    assertThat(buckets.bucketStartsSeconds())
        .containsExactly(0.0, 60.0, 120.0, 180.0, 240.0, 300.0, 360.0, 420.0);
    assertThat(buckets.totals(0)).containsExactly(3, N, 5, 0, 9, 1, 2, 7);
    assertThat(buckets.means(0)).containsExactly(3, N, 5, 0, 9, 1, 2, 7);
    SeriesPoints line = buckets.extremes(0);
    assertThat(line.x()).containsExactly(buckets.bucketStartsSeconds());
    assertThat(line.y()).containsExactly(3, N, 5, 0, 9, 1, 2, 7);
  }

  @Test
  void eachBucketKeepsItsLowestAndHighestPeriodInTimeOrder() {
    // Bound 8: 16 periods become 4 buckets of 4 periods.
    PeriodBuckets buckets = fill(8, new double[] {
        5, 1, 9, 4,  // low then high
        8, 2, 2, 3,  // high first, then the first of two equal lows
        6, 6, 6, 6,  // flat: one point
        N, N, 7, N}); // one value among empty periods

    assertThat(buckets.downsampled()).isTrue();
    assertThat(buckets.periodsPerBucket()).isEqualTo(4);
    assertThat(buckets.bucketCount()).isEqualTo(4);
    SeriesPoints line = buckets.extremes(0);
    assertThat(line.x()).containsExactly(60.0, 120.0, 240.0, 300.0, 480.0, 840.0);
    assertThat(line.y()).containsExactly(1, 9, 8, 2, 6, 7);
  }

  @Test
  void aSpikeOfOnePeriodSurvivesAtItsOwnPeriod() {
    SeriesPoints line = line(level(100_000, 1.0, 67_891, 500.0));

    int peak = indexOfMax(line.y());
    assertThat(line.y()[peak]).isEqualTo(500.0);
    assertThat(line.x()[peak]).isEqualTo(67_891 * PERIOD_SECONDS);
    assertThat(Arrays.stream(line.y()).filter(y -> y == 500.0).count()).isEqualTo(1);
  }

  @Test
  void aDipOfOnePeriodSurvivesToo() {
    SeriesPoints line = line(level(50_000, 40.0, 12_345, 3.0));

    assertThat(Arrays.stream(line.y()).min().orElseThrow()).isEqualTo(3.0);
  }

  @Test
  void totalsOfCountsStayExactAndMeansKeepTheArea() {
    double[] counts = new double[30_001];
    double total = 0;
    for (int p = 0; p < counts.length; p++) {
      counts[p] = p % 7 == 0 ? Double.NaN : p % 13;
      total += Double.isNaN(counts[p]) ? 0 : counts[p];
    }
    PeriodBuckets buckets = fill(PeriodBuckets.MAX_POINTS, counts);

    assertThat(sum(buckets.totals(0))).isEqualTo(total);
    // A mean per bucket times the bucket's periods is its area: the run's total again.
    double[] means = buckets.means(0);
    double area = 0;
    for (int b = 0; b < means.length; b++) {
      int periods = b < means.length - 1 ? buckets.periodsPerBucket()
          : counts.length - b * buckets.periodsPerBucket();
      area += Double.isNaN(means[b]) ? 0 : means[b] * periods;
    }
    assertThat(area).isCloseTo(total, org.assertj.core.api.Assertions.within(1e-6));
  }

  @Test
  void bucketsStartOnPeriodBoundariesAndHoldTheirOwnPoints() {
    double[] values = new double[12_345];
    for (int p = 0; p < values.length; p++) {
      values[p] = Math.sin(p / 50.0) * 100 + p % 17;
    }
    PeriodBuckets buckets = fill(PeriodBuckets.MAX_POINTS, values);

    int perBucket = buckets.periodsPerBucket();
    assertThat(Integer.bitCount(perBucket)).isEqualTo(1); // a power of two
    double[] starts = buckets.bucketStartsSeconds();
    for (int b = 0; b < starts.length; b++) {
      assertThat(starts[b]).isEqualTo(b * perBucket * PERIOD_SECONDS);
    }
    SeriesPoints line = buckets.extremes(0);
    for (int i = 0; i < line.size(); i++) {
      // Every point sits at the start of a real period, inside its bucket.
      double period = line.x()[i] / PERIOD_SECONDS;
      assertThat(period).isEqualTo(Math.rint(period));
      assertThat(values[(int) period]).isEqualTo(line.y()[i]);
    }
    assertThat(line.x()).isSorted();
  }

  @Test
  void anEmptyBucketIsAGapAndEmptyCellsAreLeftOut() {
    double[] values = new double[16];
    Arrays.fill(values, N);
    values[1] = 4.0;
    values[14] = 2.0;

    PeriodBuckets buckets = fill(8, values);

    assertThat(buckets.totals(0)).containsExactly(4, N, N, 2);
    SeriesPoints line = buckets.extremes(0);
    assertThat(line.x()).containsExactly(60.0, 240.0, 480.0, 840.0);
    assertThat(line.y()).containsExactly(4, N, N, 2);
    assertThat(buckets.max(0)).isEqualTo(4.0);
    assertThat(buckets.hasData(0)).isTrue();
  }

  @Test
  void noLineEverHasMoreThanTheBound() {
    PeriodBuckets buckets = new PeriodBuckets(2);
    for (int p = 0; p < 1_000_000; p++) {
      buckets.add(p, new double[] {p % 101, (p * 7919) % 1000});
      if (p % 99_999 == 0 || p == 2_000 || p == 2_001) {
        assertThat(buckets.bucketCount()).isLessThanOrEqualTo(PeriodBuckets.MAX_POINTS);
        assertThat(buckets.extremes(0).size()).isLessThanOrEqualTo(PeriodBuckets.MAX_POINTS);
        assertThat(buckets.extremes(1).size()).isLessThanOrEqualTo(PeriodBuckets.MAX_POINTS);
      }
    }
    assertThat(buckets.periodCount()).isEqualTo(1_000_000);
    assertThat(buckets.bucketCount()).isBetween(PeriodBuckets.MAX_POINTS / 4,
        PeriodBuckets.MAX_POINTS / 2);
    assertThat(buckets.max(0)).isEqualTo(100.0);
    assertThat(buckets.lastStartSeconds()).isEqualTo(999_999.0);
    assertThat(buckets.secondStartSeconds()).isEqualTo(1.0);
  }

  @Test
  void theBoundIsExactlyWhereResamplingStarts() {
    double[] values = new double[PeriodBuckets.MAX_POINTS];
    Arrays.fill(values, 1.0);

    assertThat(fill(PeriodBuckets.MAX_POINTS, values).downsampled()).isFalse();
    assertThat(fill(PeriodBuckets.MAX_POINTS, Arrays.copyOf(values, values.length + 1))
        .downsampled()).isTrue();
  }

  private static PeriodBuckets fill(int maxPoints, double[] values) {
    PeriodBuckets buckets = new PeriodBuckets(1, maxPoints);
    for (int p = 0; p < values.length; p++) {
      buckets.add(p * PERIOD_SECONDS, new double[] {values[p]});
    }
    return buckets;
  }

  /** Returns {@code periods} values at {@code level}, but {@code odd} at period {@code at}. */
  private static double[] level(int periods, double level, int at, double odd) {
    double[] values = new double[periods];
    Arrays.fill(values, level);
    values[at] = odd;
    return values;
  }

  private static SeriesPoints line(double[] values) {
    return fill(PeriodBuckets.MAX_POINTS, values).extremes(0);
  }

  private static int indexOfMax(double[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  private static double sum(double[] values) {
    double total = 0;
    for (double value : values) {
      total += Double.isNaN(value) ? 0 : value;
    }
    return total;
  }
}
