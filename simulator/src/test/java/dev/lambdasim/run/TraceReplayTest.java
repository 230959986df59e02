package dev.lambdasim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdasim.output.RunFolder;
import dev.lambdasim.spec.Scenario;
import dev.lambdasim.scenario.ScenarioException;
import dev.lambdasim.scenario.ScenarioLoader;
import dev.lambdasim.workload.trace.TraceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trace replays through a whole run: each row is one arrival, a duration column sets handler
 * time, a bad row stops the run (and publishes no folder) unless skipped, and skipped rows reach
 * the summary.
 */
final class TraceReplayTest {

  @TempDir
  Path dir;

  private Scenario scenario(String trace, String rows) throws IOException, ScenarioException {
    Files.writeString(dir.resolve("t.csv"), rows, StandardCharsets.UTF_8);
    String yaml = """
        name: replay
        duration: 1m
        functions:
          - name: api
            memoryMb: 1024
            duration: {dist: constant, value: 10ms}
            init: {duration: {dist: constant, value: 100ms}}
            traffic:
              - TRACE
        """.replace("TRACE", trace);
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return new ScenarioLoader().load(file);
  }

  @Test
  void everyRowIsOneArrivalWithItsDuration() throws Exception {
    Scenario s = scenario("trace: {file: t.csv, format: timestamps, unit: s, duration: d, durationUnit: ms}",
        "t,d\n1,250\n2,250\n3,250\n70,250\n");
    RunResult r = Simulation.run(s);
    FunctionSummary api = r.function("api");
    assertThat(api.arrivals()).as("the row at 70 s is after the 1 m horizon").isEqualTo(3);
    assertThat(api.invocations()).isEqualTo(3);
    assertThat(api.durationMs().max()).isEqualTo(250.0, org.assertj.core.data.Offset.offset(1.0));
    assertThat(api.coldStarts()).isEqualTo(1);
    assertThat(api.traceRows().skipped()).isZero();
    assertThat(api.ledger().balanced()).isTrue();
  }

  @Test
  void theAzureSampleScenarioReplaysAll199Rows() throws Exception {
    Scenario s = new ScenarioLoader().load(Path.of("..", "scenarios", "trace-azure2021.yaml"));
    RunResult r = Simulation.run(s);
    assertThat(r.function("azure-sample").arrivals()).isEqualTo(199);
    assertThat(r.conservation().balanced()).isTrue();
  }

  @Test
  void aBadRowStopsTheRunWithItsLine() throws Exception {
    Scenario s = scenario("trace: {file: t.csv, format: timestamps, unit: s}", "t\n1\n2\n1\n");
    assertThatThrownBy(() -> Simulation.run(s)).isInstanceOf(TraceException.class)
        .hasMessage(dir.resolve("t.csv") + ":4: timestamp 1 is before the one on line 3; rows must be in time order");
  }

  @Test
  void aStoppedRunPublishesNoFolder() throws Exception {
    Scenario s = scenario("trace: {file: t.csv, format: timestamps, unit: s}", "t\n1\nx\n");
    Path out = dir.resolve("out");
    assertThatThrownBy(() -> RunFolder.run(s, out, ProgressListener.none(), TimelineLimits.REPORT,
        (folder, result) -> { })).isInstanceOf(TraceException.class).hasMessageStartingWith(dir.resolve("t.csv") + ":3:");
    try (Stream<Path> left = Files.list(out)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void skippedRowsReachTheSummary() throws Exception {
    Scenario s = scenario("trace: {file: t.csv, format: timestamps, unit: s, onBadRow: skip}",
        "t\n1\nx\n2\n1\n3\n");
    Path out = dir.resolve("out");
    RunResult r = RunFolder.run(s, out, ProgressListener.none(), TimelineLimits.REPORT, (folder, result) -> { });
    assertThat(r.function("api").arrivals()).isEqualTo(3);
    assertThat(r.function("api").traceRows().skipped()).isEqualTo(2);
    String json = Files.readString(out.resolve("replay/summary.json"), StandardCharsets.UTF_8);
    String file = dir.resolve("t.csv").toString();
    assertThat(json).contains("\"traceRowsSkipped\" : 2", "\"" + file + ":3: 'x' is not a number (column 0)\"",
        "\"" + file + ":5: timestamp 1 is before the one on line 4; rows must be in time order\"");
  }

  @Test
  void functionsWithoutTracesHaveNoTraceKeys() throws Exception {
    Scenario s = scenario("poisson: {rate: 1/s}", "t\n");
    assertThat(Simulation.run(s).function("api").traceRows()).isNull();
  }
}
