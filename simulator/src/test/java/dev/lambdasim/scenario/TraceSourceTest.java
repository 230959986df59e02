package dev.lambdasim.scenario;

import dev.lambdasim.spec.BadRowPolicy;

import dev.lambdasim.spec.Scenario;
import dev.lambdasim.spec.TrafficSpec;

import static dev.lambdasim.scenario.Scenarios.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lambdasim.workload.trace.BadRows;
import dev.lambdasim.spec.Column;
import dev.lambdasim.spec.TraceFormat;
import dev.lambdasim.spec.WithinPeriod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A {@code trace:} source loads into a record with its options in nanoseconds and defaults; the
 * file must exist inside the scenario's folder and its header must have the named columns (a
 * located error in the trace file at line 1 otherwise); each malformed option is reported at its
 * path, line and column, with the fields the format allows.
 */
final class TraceSourceTest {

  private static final long MS = 1_000_000L;

  @TempDir
  Path dir;

  @BeforeEach
  void traces() throws IOException {
    Files.createDirectories(dir.resolve("traces"));
    Files.writeString(dir.resolve("traces/api.csv"), "ts,dur\n1,2\n", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("traces/a21.csv"), "app,func,end_timestamp,duration\n", StandardCharsets.UTF_8);
    StringBuilder header = new StringBuilder("HashOwner,HashApp,HashFunction,Trigger");
    for (int m = 1; m <= 1440; m++) {
      header.append(',').append(m);
    }
    Files.writeString(dir.resolve("traces/d01.csv"), header + "\n", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("traces/p01.csv"), "x\n", StandardCharsets.UTF_8);
  }

  /** Returns MINIMAL with its traffic replaced by {@code item} on line 7. */
  private static String with(String item) {
    return Scenarios.MINIMAL.replace("poisson: {rate: 1/s}", item);
  }

  private Scenario load(String yaml) throws ScenarioException {
    return new ScenarioLoader().parse("x.yaml", yaml, dir, List.of());
  }

