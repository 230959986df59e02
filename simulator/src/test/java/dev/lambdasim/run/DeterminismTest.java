package dev.lambdasim.run;

import static dev.lambdasim.run.Scenarios.MIN;
import static dev.lambdasim.run.Scenarios.MS;
import static dev.lambdasim.run.Scenarios.S;
import static dev.lambdasim.run.Scenarios.constant;
import static dev.lambdasim.run.Scenarios.exponential;
import static dev.lambdasim.run.Scenarios.function;
import static dev.lambdasim.run.Scenarios.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasim.output.MetricsCsvWriter;
import dev.lambdasim.spec.AccountSpec;
import dev.lambdasim.spec.ReusePolicy;
import dev.lambdasim.spec.ScalingSpec;
import dev.lambdasim.spec.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run is a function of its scenario and seed: the same scenario gives an equal result, and
 * another seed gives other draws.
 */
final class DeterminismTest {

  /**
   * Returns a scenario that draws from every random stream a function has: Poisson arrivals,
   * exponential durations, init and keep-alive, errors and random reuse, under a tight account so
   * that throttling depends on the draws too.
   */
  private static Scenario everyStream() {
    return scenario(10 * MIN, new AccountSpec(60, 10, ScalingSpec.perFunction()),
        function("api").poisson(200).duration(exponential(200 * MS))
            .init(exponential(300 * MS)).keepAlive(exponential(30 * S)).errorRate(0.05)
            .reuse(ReusePolicy.RANDOM),
        function("worker").reserved(10).provisioned(3).poisson(30)
            .duration(exponential(250 * MS)).init(constant(500 * MS)).timeout(1 * S));
  }

  /** Two runs of one scenario are equal, record by record (every count, mean and charge). */
  @Test
  void sameScenarioTwiceGivesEqualResults() {
    RunResult first = Simulation.run(everyStream());
    RunResult second = Simulation.run(everyStream());

    assertThat(second).isEqualTo(first);
    assertThat(second.functions().toString()).isEqualTo(first.functions().toString());
    // Guards against a vacuous pass: the scenario does exercise throttles and errors.
    assertThat(first.accountThrottles()).isPositive();
    assertThat(first.function("api").errors()).isPositive();
  }

  /** The metrics time series of two runs of one scenario are the same CSV, line by line. */
  @Test
  void sameScenarioTwiceGivesIdenticalPeriodRows() {
    List<String> first = periodRows(everyStream());
    List<String> second = periodRows(everyStream());

    // 10 one-minute periods × (2 functions + the account's "*" row).
    assertThat(first).hasSize(30);
    assertThat(second).isEqualTo(first);
  }

  private static List<String> periodRows(Scenario scenario) {
    List<String> rows = new ArrayList<>();
    new Simulation(scenario, row -> rows.add(MetricsCsvWriter.line(row))).run(ProgressListener.none());
    return rows;
  }

  /**
   * Another seed gives another Poisson sample path: 200/s for 600 s is 120,000 arrivals expected
   * with a standard deviation of √120,000 ≈ 346, so two seeds agreeing on the count is a ~0.1 %
   * coincidence, and agreeing on every summary is none.
   */
  @Test
  void differentSeedGivesDifferentResult() {
    Scenario base = everyStream();
    RunResult seed42 = Simulation.run(base);
    RunResult seed43 = Simulation.run(base.withSeed(43));

    assertThat(base.seed()).isEqualTo(42);
    assertThat(seed43.functions()).isNotEqualTo(seed42.functions());
    assertThat(seed43.function("api").arrivals()).isNotEqualTo(seed42.function("api").arrivals());
  }
}
