package dev.lambdasim.run;

import static dev.lambdasim.run.Scenarios.MIN;
import static dev.lambdasim.run.Scenarios.MS;
import static dev.lambdasim.run.Scenarios.S;
import static dev.lambdasim.run.Scenarios.constant;
import static dev.lambdasim.run.Scenarios.function;
import static dev.lambdasim.run.Scenarios.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasim.metrics.MetricsSink;
import dev.lambdasim.spec.AccountSpec;
import dev.lambdasim.spec.ScalingSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The environment timeline: each recorded environment's spans tile its life without gaps, in
 * the order init → busy → idle → busy …, and only the first environments are recorded.
 */
final class EnvironmentTimelineTest {

  record Span(long environment, String state, long start, long end, String ended) {}

  private static Map<Long, List<Span>> record(dev.lambdasim.spec.Scenario scenario,
      TimelineLimits limits) {
    Map<Long, List<Span>> byEnvironment = new TreeMap<>();
    new Simulation(scenario, MetricsSink.discarding(),
        (function, environment, provisioned, state, start, end, ended) ->
            byEnvironment.computeIfAbsent(environment, k -> new ArrayList<>())
                .add(new Span(environment, state, start, end, ended)),
        limits).run(ProgressListener.none());
    return byEnvironment;
  }

  /** One request every 4 s for a minute, 1 s init, 500 ms handler, 10 s keep-alive. */
  @Test
  void spansTileAnEnvironmentsLifeFromInitToReclaim() {
    Map<Long, List<Span>> spans = record(scenario(2 * MIN,
        new AccountSpec(1000, 0, ScalingSpec.perFunction()),
        function("api").init(constant(S)).duration(constant(500 * MS))
            .keepAlive(constant(10 * S)).constantRate(0.25, 0, MIN)), TimelineLimits.ALL);

    assertThat(spans).containsOnlyKeys(0L);
    List<Span> life = spans.get(0L);
    assertThat(life.get(0)).isEqualTo(new Span(0, "init", 0, S, ""));
    assertThat(life.get(1)).isEqualTo(new Span(0, "busy", S, 1500 * MS, ""));
    for (int i = 1; i < life.size(); i++) {
      assertThat(life.get(i).start()).isEqualTo(life.get(i - 1).end());
      assertThat(life.get(i).state()).isNotEqualTo(life.get(i - 1).state());
    }
    Span last = life.get(life.size() - 1);
    // The last request arrives at 56 s and ends at 56.5 s; 10 s later the environment goes.
    assertThat(last).isEqualTo(new Span(0, "idle", 56_500 * MS, 66_500 * MS, "reclaimed"));
  }

  @Test
  void onlyTheFirstEnvironmentsAreRecorded() {
    Map<Long, List<Span>> spans = record(scenario(MIN,
        new AccountSpec(1000, 0, ScalingSpec.perFunction()),
        function("api").duration(constant(10 * S)).burst(0, 100)),
        new TimelineLimits(40, 1_000_000));

    assertThat(spans).hasSize(40);
    assertThat(spans.keySet()).allMatch(id -> id < 40);
  }

  @Test
  void openSpansAreClosedAtTheHorizon() {
    Map<Long, List<Span>> spans = record(scenario(MIN,
        new AccountSpec(1000, 0, ScalingSpec.perFunction()),
        function("api").duration(constant(10 * MIN)).burst(0, 1)), TimelineLimits.ALL);

    assertThat(spans.get(0L)).containsExactly(new Span(0, "busy", 0, MIN, ""));
  }
}
