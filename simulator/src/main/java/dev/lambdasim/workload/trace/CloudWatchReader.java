package dev.lambdasim.workload.trace;

import dev.lambdasim.spec.TraceOptions;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * {@code cloudwatch}: the JSON of a CloudWatch export of {@code Invocations} with the {@code Sum}
 * statistic, either {@code aws cloudwatch get-metric-statistics} ({@code Datapoints} with
 * {@code Timestamp} and {@code Sum}) or {@code aws cloudwatch get-metric-data}
 * ({@code MetricDataResults} with {@code Timestamps} and {@code Values}; {@code function}
 * picks a result by {@code Id} or {@code Label} when there are several). Timestamps are
 * ISO-8601 texts or epoch seconds; each is the start of its period.
 *
 * <p>The API returns datapoints newest first (get-metric-data) or in no order
 * (get-metric-statistics), so this reader, unlike the others, holds the export
 * ({@link CloudWatchExport}): two longs and a line number per datapoint. An export is bounded
 * by the API (1,440 datapoints per get-metric-statistics call, 100,800 per get-metric-data
 * page) and by {@link TraceLimits#CLOUDWATCH_DATAPOINTS}. The period is the {@code period}
 * option or, when absent, the greatest common divisor of the gaps between datapoints (periods
 * without invocations are missing from exports). Time 0 is the start of the earliest period;
 * each period's count is spread within it by a {@link PeriodSpreader}.
 */
final class CloudWatchReader implements TraceReader {

  private final CloudWatchExport.Series series;
  private final PeriodSpreader spreader;
  private int next;

  CloudWatchReader(TraceOptions options, RandomGenerator random, BadRows badRows) {
    this.series = CloudWatchExport.read(options, badRows);
    this.spreader = new PeriodSpreader(options.within(), random);
  }

  /** Parses and checks the export with the rows a load-time check would fail on. */
  static CloudWatchExport.Series parse(TraceOptions options) {
    return CloudWatchExport.read(options, new BadRows(options.onBadRow(), options.shownFile()));
  }

  @Override
  public long nextInstantNanos() {
    while (!spreader.hasNext()) {
      if (next >= series.counts().length) {
        return END;
      }
      spreader.begin(series.offsetNanos()[next], series.periodNanos(), series.counts()[next]);
      next++;
    }
    return spreader.next();
  }

  @Override
  public void close() {
    // The export was read whole when the reader opened.
  }
}
