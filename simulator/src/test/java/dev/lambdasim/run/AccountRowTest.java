package dev.lambdasim.run;

import static dev.lambdasim.run.Scenarios.MIN;
import static dev.lambdasim.run.Scenarios.MS;
import static dev.lambdasim.run.Scenarios.S;
import static dev.lambdasim.run.Scenarios.constant;
import static dev.lambdasim.run.Scenarios.exponential;
import static dev.lambdasim.run.Scenarios.function;
import static dev.lambdasim.run.Scenarios.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lambdasim.metrics.MetricsRecorder;
import dev.lambdasim.metrics.PeriodColumn;
import dev.lambdasim.metrics.PeriodRow;
import dev.lambdasim.spec.AccountSpec;
import dev.lambdasim.spec.AsyncSpec;
import dev.lambdasim.spec.ScalingSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The account row of each period adds up the functions' rows as the registry says: every
 * additive column is the sum of the functions' values, the two maxima the account measures
 * itself are at most that sum, and the duration statistics are those of all invocations.
 */
final class AccountRowTest {

  /** Rows by period start, the functions' rows first and the account's last. */
  private static final Map<Double, List<PeriodRow>> PERIODS = new LinkedHashMap<>();

  /**
   * Three functions under a tight account, so that every kind of column moves: cold starts and
   * keep-alive shutdowns, errors and timeouts, throttles of several reasons, provisioned
   * concurrency with spillover, and an async queue.
   */
  @BeforeAll
  static void run() {
    var scenario = scenario(10 * MIN, new AccountSpec(40, 10, ScalingSpec.perFunction()),
        function("api").poisson(120).duration(exponential(150 * MS))
            .init(constant(300 * MS)).keepAlive(exponential(20 * S)).errorRate(0.05),
        function("worker").reserved(8).provisioned(3).poisson(40)
            .duration(exponential(200 * MS)).init(constant(500 * MS)).timeout(400 * MS),
        function("events").reserved(2).async(AsyncSpec.defaults()).poisson(15)
            .duration(constant(120 * MS)));
    new Simulation(scenario, row -> PERIODS.computeIfAbsent(row.periodStartSeconds(),
        start -> new ArrayList<>()).add(row)).run(ProgressListener.none());
  }

  @Test
  void eachPeriodHasThreeFunctionRowsThenTheAccountRow() {
    assertThat(PERIODS).hasSize(10);
    for (List<PeriodRow> rows : PERIODS.values()) {
      assertThat(rows).extracting(PeriodRow::function)
          .containsExactly("api", "worker", "events", MetricsRecorder.ACCOUNT);
    }
  }

  @Test
  void additiveColumnsOfTheAccountRowAreTheSumsOfTheFunctions() {
    for (PeriodColumn column : PeriodColumn.all()) {
      if (column.sum() != PeriodColumn.Sum.ADD && column.sum() != PeriodColumn.Sum.ADD_MAXIMA
          || isMeasuredByTheAccount(column)) {
        continue;
      }
      for (List<PeriodRow> rows : PERIODS.values()) {
        assertThat(account(rows).value(column)).as("%s", column)
            .isCloseTo(sumOfFunctions(rows, column), within(1e-9));
      }
    }
  }

  @Test
  void theAccountsOwnMaximaAreAtMostTheSumOfTheFunctionsMaxima() {
    for (List<PeriodRow> rows : PERIODS.values()) {
      for (PeriodColumn column : List.of(PeriodColumn.CONCURRENT_EXECUTIONS,
          PeriodColumn.PROVISIONED_CONCURRENT_EXECUTIONS)) {
        assertThat(account(rows).value(column)).as("%s", column)
            .isLessThanOrEqualTo(sumOfFunctions(rows, column))
            .isGreaterThanOrEqualTo(maxOfFunctions(rows, column));
      }
    }
  }

  /** Guards against a vacuous pass: the run moves the columns the sums are checked on. */
  @Test
  void theRunExercisesTheColumns() {
    for (PeriodColumn column : List.of(PeriodColumn.INVOCATIONS, PeriodColumn.ERRORS,
        PeriodColumn.TIMEOUTS, PeriodColumn.THROTTLES, PeriodColumn.COLD_STARTS,
        PeriodColumn.SHUTDOWNS, PeriodColumn.PROVISIONED_CONCURRENCY_INVOCATIONS,
        PeriodColumn.PROVISIONED_CONCURRENCY_SPILLOVER_INVOCATIONS,
        PeriodColumn.ASYNC_EVENTS_RECEIVED, PeriodColumn.ASYNC_QUEUE_DEPTH_MAX,
        PeriodColumn.ENVIRONMENTS_IDLE, PeriodColumn.ENVIRONMENTS_PROVISIONED_IDLE)) {
      double total = PERIODS.values().stream().mapToDouble(rows -> account(rows).value(column))
          .sum();
      assertThat(total).as("%s", column).isPositive();
    }
    long reasons = PeriodColumn.all().stream()
        .filter(c -> c.csvName().startsWith("Throttles_"))
        .filter(c -> PERIODS.values().stream().anyMatch(rows -> account(rows).count(c) > 0))
        .count();
    assertThat(reasons).isGreaterThanOrEqualTo(2);
  }

  /** The account's durations merge the functions' histograms: its maximum is theirs. */
  @Test
  void accountDurationsComeFromTheMergedHistograms() {
    for (List<PeriodRow> rows : PERIODS.values()) {
      assertThat(account(rows).value(PeriodColumn.DURATION_MAX))
          .isEqualTo(maxOfFunctions(rows, PeriodColumn.DURATION_MAX));
      assertThat(account(rows).value(PeriodColumn.DURATION_AVG)).isBetween(
          minOfFunctions(rows, PeriodColumn.DURATION_AVG),
          maxOfFunctions(rows, PeriodColumn.DURATION_AVG));
    }
  }

  private static boolean isMeasuredByTheAccount(PeriodColumn column) {
    return column == PeriodColumn.CONCURRENT_EXECUTIONS
        || column == PeriodColumn.PROVISIONED_CONCURRENT_EXECUTIONS;
  }

  private static PeriodRow account(List<PeriodRow> rows) {
    return rows.get(rows.size() - 1);
  }

  private static double sumOfFunctions(List<PeriodRow> rows, PeriodColumn column) {
    return rows.subList(0, rows.size() - 1).stream().mapToDouble(r -> r.value(column)).sum();
  }

  private static double minOfFunctions(List<PeriodRow> rows, PeriodColumn column) {
    return rows.subList(0, rows.size() - 1).stream().mapToDouble(r -> r.value(column))
        .filter(v -> !Double.isNaN(v)).min().orElse(Double.NaN);
  }

  private static double maxOfFunctions(List<PeriodRow> rows, PeriodColumn column) {
    return rows.subList(0, rows.size() - 1).stream().mapToDouble(r -> r.value(column))
        .filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
  }
}
