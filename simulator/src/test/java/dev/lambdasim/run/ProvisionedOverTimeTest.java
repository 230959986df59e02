package dev.lambdasim.run;

import static dev.lambdasim.metrics.PeriodColumn.COLD_STARTS;
import static dev.lambdasim.metrics.PeriodColumn.PROVISIONED_CONCURRENCY_CONFIGURED;
import static dev.lambdasim.metrics.PeriodColumn.PROVISIONED_CONCURRENCY_INVOCATIONS;
import static dev.lambdasim.metrics.PeriodColumn.PROVISIONED_CONCURRENCY_READY;
import static dev.lambdasim.run.Scenarios.D;
import static dev.lambdasim.run.Scenarios.H;
import static dev.lambdasim.run.Scenarios.MIN;
import static dev.lambdasim.run.Scenarios.MS;
import static dev.lambdasim.run.Scenarios.S;
import static dev.lambdasim.run.Scenarios.constant;
import static dev.lambdasim.run.Scenarios.function;
import static dev.lambdasim.run.Scenarios.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lambdasim.metrics.PeriodRow;
import dev.lambdasim.metrics.ScalingAction;
import dev.lambdasim.spec.AccountSpec;
import dev.lambdasim.spec.PricingSpec;
import dev.lambdasim.spec.ProvisionedSpec;
import dev.lambdasim.spec.ProvisionedSpec.AllocationRamp;
import dev.lambdasim.spec.ProvisionedSpec.AutoscalingSpec;
import dev.lambdasim.spec.ProvisionedSpec.ScheduledAction;
import dev.lambdasim.spec.ProvisionedSpec.Statistic;
import dev.lambdasim.spec.ScalingSpec;
import dev.lambdasim.spec.Scenario;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Provisioned concurrency over time, as the Lambda Developer Guide's page on provisioned
 * concurrency and the pricing page describe it: schedules, the allocation delay, the auto
 * scaler's alarms, and the 5-minute billing of configured GB-seconds.
 */
final class ProvisionedOverTimeTest {

  private static final AccountSpec ACCOUNT = new AccountSpec(1000, 100, ScalingSpec.perFunction());
  private static final long DELAY = ProvisionedSpec.DEFAULT_ALLOCATION_DELAY_NANOS;

  private static ProvisionedSpec schedule(int initial, ScheduledAction... actions) {
    return new ProvisionedSpec(initial, List.of(actions), null, DELAY, AllocationRamp.CURRENT);
  }

  private static ProvisionedSpec autoscaled(int initial, int min, int max) {
    return new ProvisionedSpec(initial, List.of(), new AutoscalingSpec(0.7, min, max,
        Statistic.AVERAGE, 3, 15, 0.9, 0, 0), DELAY, AllocationRamp.CURRENT);
  }

  private static ScheduledAction at(long atNanos, int value) {
    return new ScheduledAction(atNanos, 0, value, null, null);
  }

  private static List<PeriodRow> rows(Scenario scenario, String function) {
    List<PeriodRow> rows = new ArrayList<>();
    new Simulation(scenario, row -> {
      if (row.function().equals(function)) {
        rows.add(row);
      }
    }).run(ProgressListener.none());
    return rows;
  }

  private static long coldStartsBetween(List<PeriodRow> rows, long fromNanos, long toNanos) {
    return rows.stream()
        .filter(r -> r.periodStartSeconds() * 1e9 >= fromNanos
            && r.periodStartSeconds() * 1e9 < toNanos)
        .mapToLong(r -> r.count(COLD_STARTS)).sum();
  }