  private List<Problem> problems(String yaml) {
    ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> load(yaml));
    assertThat(e).as("expected the scenario to be rejected").isNotNull();
    return e.problems();
  }

  private List<String> located(String yaml) {
    return problems(yaml).stream().map(Problem::toString).toList();
  }

  private TrafficSpec.Trace trace(String item) throws ScenarioException {
    return (TrafficSpec.Trace) load(with(item)).functions().get(0).traffic().get(0);
  }

  @Test
  void timestampsWithEveryOption() throws ScenarioException, IOException {
    TrafficSpec.Trace t = trace("trace: {file: traces/api.csv, format: timestamps, column: ts, "
        + "unit: ms, duration: 1, durationUnit: us, offset: -2s, from: 1s, to: 10m, onBadRow: skip}");
    assertThat(t.streamName()).isEqualTo("trace#0");
    assertThat(t.options().format()).isEqualTo(TraceFormat.TIMESTAMPS);
    assertThat(t.options().file()).isEqualTo(dir.resolve("traces/api.csv").toRealPath());
    assertThat(t.options().column()).isEqualTo(Column.named("ts"));
    assertThat(t.options().unitNanos()).isEqualTo(MS);
    assertThat(t.options().durationColumn()).isEqualTo(Column.at(1));
    assertThat(t.options().durationUnitNanos()).isEqualTo(1000);
    assertThat(t.options().onBadRow()).isEqualTo(BadRowPolicy.SKIP);
    assertThat(t.offsetNanos()).isEqualTo(-2000 * MS);
    assertThat(t.offsetFirst()).isFalse();
    assertThat(t.fromNanos()).isEqualTo(1000 * MS);
    assertThat(t.toNanos()).isEqualTo(600_000 * MS);
  }

  @Test
  void defaults() throws ScenarioException {
    TrafficSpec.Trace t = trace("trace: {file: traces/a21.csv, format: azure-2021}");
    assertThat(t.options().function()).isNull();
    assertThat(t.options().useDurations()).isFalse();
    assertThat(t.options().onBadRow()).isEqualTo(BadRowPolicy.FAIL);
    assertThat(t.offsetNanos()).isZero();
    assertThat(t.toNanos()).isEqualTo(Long.MAX_VALUE);
    TrafficSpec.Trace first = trace("trace: {file: traces/a21.csv, format: azure-2021, offset: first, "
        + "function: a/f, useDurations: true}");
    assertThat(first.offsetFirst()).isTrue();
    assertThat(first.options().function()).isEqualTo("a/f");
    assertThat(first.options().useDurations()).isTrue();
  }

  @Test
  void azure2019AndCloudwatchOptions() throws IOException, ScenarioException {
    Files.writeString(dir.resolve("traces/cw.json"), "{\"Datapoints\": [{\"Timestamp\": 0, \"Sum\": 1}]}",
        StandardCharsets.UTF_8);
    TrafficSpec.Trace a = trace("trace: {file: traces/d01.csv, format: azure-2019, function: abc, day: 2, withinMinute: even}");
    assertThat(a.options().day()).isEqualTo(2);
    assertThat(a.options().within()).isEqualTo(WithinPeriod.EVEN);
    TrafficSpec.Trace c = trace("trace: {file: traces/cw.json, format: cloudwatch, period: 5m, withinPeriod: uniform}");
    assertThat(c.options().periodNanos()).isEqualTo(300_000 * MS);
    assertThat(c.options().within()).isEqualTo(WithinPeriod.UNIFORM);
  }

  @Test
  void fileOutsideTheFolder() throws IOException {
    Path outside = Files.createTempFile("outside", ".csv").toRealPath();
    try {
      assertThat(located(with("trace: {file: '" + outside + "', format: timestamps, unit: s}")))
          .containsExactly("x.yaml:7:23: functions[0].traffic[0].trace.file: '" + outside
              + "' resolves to " + outside + ", outside the scenario's folder " + dir.toRealPath()
              + "; pass --allow-path " + outside.getParent() + " to allow reading it");
    } finally {
      Files.delete(outside);
    }
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        rejected("a missing column is located in the trace file",
            with("trace: {file: traces/api.csv, format: timestamps, column: time, unit: ms}"),
            "traces/api.csv:1: functions[0].traffic[0].trace.file: the header has no column "
                + "'time' (option column; header: ts,dur)"),
        rejected("unit is required for timestamps",
            with("trace: {file: traces/api.csv, format: timestamps}"),
            "x.yaml:7:16: functions[0].traffic[0].trace.unit: required field 'unit' is missing "
                + "(the unit of the timestamps: ns, us, ms or s)"),
        rejected("an unknown format suggests one",
            with("trace: {file: traces/api.csv, format: azure-2012}"),
            "x.yaml:7:47: functions[0].traffic[0].trace.format: 'azure-2012' is not allowed "
                + "(did you mean 'azure-2019'?) (allowed timestamps | azure-2019 | azure-2021 | "
                + "cloudwatch)"),
        rejected("an option of another format",
            with("trace: {file: traces/a21.csv, format: azure-2021, unit: ms}"),
            "x.yaml:7:59: functions[0].traffic[0].trace.unit: unknown field 'unit'; allowed: "
                + "file, format, offset, from, to, onBadRow, function, useDurations"),
        rejected("no such file",
            with("trace: {file: traces/none.csv, format: timestamps, unit: s}"),
            "x.yaml:7:23: functions[0].traffic[0].trace.file: 'traces/none.csv' cannot be read "
                + "(no such file)"),
        rejected("a bad offset and onBadRow",
            with("trace: {file: traces/api.csv, format: timestamps, "
            + "unit: s, offset: -soon, onBadRow: ignore}"),
            "x.yaml:7:76: functions[0].traffic[0].trace.offset: '-soon' is not an offset; write "
                + "a duration, negative to cut the start (e.g. -1h), or 'first' to start the "
                + "trace at 0s",
            "x.yaml:7:93: functions[0].traffic[0].trace.onBadRow: 'ignore' is not allowed "
                + "(allowed fail | skip)"),
        rejected("a source that is not a mapping is one problem naming every format's fields, in "
            + "the formats' order", with("trace: 5"),
            "x.yaml:7:16: functions[0].traffic[0].trace: 5 is not allowed here; expected a mapping "
                + "with fields file, format, offset, from, to, onBadRow, column, unit, duration, "
                + "durationUnit, function, day, withinMinute, durations, useDurations, period, "
                + "withinPeriod"),
        rejected("a folder given as the trace file says so",
            with("trace: {file: traces, format: timestamps, unit: s}"),
            "x.yaml:7:23: functions[0].traffic[0].trace.file: 'traces' is a folder, not a file"),
        rejected("format is required", with("trace: {file: traces/api.csv}"),
            "x.yaml:7:16: functions[0].traffic[0].trace.format: required field 'format' is "
                + "missing (one of timestamps, azure-2019, azure-2021, cloudwatch)"),
        rejected("azure-2019 durations need a function",
            with("trace: {file: traces/d01.csv, format: azure-2019, durations: traces/p01.csv}"),
            "x.yaml:7:70: functions[0].traffic[0].trace.durations: durations need a function: "
                + "the percentiles are one function's (add function: <hash>)"),
        rejected("an azure-2019 durations file is checked like the trace", with("trace: {file: "
            + "traces/d01.csv, format: azure-2019, function: f, durations: traces/p01.csv}"),
            "traces/p01.csv:1: functions[0].traffic[0].trace.file: the header has no column "
                + "'HashOwner', which the azure-2019 durations format needs (header: x)"));
  }

  @Test
  void aFifoGivenAsTheTraceFileSaysSo() throws IOException, InterruptedException {
    Path fifo = dir.resolve("traces/pipe.csv");
    boolean made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
    Assumptions.assumeTrue(made, "mkfifo is not available here");
    assertThat(located(with("trace: {file: traces/pipe.csv, format: timestamps, unit: s}")))
        .containsExactly("x.yaml:7:23: functions[0].traffic[0].trace.file: 'traces/pipe.csv' is "
            + "not a regular file (a FIFO, device or socket); a trace must be a file");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void malformed(String yaml, List<String> expected) {
    assertThat(located(yaml)).containsExactlyElementsOf(expected);
  }
}
