package dev.lambdasim.scenario;

import dev.lambdasim.spec.FleetReplay;
import dev.lambdasim.spec.FunctionSpec;
import dev.lambdasim.spec.Scenario;

import static dev.lambdasim.scenario.Scenarios.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad fleet input is reported like any other scenario problem: file, line, column, the field
 * path and what is allowed; a problem in the shared template is reported once, not once per
 * fleet function.
 */
final class FleetLoaderTest {

  private static final String TRACE = "app,func,end_timestamp,duration\n"
      + "a,x,1.5,0.5\nb,y,2.5,0.5\na,x,3.5,0.5\nc,z,4.5,0.5\n";

  @TempDir
  Path dir;

  @BeforeEach
  void trace() throws Exception {
    Files.writeString(dir.resolve("t.csv"), TRACE, StandardCharsets.UTF_8);
  }

  private Scenario load(String fleet) throws ScenarioException {
    String yaml = "name: f\nduration: 1m\nfleet:\n" + fleet;
    Path file = dir.resolve("s.yaml");
    try {
      Files.writeString(file, yaml, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new ScenarioLoader().load(file);
  }

  private List<Problem> problems(String fleet) {
    ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> load(fleet));
    assertThat(e).as("expected the fleet to be rejected").isNotNull();
    return e.problems();
  }

  /** Returns the problems of a fleet that must fail to load, the scenario's folder written {dir}. */
  private List<String> located(String fleet) throws java.io.IOException {
    String real = dir.toRealPath().toString();
    return problems(fleet).stream()
        .map(p -> p.toString().replace(real, "{dir}").replace(dir.toString(), "{dir}")).toList();
  }

  private static final String GOOD_TRACE = "  trace: {file: t.csv, format: azure-2021}\n";
  private static final String GOOD_TEMPLATE = "  template: {duration: {dist: constant, value: 10ms}}\n";

  @Test
  void aValidFleetLoads() throws Exception {
    assertThat(load(GOOD_TRACE + GOOD_TEMPLATE).functions()).hasSize(3);
  }

  @Test
  void overridesMatchIdsNamesAndGlobsAndLaterOnesWin() throws Exception {
    Scenario s = load(GOOD_TRACE + GOOD_TEMPLATE + "  overrides:\n"
        + "    - {match: '?/*', memoryMb: 256}\n"
        + "    - {match: a/x, memoryMb: 1024}\n");
    for (FunctionSpec f : s.functions()) {
      assertThat(f.code().memoryMb()).isEqualTo(FleetReplay.originalIdOf(f).equals("a/x") ? 1024 : 256);
    }
    String nameOfB = s.functions().get(1).name();
    Scenario byName = load(GOOD_TRACE + GOOD_TEMPLATE + "  overrides:\n    - {match: " + nameOfB + ", memoryMb: 2048}\n");
    assertThat(byName.functions()).extracting(f -> f.code().memoryMb()).containsExactly(128, 2048, 128);
  }

  @Test
  void aBadRowStopsTheLoadLocatedInTheTrace() throws Exception {
    Files.writeString(dir.resolve("t.csv"), "app,func,end_timestamp,duration\na,x,1.5,0.5\nb,y,oops,0.5\n",
        StandardCharsets.UTF_8);
    assertThat(located(GOOD_TRACE + GOOD_TEMPLATE)).containsExactly(
        "{dir}/t.csv:3: fleet.trace.file: end_timestamp 'oops' is not a number of seconds >= 0");
  }

  @Test
  void withoutFunctionsOrAFleetTheErrorNamesBoth() {
    ScenarioException e = catchThrowableOfType(ScenarioException.class,
        () -> new ScenarioLoader().parse("x.yaml", "name: f\nduration: 1m\n", dir, List.of()));
    assertThat(e.problems()).extracting(Problem::toString).containsExactly("x.yaml:1:1: functions: "
        + "required field 'functions' is missing (a list of at least 1 function, or a fleet)");
  }

  @Test
  void aFleetNameTakenByAWrittenFunctionIsRejected() throws Exception {
    String taken = load(GOOD_TRACE + GOOD_TEMPLATE).functions().get(0).name();
    String yaml = "name: f\nduration: 1m\nfunctions:\n  - name: " + taken
        + "\n    duration: {dist: constant, value: 10ms}\n    traffic: [{burst: {at: 1s, count: 1}}]\n"
        + "fleet:\n" + GOOD_TRACE + GOOD_TEMPLATE;
    ScenarioException e = catchThrowableOfType(ScenarioException.class,
        () -> new ScenarioLoader().parse("x.yaml", yaml, dir, List.of()));
    assertThat(e.problems()).extracting(Problem::toString).containsExactly("x.yaml:8:3: fleet: "
        + "the fleet names trace function 'a/x' " + taken + ", which is also the name of a "
        + "function in functions (allowed: names unique; rename that function)");
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        rejected("a function field in the trace is rejected at its key",
            "  trace: {file: t.csv, format: azure-2021, function: a/x}\n" + GOOD_TEMPLATE,
            "{dir}/s.yaml:4:44: fleet.trace.function: a fleet replays every function of the "
                + "trace, so 'function' is not allowed here (give functions their own settings "
                + "with fleet.overrides, or write a function with a trace source in functions)"),
        rejected("a single-function format is rejected",
            "  trace: {file: t.csv, format: timestamps, unit: s}\n" + GOOD_TEMPLATE,
            "{dir}/s.yaml:4:32: fleet.trace.format: 'timestamps' traces hold one function; a "
                + "fleet needs a trace of many (allowed azure-2019 | azure-2021)"),
        rejected("name and traffic are not template fields", GOOD_TRACE
            + "  template: {name: api, traffic: [], duration: {dist: constant, value: 10ms}}\n",
            "{dir}/s.yaml:5:14: fleet.template.name: 'name' is not allowed in a fleet: each "
                + "function is named after its trace id, and its traffic is its rows of the "
                + "trace",
            "{dir}/s.yaml:5:25: fleet.template.traffic: 'traffic' is not allowed in a fleet: "
                + "each function is named after its trace id, and its traffic is its rows of "
                + "the trace"),
        rejected("an unknown template field gets a did-you-mean", GOOD_TRACE
            + "  template:\n    duration: {dist: constant, value: 10ms}\n    memorySize: 512\n",
            "{dir}/s.yaml:7:5: fleet.template.memorySize: unknown field 'memorySize' (did you "
                + "mean 'memoryMb'?); allowed: description, memoryMb, architecture, timeout, "
                + "duration, referenceMemoryMb, cpuBound, threads, init, errorRate, keepAlive, "
                + "maxLifetime, reuse, reservedConcurrency, provisionedConcurrency, invocation, "
                + "async, sqs, stream, retry"),
        rejected("a bad template value is reported once, at the template", GOOD_TRACE
            + "  template:\n    duration: {dist: constant, value: 10ms}\n    memoryMb: 100\n",
            "{dir}/s.yaml:7:15: fleet.template.memoryMb: 100 is below the minimum 128 (allowed "
                + "128..10240)"),
        rejected("a missing template is required", GOOD_TRACE,
            "{dir}/s.yaml:4:3: fleet.template: required field 'template' is missing (the "
                + "function fields every fleet function starts from, e.g. {memoryMb: 512, "
                + "duration: {dist: lognormal, median: 80ms, p99: 400ms}})"),
        rejected("an override that matches nothing is rejected at its match",
            GOOD_TRACE + GOOD_TEMPLATE + "  overrides:\n    - {match: q/*, memoryMb: 1024}\n",
            "{dir}/s.yaml:7:15: fleet.overrides[0].match: 'q/*' matches no function of the "
                + "trace (3 functions, e.g. 'a/x' named f-1653a068; match an original id, a "
                + "fleet name, or a glob with * and ?)"),
        rejected("an override needs a match",
            GOOD_TRACE + GOOD_TEMPLATE + "  overrides:\n    - {memoryMb: 1024}\n",
            "{dir}/s.yaml:7:7: fleet.overrides[0].match: required field 'match' is missing (an "
                + "original id such as app/func, a fleet name such as f-1a2b3c4d, or a glob "
                + "with * and ?)"),
        rejected("a bad override value is reported at the override",
            GOOD_TRACE + GOOD_TEMPLATE + "  overrides:\n    - {match: a/x, timeout: 30}\n",
            "{dir}/s.yaml:7:29: fleet.overrides[0].timeout: 30 has no unit; a duration needs "
                + "one of ns, us, ms, s, m, h, d (e.g. '30s')"),
        rejected("a trace that is not a mapping is one problem", "  trace: t.csv\n" + GOOD_TEMPLATE,
            "{dir}/s.yaml:4:10: fleet.trace: 't.csv' is not allowed here; expected a mapping with "
                + "fields file, format, offset, from, to, onBadRow, column, unit, duration, "
                + "durationUnit, function, day, withinMinute, durations, useDurations, period, "
                + "withinPeriod"),
        rejected("a negative topN", GOOD_TRACE + GOOD_TEMPLATE + "  topN: -1\n",
            "{dir}/s.yaml:6:9: fleet.topN: -1 is below the minimum 0 (allowed 0..1000000)"),
        rejected("fleet claims must leave the unreserved minimum", GOOD_TRACE
            + "  template: {duration: {dist: constant, value: 10ms}, reservedConcurrency: 400}\n",
            "{dir}/s.yaml:5:76: fleet.template.reservedConcurrency: the fleet's functions up to "
                + "f-ca96027c (3 of 3) claim 1200 concurrency, 1200 with those in functions; "
                + "more than concurrencyLimit 1000 - unreservedMinimum 100 = 900 (allowed: "
                + "total <= 900)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void malformed(String fleet, List<String> expected) throws Exception {
    assertThat(located(fleet)).containsExactlyElementsOf(expected);
  }
}
