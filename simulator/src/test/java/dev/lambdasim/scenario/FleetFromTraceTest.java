package dev.lambdasim.scenario;

import dev.lambdasim.spec.DistributionSpec;
import dev.lambdasim.spec.FleetReplay;
import dev.lambdasim.spec.FunctionSpec;
import dev.lambdasim.spec.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An azure-2019 fleet whose template says {@code from: trace}: each function gets its own
 * duration percentiles and its app's memory (rounded up, 128..10240), a missing row is a
 * located error unless the field gives a default, and misuse is reported at the field.
 */
final class FleetFromTraceTest {

  private static final String DURATIONS_HEADER = "HashOwner,HashApp,HashFunction,Average,Count,Minimum,Maximum,"
      + "percentile_Average_0,percentile_Average_1,percentile_Average_25,percentile_Average_50,"
      + "percentile_Average_75,percentile_Average_99,percentile_Average_100\n";
  private static final String MEMORY_HEADER = "HashOwner,HashApp,SampleCount,AverageAllocatedMb,"
      + "AverageAllocatedMb_pct1,AverageAllocatedMb_pct5,AverageAllocatedMb_pct25,AverageAllocatedMb_pct50,"
      + "AverageAllocatedMb_pct75,AverageAllocatedMb_pct95,AverageAllocatedMb_pct99,AverageAllocatedMb_pct100\n";

  @TempDir
  Path dir;

  @BeforeEach
  void files() throws Exception {
    StringBuilder text = new StringBuilder("HashOwner,HashApp,HashFunction,Trigger");
    for (int m = 1; m <= 1440; m++) {
      text.append(',').append(m);
    }
    text.append('\n');
    for (String key : List.of("o,a1,f1,http", "o,a1,f2,http", "o,a2,f3,timer")) {
      text.append(key);
      for (int m = 0; m < 1440; m++) {
        text.append(',').append(m == 0 ? 1 : 0);
      }
      text.append('\n');
    }
    write("d01.csv", text.toString());
    write("dur.csv", DURATIONS_HEADER
        + "o,a1,f1,50,10,1,900,1,2,10,20,40,300,900\n"
        + "o,zz,f9,1,1,1,1,1,1,1,1,1,1,1\n"
        + "o,a1,f2,5,10,1,9,1,1,2,3,4,8,9\n"
        + "o,a2,f3,5,10,1,9,0.5,1,2,3,4,8,9\n");
    write("mem.csv", MEMORY_HEADER
        + "o,a1,100,150.2,100,101,120,140,160,170,180.3,200\n"
        + "o,a2,100,60,10,20,30,40,50,55,58,70000\n");
  }

