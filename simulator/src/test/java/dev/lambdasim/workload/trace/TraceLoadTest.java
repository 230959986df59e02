package dev.lambdasim.workload.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lambdasim.scenario.ScenarioException;
import dev.lambdasim.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the trace readers check at load time reaches {@code validate} through the scenario
 * loader as one problem located in the trace file and naming the trace's field: an incomplete
 * gzip file, a header line too long, a CloudWatch timestamp out of range, an unknown CloudWatch
 * result.
 */
final class TraceLoadTest {

  @TempDir
  Path dir;

  @BeforeEach
  void traces() throws IOException {
    Files.createDirectories(dir.resolve("traces"));
  }

  /** Returns a scenario of one function whose only traffic is {@code trace}. */
  private static String scenario(String trace) {
    return "name: t\nduration: 1h\nfunctions: [{name: api, duration: {dist: constant, value: 10ms}, "
        + "traffic: [{trace: " + trace + "}]}]\n";
  }

  private List<String> problems(String trace) {
    ScenarioException e = catchThrowableOfType(ScenarioException.class,
        () -> new ScenarioLoader().parse("x.yaml", scenario(trace), dir, List.of()));
    assertThat(e).as("expected the scenario to be rejected").isNotNull();
    return e.problems().stream().map(Object::toString).toList();
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void aGzipFileOfOnlyItsMagicBytes() throws IOException {
    Files.write(dir.resolve("traces/m.csv"), new byte[] {0x1f, (byte) 0x8b});
    assertThat(problems("{file: traces/m.csv, format: timestamps, unit: s}")).containsExactly(
        "traces/m.csv: functions[0].traffic[0].trace.file: not a complete gzip file (unexpected end of compressed data)");
  }

  @Test
  void aHeaderTooLong() throws IOException {
    write("traces/t.csv", "t" + ",x".repeat(40_000) + "\n1\n");
    assertThat(problems("{file: traces/t.csv, format: timestamps, unit: s}")).containsExactly(
        "traces/t.csv:1: functions[0].traffic[0].trace.file: the line is longer than 65536 "
            + "characters, the most a trace line may hold (allowed: up to 65536)");
  }

  @Test
  void aCloudWatchTimestampOutOfRange() throws IOException {
    write("traces/cw.json", "{\"Datapoints\": [\n{\"Timestamp\": 0, \"Sum\": 1},\n"
        + "{\"Timestamp\": 1e300, \"Sum\": 1}\n]}\n");
    assertThat(problems("{file: traces/cw.json, format: cloudwatch, period: 1m}")).containsExactly(
        "traces/cw.json:3: functions[0].traffic[0].trace.file: Timestamp 1e300 is out of range "
            + "(allowed: epoch seconds from 0 to 9223372036, or ISO-8601 from 1970-01-01T00:00:00Z "
            + "to 2262-04-11T23:47:16Z)");
  }

  @Test
  void aCloudWatchSumAboveTheMaximum() throws IOException {
    write("traces/cw.json", "{\"Datapoints\": [\n{\"Timestamp\": 0, \"Sum\": 1e18}\n]}\n");
    assertThat(problems("{file: traces/cw.json, format: cloudwatch, period: 1m}")).containsExactly(
        "traces/cw.json:2: functions[0].traffic[0].trace.file: Sum 1000000000000000000 is out of "
            + "range (allowed: 0 to 100000000 invocations a minute)");
  }

  @Test
  void anUnknownCloudWatchResult() throws IOException {
    write("traces/cw.json", "{\"MetricDataResults\": [{\"Id\": \"m1\", \"Timestamps\": [0], \"Values\": [1]}]}");
    assertThat(problems("{file: traces/cw.json, format: cloudwatch, period: 1m, function: m2}")).containsExactly(
        "traces/cw.json: functions[0].traffic[0].trace.file: no result with Id or Label 'm2'; "
            + "did you mean 'm1'? (there are m1)");
  }
}
