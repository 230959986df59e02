package dev.lambdasim.scenario;

import dev.lambdasim.spec.FleetReplay;
import dev.lambdasim.spec.FunctionSpec;
import dev.lambdasim.spec.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  private Problem only(String fleet) {
    List<Problem> found = problems(fleet);
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static final String GOOD_TRACE = "  trace: {file: t.csv, format: azure-2021}\n";
  private static final String GOOD_TEMPLATE = "  template: {duration: {dist: constant, value: 10ms}}\n";

  @Test
  void aValidFleetLoads() throws Exception {
    assertThat(load(GOOD_TRACE + GOOD_TEMPLATE).functions()).hasSize(3);
  }

  @Test
  void aFunctionFieldInTheTraceIsRejectedAtItsKey() {
    Problem p = only("  trace: {file: t.csv, format: azure-2021, function: a/x}\n" + GOOD_TEMPLATE);
    assertThat(p.path()).isEqualTo("fleet.trace.function");
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.message()).contains("every function", "overrides");
  }

  @Test
  void aSingleFunctionFormatIsRejected() {
    Problem p = only("  trace: {file: t.csv, format: timestamps, unit: s}\n" + GOOD_TEMPLATE);
    assertThat(p.path()).isEqualTo("fleet.trace.format");
    assertThat(p.message()).contains("allowed azure-2019 | azure-2021");
  }

  @Test
  void nameAndTrafficAreNotTemplateFields() {
    List<Problem> found = problems(GOOD_TRACE
        + "  template: {name: api, traffic: [], duration: {dist: constant, value: 10ms}}\n");
    assertThat(found).extracting(Problem::path)
        .containsExactly("fleet.template.name", "fleet.template.traffic");
    assertThat(found.get(0).message()).contains("named after its trace id");
  }

  @Test
  void anUnknownTemplateFieldGetsADidYouMean() {
    Problem p = only(GOOD_TRACE + "  template:\n    duration: {dist: constant, value: 10ms}\n    memorySize: 512\n");
    assertThat(p.path()).isEqualTo("fleet.template.memorySize");
    assertThat(p.line()).isEqualTo(7);
    assertThat(p.column()).isEqualTo(5);
    assertThat(p.message()).contains("did you mean 'memoryMb'");
  }

  @Test
  void aBadTemplateValueIsReportedOnceAtTheTemplate() {
    Problem p = only(GOOD_TRACE + "  template:\n    duration: {dist: constant, value: 10ms}\n    memoryMb: 100\n");
    assertThat(p.path()).isEqualTo("fleet.template.memoryMb");
    assertThat(p.line()).isEqualTo(7);
    assertThat(p.message()).contains("below the minimum 128");
  }

  @Test
  void aMissingTemplateIsRequired() {
    Problem p = only(GOOD_TRACE);
    assertThat(p.path()).isEqualTo("fleet.template");
    assertThat(p.message()).contains("required field 'template'");
  }

  @Test
  void anOverrideThatMatchesNothingIsRejectedAtItsMatch() {
    Problem p = only(GOOD_TRACE + GOOD_TEMPLATE + "  overrides:\n    - {match: q/*, memoryMb: 1024}\n");
    assertThat(p.path()).isEqualTo("fleet.overrides[0].match");
    assertThat(p.line()).isEqualTo(7);
    assertThat(p.message()).contains("matches no function", "3 functions");
  }

  @Test
  void anOverrideNeedsAMatch() {
    Problem p = only(GOOD_TRACE + GOOD_TEMPLATE + "  overrides:\n    - {memoryMb: 1024}\n");
    assertThat(p.path()).isEqualTo("fleet.overrides[0].match");
  }

  @Test
  void aBadOverrideValueIsReportedAtTheOverride() {
    Problem p = only(GOOD_TRACE + GOOD_TEMPLATE + "  overrides:\n    - {match: a/x, timeout: 30}\n");
    assertThat(p.path()).isEqualTo("fleet.overrides[0].timeout");
    assertThat(p.line()).isEqualTo(7);
    assertThat(p.message()).contains("has no unit");
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
  void aNegativeTopNIsRejected() {
    Problem p = only(GOOD_TRACE + GOOD_TEMPLATE + "  topN: -1\n");
    assertThat(p.path()).isEqualTo("fleet.topN");
  }

  @Test
  void aBadRowStopsTheLoadLocatedInTheTrace() throws Exception {
    Files.writeString(dir.resolve("t.csv"), "app,func,end_timestamp,duration\na,x,1.5,0.5\nb,y,oops,0.5\n",
        StandardCharsets.UTF_8);
    Problem p = only(GOOD_TRACE + GOOD_TEMPLATE);
    assertThat(p.file()).endsWith("t.csv");
    assertThat(p.line()).isEqualTo(3);
    assertThat(p.message()).contains("end_timestamp 'oops'");
  }

  @Test
  void fleetClaimsMustLeaveTheUnreservedMinimum() {
    List<Problem> found = problems(GOOD_TRACE
        + "  template: {duration: {dist: constant, value: 10ms}, reservedConcurrency: 400}\n");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).path()).isEqualTo("fleet.template.reservedConcurrency");
    assertThat(found.get(0).message()).contains("claim 1200", "= 900");
  }

  @Test
  void withoutFunctionsOrAFleetTheErrorNamesBoth() {
    ScenarioException e = catchThrowableOfType(ScenarioException.class,
        () -> new ScenarioLoader().parse("x.yaml", "name: f\nduration: 1m\n", dir, List.of()));
    assertThat(e.problems()).extracting(Problem::message)
        .anyMatch(m -> m.contains("required field 'functions'") && m.contains("or a fleet"));
  }

  @Test
  void aFleetNameTakenByAWrittenFunctionIsRejected() throws Exception {
    String taken = load(GOOD_TRACE + GOOD_TEMPLATE).functions().get(0).name();
    String yaml = "name: f\nduration: 1m\nfunctions:\n  - name: " + taken
        + "\n    duration: {dist: constant, value: 10ms}\n    traffic: [{burst: {at: 1s, count: 1}}]\n"
        + "fleet:\n" + GOOD_TRACE + GOOD_TEMPLATE;
    ScenarioException e = catchThrowableOfType(ScenarioException.class,
        () -> new ScenarioLoader().parse("x.yaml", yaml, dir, List.of()));
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).path()).isEqualTo("fleet");
    assertThat(e.problems().get(0).message()).contains(taken, "'a/x'");
  }
}
