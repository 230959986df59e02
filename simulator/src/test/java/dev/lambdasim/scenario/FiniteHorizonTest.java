package dev.lambdasim.scenario;

import dev.lambdasim.spec.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code duration} may be left out when all traffic ends: the horizon is then the last arrival,
 * plus the longest timeout so the last requests finish.
 */
final class FiniteHorizonTest {

  private static final long S = 1_000_000_000L;

  @TempDir
  Path dir;

  @BeforeEach
  void trace() throws IOException {
    Files.writeString(dir.resolve("calls.csv"), "t\n0\n1.5\n4\n", StandardCharsets.UTF_8);
  }

  private Scenario load(String traffic, String... functionLines) throws ScenarioException {
    StringBuilder yaml = new StringBuilder("name: finite\nfunctions:\n  - name: api\n"
        + "    duration: {dist: constant, value: 10ms}\n");
    for (String line : functionLines) {
      yaml.append("    ").append(line).append('\n');
    }
    yaml.append("    traffic:\n").append(traffic);
    return new ScenarioLoader().parse(dir.resolve("s.yaml").toString(), yaml.toString(), dir,
        List.of());
  }

  @Test
  void aTraceGivesItsOwnHorizon() throws ScenarioException {
    Scenario s = load("      - trace: {file: calls.csv, format: timestamps, unit: s}\n");

    // The last arrival at 4 s, plus 1 ns so it lies inside the run, plus the 3 s default timeout.
    assertThat(s.durationNanos()).isEqualTo(4 * S + 1 + 3 * S);
    assertThat(s.metricsPeriodNanos()).isEqualTo(7 * S + 1);
  }

  @Test
  void theLongestTimeoutIsAdded() throws ScenarioException {
    Scenario s = load("      - trace: {file: calls.csv, format: timestamps, unit: s}\n",
        "timeout: 30s");

    assertThat(s.durationNanos()).isEqualTo(4 * S + 1 + 30 * S);
    assertThat(s.metricsPeriodNanos()).isEqualTo(34 * S + 1);
  }

  @Test
  void finiteSyntheticSourcesCountToo() throws ScenarioException {
    Scenario s = load("      - burst: {at: 90s, count: 5}\n"
        + "      - poisson: {rate: 2/s, to: 60s}\n");

    assertThat(s.durationNanos()).isEqualTo(90 * S + 1 + 3 * S);
    assertThat(s.metricsPeriodNanos()).isEqualTo(60 * S);
  }

  @Test
  void aSourceWithoutEndNeedsADuration() {
    ScenarioException e = catchThrowableOfType(ScenarioException.class,
        () -> load("      - trace: {file: calls.csv, format: timestamps, unit: s}\n"
            + "      - poisson: {rate: 1/s}\n"));

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("duration");
      assertThat(p.line()).isEqualTo(1);
      assertThat(p.message()).contains("required field 'duration' is missing",
          "functions[0].traffic[1] (poisson#0) has no end", "a source with 'to'");
    });
  }

  @Test
  void warmupMustStillBeShorterThanTheHorizon() {
    ScenarioException e = catchThrowableOfType(ScenarioException.class,
        () -> new ScenarioLoader().parse(dir.resolve("s.yaml").toString(),
            "name: finite\nwarmup: 10s\nfunctions:\n  - name: api\n"
                + "    duration: {dist: constant, value: 10ms}\n"
                + "    traffic: [{burst: {at: 2s, count: 1}}]\n", dir, List.of()));

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("warmup");
      assertThat(p.message()).contains("is not shorter than duration the horizon of the traffic");
    });
  }
}