  private void write(String name, String text) throws Exception {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private Scenario load(String fleet) throws ScenarioException {
    Path file = dir.resolve("s.yaml");
    try {
      Files.writeString(file, "name: f\nduration: 10m\nfleet:\n" + fleet, StandardCharsets.UTF_8);
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

  private static Map<String, FunctionSpec> byId(Scenario s) {
    Map<String, FunctionSpec> out = new LinkedHashMap<>();
    s.functions().forEach(f -> out.put(FleetReplay.originalIdOf(f), f));
    return out;
  }

  private static final String TRACE = "  trace: {file: d01.csv, format: azure-2019, durations: dur.csv, memory: mem.csv}\n";

  @Test
  void eachFunctionGetsItsPercentilesAndItsAppsMemory() throws Exception {
    Map<String, FunctionSpec> f = byId(load(TRACE
        + "  template: {memoryMb: {from: trace}, duration: {from: trace}}\n"));
    assertThat(f.keySet()).containsExactly("o/a1/f1", "o/a1/f2", "o/a2/f3");
    DistributionSpec.Percentiles p = (DistributionSpec.Percentiles) f.get("o/a1/f1").code().duration();
    assertThat(p.probabilities()).containsExactly(0.0, 0.01, 0.25, 0.5, 0.75, 0.99, 1.0);
    assertThat(p.valuesNanos()).containsExactly(1e6, 2e6, 10e6, 20e6, 40e6, 300e6, 900e6);
    assertThat(((DistributionSpec.Percentiles) f.get("o/a2/f3").code().duration()).valuesNanos().get(0)).isEqualTo(0.5e6);
    // p99 (the default statistic) 180.3 MB rounds up to 181; both functions of app a1 get it.
    assertThat(f.get("o/a1/f1").code().memoryMb()).isEqualTo(181);
    assertThat(f.get("o/a1/f2").code().memoryMb()).isEqualTo(181);
    assertThat(f.get("o/a1/f1").code().referenceMemoryMb()).isEqualTo(181);
    // 58 MB is below Lambda's minimum: 128.
    assertThat(f.get("o/a2/f3").code().memoryMb()).isEqualTo(128);
  }

  @Test
  void theStatisticIsChosenAndLargeAppsAreCappedAt10240() throws Exception {
    Map<String, FunctionSpec> f = byId(load(
        "  trace: {file: d01.csv, format: azure-2019, memory: mem.csv, memoryStatistic: p100}\n"
        + "  template: {memoryMb: {from: trace}, referenceMemoryMb: 1024, duration: {dist: constant, value: 5ms}}\n"));
    assertThat(f.get("o/a1/f1").code().memoryMb()).isEqualTo(200);
    assertThat(f.get("o/a2/f3").code().memoryMb()).isEqualTo(10240);
    assertThat(f.get("o/a1/f1").code().referenceMemoryMb()).isEqualTo(1024);
    assertThat(f.get("o/a1/f1").code().duration()).isEqualTo(new DistributionSpec.Constant(5e6));
    Map<String, FunctionSpec> avg = byId(load(
        "  trace: {file: d01.csv, format: azure-2019, memory: mem.csv, memoryStatistic: average}\n"
        + "  template: {memoryMb: {from: trace}, duration: {dist: constant, value: 5ms}}\n"));
    assertThat(avg.get("o/a1/f1").code().memoryMb()).isEqualTo(151);
  }

  @Test
  void anOverrideWinsOverTheTemplatesFromTrace() throws Exception {
    Map<String, FunctionSpec> f = byId(load(TRACE
        + "  template: {memoryMb: {from: trace}, duration: {from: trace}}\n"
        + "  overrides:\n    - {match: o/a2/*, memoryMb: 2048}\n"));
    assertThat(f.get("o/a2/f3").code().memoryMb()).isEqualTo(2048);
    assertThat(f.get("o/a2/f3").code().duration()).isInstanceOf(DistributionSpec.Percentiles.class);
    assertThat(f.get("o/a1/f1").code().memoryMb()).isEqualTo(181);
  }

  @Test
  void aMissingRowIsALocatedErrorUnlessTheFieldGivesADefault() throws Exception {
    write("dur.csv", DURATIONS_HEADER + "o,a1,f1,50,10,1,900,1,2,10,20,40,300,900\n");
    write("mem.csv", MEMORY_HEADER + "o,a2,100,60,10,20,30,40,50,55,58,70\n");
    List<Problem> found = problems(TRACE + "  template: {memoryMb: {from: trace}, duration: {from: trace}}\n");
    assertThat(found).hasSize(2);
    assertThat(found.get(0).file()).endsWith("dur.csv");
    assertThat(found.get(0).path()).isEqualTo("fleet.trace.durations");
    assertThat(found.get(0).message()).contains("no row for 2 fleet functions", "o/a1/f2", "o/a2/f3", "default");
    assertThat(found.get(1).file()).endsWith("mem.csv");
    assertThat(found.get(1).path()).isEqualTo("fleet.trace.memory");
    assertThat(found.get(1).message()).contains("no row for 1 app", "o/a1", "default: 512");

    Scenario s = load(TRACE + "  template:\n    memoryMb: {from: trace, default: 512}\n"
        + "    duration: {from: trace, default: {dist: constant, value: 7ms}}\n");
    Map<String, FunctionSpec> f = byId(s);
    assertThat(f.get("o/a1/f1").code().duration()).isInstanceOf(DistributionSpec.Percentiles.class);
    assertThat(f.get("o/a1/f2").code().duration()).isEqualTo(new DistributionSpec.Constant(7e6));
    assertThat(f.get("o/a1/f1").code().memoryMb()).isEqualTo(512);
    assertThat(f.get("o/a2/f3").code().memoryMb()).isEqualTo(128);
    assertThat(FleetReplay.of(s).durationDefaults()).isEqualTo(2);
    assertThat(FleetReplay.of(s).memoryDefaults()).isEqualTo(2);
  }

  @Test
  void aMalformedWantedRowIsLocatedAndOtherRowsAreNotRead() {
    try {
      write("mem.csv", MEMORY_HEADER + "o,a1,100,150,100,101,120,140,160,170,lots,200\n"
          + "o,zz,broken\n");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    List<Problem> found = problems(TRACE + "  template: {memoryMb: {from: trace}, duration: {from: trace}}\n");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).file()).endsWith("mem.csv");
    assertThat(found.get(0).line()).isEqualTo(2);
    assertThat(found.get(0).message()).isEqualTo("AverageAllocatedMb_pct99 'lots' is not a number of MB >= 0");
  }

  @Test
  void misuseIsReportedAtTheField() {
    Problem noFile = problems("  trace: {file: d01.csv, format: azure-2019}\n"
        + "  template: {memoryMb: {from: trace}, duration: {dist: constant, value: 5ms}}\n").get(0);
    assertThat(noFile.path()).isEqualTo("fleet.template.memoryMb.from");
    assertThat(noFile.line()).isEqualTo(5);
    assertThat(noFile.message()).contains("add memory:");

    Problem word = problems(TRACE + "  template: {memoryMb: {from: file}, duration: {from: trace}}\n").get(0);
    assertThat(word.path()).isEqualTo("fleet.template.memoryMb.from");
    assertThat(word.message()).contains("allowed: trace");

    Problem unused = problems(TRACE + "  template: {memoryMb: {from: trace}, duration: {dist: constant, value: 5ms}}\n").get(0);
    assertThat(unused.path()).isEqualTo("fleet.trace.durations");
    assertThat(unused.message()).contains("read only for duration: {from: trace}");

    Files.exists(dir);
    Problem notAzure19 = problems("  trace: {file: d01.csv, format: azure-2021, memory: mem.csv}\n"
        + "  template: {duration: {dist: constant, value: 5ms}}\n").get(0);
    assertThat(notAzure19.path()).isEqualTo("fleet.trace.memory");
    assertThat(notAzure19.message()).contains("azure-2019 option");

    Problem statistic = problems("  trace: {file: d01.csv, format: azure-2019, memory: mem.csv, memoryStatistic: p90}\n"
        + "  template: {memoryMb: {from: trace}, duration: {dist: constant, value: 5ms}}\n").get(0);
    assertThat(statistic.path()).isEqualTo("fleet.trace.memoryStatistic");
  }
}
