package dev.lambdasim.scenarios;

import dev.lambdasim.metrics.PeriodRow;
import dev.lambdasim.run.ProgressListener;
import dev.lambdasim.run.RunResult;
import dev.lambdasim.run.Simulation;
import dev.lambdasim.spec.Scenario;
import dev.lambdasim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A teaching scenario from {@code scenarios/}, run in memory, with its period rows per function. */
final class ScenarioRun {
  final RunResult result;
  private final Map<String, List<PeriodRow>> rows = new LinkedHashMap<>();

  private ScenarioRun(Scenario scenario) {
    this.result = new Simulation(scenario,
        row -> rows.computeIfAbsent(row.function(), f -> new ArrayList<>()).add(row))
        .run(ProgressListener.none());
  }

  /** Loads {@code scenarios/<file>} with the given {@code --set} overrides, and runs it. */
  static ScenarioRun of(String file, String... overrides) throws Exception {
    return new ScenarioRun(new ScenarioLoader()
        .load(Path.of("..", "scenarios", file), List.of(overrides)));
  }

  /** Returns the period rows of one function, in time order. */
  List<PeriodRow> rows(String function) {
    return rows.getOrDefault(function, List.of());
  }

  /** Returns the sum of a count over the rows of one function whose period starts in [from, to) minutes. */
  long sum(String function, int fromMinute, int toMinute,
      java.util.function.ToLongFunction<PeriodRow> count) {
    return rows(function).stream()
        .filter(r -> r.periodStartSeconds() >= 60.0 * fromMinute
            && r.periodStartSeconds() < 60.0 * toMinute)
        .mapToLong(count).sum();
  }
}