  /**
   * A quiet day (1 request/s) with a busy hour from 12h (100/s of 200 ms: about 20 at once).
   * Without provisioned concurrency the busy hour starts with a wave of cold starts; a schedule
   * that configures 60 at 11h50 (ready by 11h51) and 0 at 13h10 leaves none in that hour. (60,
   * not 40: the number of requests in flight is Poisson with mean 20, which passes 40 a few
   * times an hour but 60 with a probability of about 1e-13 per 200 ms window.)
   */
  @Test
  void scheduleBeforeTheDailyPeakRemovesItsColdStarts() {
    Scenarios.Fn base = function("api").duration(constant(200 * MS)).maxLifetime(6 * H)
        .keepAlive(constant(6 * MIN)).init(constant(300 * MS))
        .constantRate(1).poisson(100, 12 * H, 13 * H);
    List<PeriodRow> without = rows(scenario(D, ACCOUNT, base), "api");
    List<PeriodRow> with = rows(scenario(D, ACCOUNT, base.provisioned(
        schedule(0, at(11 * H + 50 * MIN, 60), at(13 * H + 10 * MIN, 0)))), "api");

    assertThat(coldStartsBetween(without, 12 * H, 13 * H)).isGreaterThanOrEqualTo(15);
    assertThat(coldStartsBetween(with, 12 * H, 13 * H)).isZero();
    assertThat(with.get(12 * 60).count(PROVISIONED_CONCURRENCY_INVOCATIONS)).isPositive();
  }

  /**
   * A step from 10/s to 100/s of 100 ms at 10 min saturates 2 provisioned environments
   * (utilisation 1.0 > 0.7). The data points at 11, 12 and 13 min are high, so the scaler acts
   * at 13 min (780 s): ceil(2 × 1.0 / 0.7) = 3, ready 1 min + 10 ms later. The next three high
   * points end at 16 min (960 s): ceil(3 × 1.0 / 0.7) = 5.
   */
  @Test
  void stepInTrafficScalesOutAfterThreeDataPointsPlusTheAllocationDelay() {
    Scenario s = scenario(20 * MIN, ACCOUNT, function("api").duration(constant(100 * MS))
        .provisioned(autoscaled(2, 2, 100)).constantRate(10, 0, 10 * MIN)
        .constantRate(100, 10 * MIN, 20 * MIN));
    RunResult result = Simulation.run(s);
    List<PeriodRow> rows = rows(s, "api");

    List<ScalingAction> actions = result.function("api").provisioned().actions();
    assertThat(actions.get(0)).isEqualTo(new ScalingAction(780 * S, 2, 3,
        actions.get(0).reason()));
    assertThat(actions.get(0).reason()).contains("above target 0.70 for 3 data points");
    assertThat(actions.get(1).timeNanos()).isEqualTo(960 * S);
    assertThat(actions.get(1).to()).isEqualTo(5);
    // Minute 13 has 2 ready all along; minute 14 gets the third 10 ms after it starts.
    assertThat(rows.get(13).value(PROVISIONED_CONCURRENCY_READY)).isEqualTo(2.0);
    assertThat(rows.get(14).value(PROVISIONED_CONCURRENCY_READY)).isCloseTo(3.0, within(0.001));
    assertThat(rows.get(14).value(PROVISIONED_CONCURRENCY_CONFIGURED)).isEqualTo(3.0);
  }

  /**
   * 1 request/s of 100 ms on 10 provisioned environments: utilisation about 0.01, below
   * 0.9 × 0.7. The low alarm needs 15 data points: the first scale-in is at 15 min, by one step
   * of 10 % (10 → 9); the next needs 15 new points, at 30 min.
   */
  @Test
  void scaleInNeedsFifteenLowDataPoints() {
    RunResult result = Simulation.run(scenario(31 * MIN, ACCOUNT, function("api")
        .duration(constant(100 * MS)).provisioned(autoscaled(10, 1, 20)).constantRate(1)));

    List<ScalingAction> actions = result.function("api").provisioned().actions();
    assertThat(actions.get(0)).isEqualTo(new ScalingAction(15 * MIN, 10, 9,
        actions.get(0).reason()));
    assertThat(actions.get(1)).isEqualTo(new ScalingAction(30 * MIN, 9, 8,
        actions.get(1).reason()));
  }

