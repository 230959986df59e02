package dev.lambdasim.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code *others*} row adds up the unlisted functions column by column as the registry
 * says, and the listed rows plus {@code *others*} add up to the account row.
 */
final class OthersRowTest {

  private static final long MINUTE = 60_000_000_000L;
  private static final long MS = 1_000_000L;

  private final List<PeriodRow> rows = new ArrayList<>();
  private MetricsRecorder recorder;
  private FunctionMetrics listed;
  private FunctionMetrics first;
  private FunctionMetrics second;

  @BeforeEach
  void record() {
    recorder = new MetricsRecorder(0, rows::add);
    listed = recorder.register(new FunctionMetrics("api", 0));
    first = recorder.register(new FunctionMetrics("a", 0), /* listedOnItsOwn= */ false);
    second = recorder.register(new FunctionMetrics("b", 0), /* listedOnItsOwn= */ false);
    invoke(listed, 1, 80 * MS);
    invoke(first, 3, 100 * MS);
    invoke(second, 2, 300 * MS);
    first.throttle(ThrottleReason.SCALING_RATE_EXCEEDED, true);
    second.throttle(ThrottleReason.RESERVED_CONCURRENT_INVOCATION_LIMIT, true);
    first.esm.messageReceived(true, 5 * MS);
    second.esm.messageReceived(true, 9 * MS);
    // Busy for the whole minute: one environment of "a", two of "b" for half of it.
    first.busy.add(0, 1);
    second.busy.add(0, 2);
    second.busy.add(MINUTE / 2, -2);
    first.concurrency.add(0, 1);
    second.concurrency.add(0, 2);
    recorder.accountConcurrency.add(0, 3);
    recorder.closePeriod(0, MINUTE);
  }

  @Test
  void theOthersRowComesBeforeTheAccountRow() {
    assertThat(rows).extracting(PeriodRow::function)
        .containsExactly("api", MetricsRecorder.OTHERS, MetricsRecorder.ACCOUNT);
  }

  @Test
  void countsAndMeansAddUp() {
    PeriodRow others = rows.get(1);
    assertThat(others.count(PeriodColumn.INVOCATIONS)).isEqualTo(5);
    assertThat(others.count(PeriodColumn.COLD_STARTS)).isEqualTo(5);
    assertThat(others.count(PeriodColumn.THROTTLES)).isEqualTo(2);
    assertThat(others.count(PeriodColumn.throttles(ThrottleReason.SCALING_RATE_EXCEEDED)))
        .isEqualTo(1);
    assertThat(others.value(PeriodColumn.ENVIRONMENTS_BUSY)).isCloseTo(2.0, within(1e-12));
    assertThat(others.count(PeriodColumn.CONCURRENT_EXECUTIONS)).isEqualTo(3);
  }

  @Test
  void agesTakeTheLargestAndMeansAreNotKept() {
    PeriodRow others = rows.get(1);
    assertThat(others.value(PeriodColumn.MESSAGE_AGE_MAX)).isEqualTo(9.0);
    assertThat(others.value(PeriodColumn.MESSAGE_AGE_AVG)).isNaN();
    assertThat(others.value(PeriodColumn.ITERATOR_AGE_MAX)).isZero();
    assertThat(others.value(PeriodColumn.ITERATOR_AGE_AVG)).isNaN();
    assertThat(rows.get(0).value(PeriodColumn.MESSAGE_AGE_MAX)).isNaN();
  }

  @Test
  void durationsComeFromTheMergedHistograms() {
    PeriodRow others = rows.get(1);
    assertThat(others.value(PeriodColumn.DURATION_AVG)).isCloseTo(180.0, within(1e-9));
    assertThat(others.value(PeriodColumn.DURATION_MAX)).isCloseTo(300.0, within(3.0));
    assertThat(rows.get(2).value(PeriodColumn.DURATION_AVG))
        .isCloseTo((80.0 + 3 * 100 + 2 * 300) / 6, within(1e-9));
  }

  @Test
  void listedRowsAndOthersAddUpToTheAccount() {
    for (PeriodColumn column : PeriodColumn.all()) {
      if (column.sum() == PeriodColumn.Sum.ADD) {
        assertThat(rows.get(2).value(column)).as("%s", column)
            .isEqualTo(rows.get(0).value(column) + rows.get(1).value(column));
      }
    }
  }

  /** The account's maximum is its own gauge's, not the sum of the functions' maxima. */
  @Test
  void theAccountMeasuresItsOwnConcurrency() {
    assertThat(rows.get(2).count(PeriodColumn.CONCURRENT_EXECUTIONS)).isEqualTo(3);
  }

  @Test
  void aClosedPeriodStartsTheNextOneEmpty() {
    rows.clear();
    recorder.closePeriod(MINUTE, 2 * MINUTE);
    PeriodRow others = rows.get(1);
    assertThat(others.count(PeriodColumn.INVOCATIONS)).isZero();
    assertThat(others.value(PeriodColumn.DURATION_AVG)).isNaN();
    assertThat(others.value(PeriodColumn.MESSAGE_AGE_MAX)).isNaN();
    // Gauges carry their value into the next period: "a" is still busy.
    assertThat(others.value(PeriodColumn.ENVIRONMENTS_BUSY)).isEqualTo(1.0);
  }

  /** Starts and ends {@code count} cold invocations of {@code handlerNanos}. */
  private static void invoke(FunctionMetrics metrics, int count, long handlerNanos) {
    for (int i = 0; i < count; i++) {
      metrics.start(true, /* cold= */ true, false, false);
      metrics.complete(true, 0, 10 * MS, handlerNanos, true, false, false, false, 0.1);
    }
  }
}
