package dev.lambdasim.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's metrics: one {@link FunctionMetrics} per function plus account-wide gauges, closed
 * period by period into a {@link MetricsSink}.
 */
public final class MetricsRecorder {

  /** The function name of account rows in {@code metrics.csv}. */
  public static final String ACCOUNT = "*";
  /** The function name of the rows that add up the functions not listed one by one. */
  public static final String OTHERS = RowSum.OTHERS;

  private final List<FunctionMetrics> functions = new ArrayList<>();
  /** Per function, whether it has rows of its own; the others go to {@link #others}. */
  private final List<Boolean> listed = new ArrayList<>();
  private RowSum others;
  private final RowSum account = new RowSum();
  private final MetricsSink sink;
  public final Gauge accountConcurrency;
  public final Gauge accountProvisionedBusy;

  public MetricsRecorder(long warmupNanos, MetricsSink sink) {
    this.sink = sink;
    this.accountConcurrency = new Gauge(warmupNanos);
    this.accountProvisionedBusy = new Gauge(warmupNanos);
  }

  public FunctionMetrics register(FunctionMetrics metrics) {
    return register(metrics, true);
  }

  /**
   * Registers a function; an unlisted one has no rows of its own but is added to the
   * {@value RowSum#OTHERS} row written before each account row (a fleet beyond its top N).
   */
  public FunctionMetrics register(FunctionMetrics metrics, boolean listedOnItsOwn) {
    functions.add(metrics);
    listed.add(listedOnItsOwn);
    if (!listedOnItsOwn && others == null) {
      others = new RowSum();
    }
    return metrics;
  }

  public List<FunctionMetrics> functions() {
    return List.copyOf(functions);
  }

  /**
   * Writes one row per listed function, the {@value RowSum#OTHERS} row of the others if any, and
   * the account row for the period [{@code startNanos}, {@code endNanos}), then starts the next
   * period.
   */
  public void closePeriod(long startNanos, long endNanos) {
    long length = endNanos - startNanos;
    try {
      for (int i = 0; i < functions.size(); i++) {
        boolean own = listed.get(i);
        RowSum into = own ? account : others;
        PeriodRow row = functions.get(i).closePeriod(startNanos, endNanos, into.histograms);
        if (own) {
          sink.accept(row);
        } else {
          others.add(row);
        }
        account.add(row);
      }
      if (others != null) {
        account.histograms.add(others.histograms);
        sink.accept(others.close(startNanos / 1e9, RowSum.OTHERS));
      }
      accountConcurrency.closePeriod(endNanos, length);
      accountProvisionedBusy.closePeriod(endNanos, length);
      // The account's own gauges give exact maxima, where the sum of functions' maxima would not.
      account.replaceMaxima(PeriodColumn.CONCURRENT_EXECUTIONS, accountConcurrency.closedMax());
      account.replaceMaxima(PeriodColumn.PROVISIONED_CONCURRENT_EXECUTIONS,
          accountProvisionedBusy.closedMax());
      sink.accept(account.close(startNanos / 1e9, ACCOUNT));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