  /** No invocations, no data points: an idle function never scales in. */
  @Test
  void idleFunctionDoesNotScaleIn() {
    RunResult result = Simulation.run(scenario(2 * H, ACCOUNT, function("api")
        .provisioned(autoscaled(10, 1, 20)).constantRate(1, 3 * H, 4 * H)));

    assertThat(result.function("api").provisioned().scalingActions()).isZero();
  }

  /**
   * Configured GB-s are billed in 5-minute windows at the largest value of each window:
   * 50 from 8h02 (billed from 8h00) to 20h, then 5 to the end of a 24 h run, at 1 GB:
   * 50 × 12 h + 5 × 4 h = 2,232,000 GB-s × $0.0000041667 = $9.30 (without the rounding it
   * would be 2,226,000 GB-s, $9.28).
   */
  @Test
  void scheduleCostMatchesAHandComputationToTheCent() {
    RunResult result = Simulation.run(scenario(D, ACCOUNT, function("api").memoryMb(1024)
        .provisioned(schedule(0, at(8 * H + 2 * MIN, 50), at(20 * H, 5)))
        .constantRate(1, 3 * D, 4 * D)));

    FunctionSummary api = result.function("api");
    assertThat(api.provisioned().configuredGbSeconds()).isEqualTo(2_232_000.0);
    assertThat(cents(api.cost().provisionedUsd())).isEqualByComparingTo("9.30");
  }

  /**
   * The pricing page's provisioned example E4 as a simulation: 100 provisioned at 1,536 MB for
   * 8 h (then 0) serving 500,000 requests of 100 ms, and 2.5 M requests of 120 ms on demand over
   * the month, free tier on: $18.00 + $0.40 + $0.73 + $0.83 = $19.96.
   */
  @Test
  void pricingExampleE4ThroughASimulation() {
    PricingSpec pricing = PricingSpec.defaults();
    pricing = new PricingSpec(true, false, pricing.requestsPerMillionUsd(),
        pricing.freeTierRequests(), pricing.freeTierGbSeconds(), pricing.x86(), pricing.arm());
    RunResult result = Simulation.run(scenario(30 * D, ACCOUNT, pricing,
        function("pc").memoryMb(1536).duration(constant(100 * MS))
            .provisioned(schedule(100, at(8 * H, 0))).constantRate(500_000.0 / (8 * 3600), 0, 8 * H),
        function("od").memoryMb(1536).duration(constant(120 * MS))
            .constantRate(2_500_000.0 / (30 * 86400))));

    assertThat(result.function("pc").invocations()).isEqualTo(500_000);
    assertThat(result.function("pc").provisionedInvocations()).isEqualTo(500_000);
    assertThat(result.function("od").invocations()).isEqualTo(2_500_000);
    assertThat(cents(result.function("pc").cost().provisionedUsd())).isEqualByComparingTo("18.00");
    assertThat(cents(result.accountCost().totalUsd())).isEqualByComparingTo("19.96");
  }

  /** Recycled provisioned environments are replaced; the configured count is kept. */
  @Test
  void recycledProvisionedEnvironmentsAreReplaced() {
    RunResult result = Simulation.run(scenario(6 * H, ACCOUNT, function("api")
        .maxLifetime(H).init(constant(2 * S)).duration(constant(10 * MS))
        .provisioned(5).constantRate(1)));

    FunctionSummary api = result.function("api");
    // Each environment lives between 30 and 60 min, so 5 environments recycle 25 to 60 times.
    assertThat(api.environmentsRecycled()).isBetween(25L, 60L);
    assertThat(api.environmentsCreated()).isEqualTo(5 + api.environmentsRecycled());
    // Their Init is billed at the provisioned duration price: 2 s × 1 GB each.
    assertThat(api.provisionedDurationGbSeconds())
        .isGreaterThanOrEqualTo(2.0 * (api.environmentsRecycled() - 5));
  }

  private static BigDecimal cents(double usd) {
    return BigDecimal.valueOf(usd).setScale(2, RoundingMode.HALF_UP);
  }
}
