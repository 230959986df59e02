package dev.lambdasim.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdasim.output.RunFolder;
import dev.lambdasim.spec.FleetReplay;
import dev.lambdasim.spec.FunctionSpec;
import dev.lambdasim.spec.Scenario;
import dev.lambdasim.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code onBadRow: skip} in a fleet: the loading pass skips bad rows (a function whose only rows
 * are bad is not in the fleet), the run replays the good rows, and summary.json counts the
 * skipped rows once for the fleet, located.
 */
final class FleetBadRowsTest {

  @TempDir
  Path dir;

  private Scenario load(String yaml) throws Exception {
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return new ScenarioLoader().load(file);
  }

  private static Map<String, String> nameById(Scenario s) {
    Map<String, String> names = new LinkedHashMap<>();
    for (FunctionSpec f : s.functions()) {
      names.put(FleetReplay.originalIdOf(f), f.name());
    }
    return names;
  }

  private JsonNode summary(Scenario s) throws Exception {
    RunFolder.run(s, dir.resolve("out"), ProgressListener.none(), TimelineLimits.REPORT, (f, r) -> { });
    return new ObjectMapper().readTree(dir.resolve("out").resolve(s.name()).resolve("summary.json").toFile());
  }

  @Test
  void anAzure2021FleetSkipsMalformedAndOutOfOrderRowsAndCountsThem() throws Exception {
    Files.writeString(dir.resolve("t.csv"), "app,func,end_timestamp,duration\n"
        + "a,x,1.5,0.5\n"     // line 2: a/x starts at 1 s
        + "b,y,oops,0.5\n"    // line 3: malformed, b/y has no other row
        + "a,x,3.5,0.5\n"     // line 4: a/x at 3 s
        + "c,z,2.5,0.5\n"     // line 5: starts at 2 s, before 3 s: out of order
        + "c,z,4.5,0.5\n",    // line 6: c/z at 4 s
        StandardCharsets.UTF_8);
    Scenario s = load("""
        name: skip21
        duration: 1m
        fleet:
          trace: {file: t.csv, format: azure-2021, onBadRow: skip}
          template: {duration: {dist: constant, value: 10ms}}
        """);
    Map<String, String> names = nameById(s);
    assertThat(names.keySet()).containsExactly("a/x", "c/z");
    FleetReplay fleet = FleetReplay.of(s);
    assertThat(fleet.rowsSkipped()).isEqualTo(2);

    JsonNode json = summary(s);
    assertThat(json.at("/functions/" + names.get("a/x") + "/arrivals").asLong()).isEqualTo(2);
    assertThat(json.at("/functions/" + names.get("c/z") + "/arrivals").asLong()).isEqualTo(1);
    assertThat(json.at("/fleet/functions").asInt()).isEqualTo(2);
    assertThat(json.at("/fleet/traceRowsSkipped").asLong()).isEqualTo(2);
    assertThat(json.at("/fleet/traceRowsSkippedFirst")).hasSize(2);
    assertThat(json.at("/fleet/traceRowsSkippedFirst/0").asText())
        .contains("t.csv:3: ").contains("end_timestamp 'oops'");
    assertThat(json.at("/fleet/traceRowsSkippedFirst/1").asText())
        .contains("t.csv:5: ").contains("before the start 3 s on line 4");
  }

  @Test
  void anAzure2019FleetLeavesOutARowWithABadCount() throws Exception {
    StringBuilder text = new StringBuilder("HashOwner,HashApp,HashFunction,Trigger");
    for (int m = 1; m <= 1440; m++) {
      text.append(',').append(m);
    }
    text.append('\n');
    String[] keys = {"o,a1,f1,http", "o,a2,f2,http", "o,a3,f3,http"};
    for (int r = 0; r < keys.length; r++) {
      text.append(keys[r]);
      for (int m = 0; m < 1440; m++) {
        text.append(',').append(r == 1 && m == 7 ? "x" : m < 2 ? "1" : "0");
      }
      text.append('\n');
    }
    text.append("o,a4,f4\n"); // line 5: too few fields
    Files.writeString(dir.resolve("d01.csv"), text, StandardCharsets.UTF_8);
    Scenario s = load("""
        name: skip19
        duration: 10m
        fleet:
          trace: {file: d01.csv, format: azure-2019, withinMinute: even, onBadRow: skip}
          template: {duration: {dist: constant, value: 10ms}}
        """);
    Map<String, String> names = nameById(s);
    assertThat(names.keySet()).containsExactly("o/a1/f1", "o/a3/f3");
    JsonNode json = summary(s);
    assertThat(json.at("/functions/" + names.get("o/a1/f1") + "/arrivals").asLong()).isEqualTo(2);
    assertThat(json.at("/functions/" + names.get("o/a3/f3") + "/arrivals").asLong()).isEqualTo(2);
    assertThat(json.at("/fleet/traceRowsSkipped").asLong()).isEqualTo(2);
    assertThat(json.at("/fleet/traceRowsSkippedFirst/0").asText())
        .endsWith("/d01.csv:3: minute 8: 'x' is not a count (an integer >= 0)");
    assertThat(json.at("/fleet/traceRowsSkippedFirst/1").asText())
        .endsWith("/d01.csv:5: the row has 3 fields, the header 1444");
  }

  @Test
  void withoutSkipTheFleetKeyCountsNothing() throws Exception {
    Files.writeString(dir.resolve("t.csv"), "app,func,end_timestamp,duration\na,x,1.5,0.5\n",
        StandardCharsets.UTF_8);
    JsonNode json = summary(load("""
        name: noskip
        duration: 1m
        fleet:
          trace: {file: t.csv, format: azure-2021}
          template: {duration: {dist: constant, value: 10ms}}
        """));
    assertThat(json.at("/fleet/traceRowsSkipped").asLong()).isZero();
    assertThat(json.at("/fleet/traceRowsSkippedFirst")).isEmpty();
  }
}
