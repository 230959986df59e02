package dev.lambdasim.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdasim.output.FunctionsCsv;
import dev.lambdasim.output.RunFolder;
import dev.lambdasim.spec.FleetReplay;
import dev.lambdasim.spec.ConcurrencySpec;
import dev.lambdasim.spec.FunctionSpec;
import dev.lambdasim.spec.Scenario;
import dev.lambdasim.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet replays every function of a trace as its own function: the shipped example creates
 * one function per (app, func) pair of the Azure 2021 sample with exactly that pair's rows as
 * arrivals, names are stable and unique, overrides reach the functions they match, metrics.csv
 * lists the top N plus an *others* row that together add up to the account row, and
 * functions.csv has one row per function.
 */
final class FleetReplayTest {

  private static final Path EXAMPLE = Path.of("..", "scenarios", "fleet-azure2021.yaml");
  private static final Path SAMPLE = Path.of("..", "scenarios", "traces", "azure2021_first199.csv");
  private static final String BUSIEST = "734272c01926d19690e5ec308bab64ef97950b75b1c7582283e0783fce1751d8/"
      + "556ccf8758c8c2a20082c161e955405e950439f0503522fe129e709a5dc0e58f";
  private static final String APP = "85479ef37b5dc75dd5aeca3bab499129b97a134dac5d740d2c68941de9d63031";

  @TempDir
  Path dir;

  /** Returns the rows per app/func of the sample, counted independently of the readers. */
  private static Map<String, Long> rowsById() throws Exception {
    Map<String, Long> rows = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(SAMPLE, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      rows.merge(f[0] + "/" + f[1], 1L, Long::sum);
    }
    return rows;
  }

  private static Map<String, String> idByName(Scenario s) {
    Map<String, String> ids = new LinkedHashMap<>();
    for (FunctionSpec f : s.functions()) {
      ids.put(f.name(), FleetReplay.originalIdOf(f));
    }
    return ids;
  }

  @Test
  void theExampleCreatesOneFunctionPerTraceFunctionWithItsRowsAsArrivals() throws Exception {
    Scenario s = new ScenarioLoader().load(EXAMPLE);
    Map<String, Long> expected = rowsById();
    assertThat(expected).hasSize(31);
    assertThat(s.functions()).hasSize(31);
    RunResult r = Simulation.run(s);
    Map<String, Long> arrivals = new HashMap<>();
    long total = 0;
    for (FunctionSpec f : s.functions()) {
      long a = r.function(f.name()).arrivals();
      arrivals.put(FleetReplay.originalIdOf(f), a);
      total += a;
    }
    assertThat(arrivals).isEqualTo(expected);
    assertThat(total).isEqualTo(199);
    assertThat(r.conservation().balanced()).isTrue();
  }

  @Test
  void namesAreStableUniqueAndDerivedFromTheOriginalId() throws Exception {
    Map<String, String> first = idByName(new ScenarioLoader().load(EXAMPLE));
    Map<String, String> second = idByName(new ScenarioLoader().load(EXAMPLE));
    assertThat(second).isEqualTo(first);
    assertThat(new HashSet<>(first.values())).hasSize(31);
    for (Map.Entry<String, String> e : first.entrySet()) {
      assertThat(e.getKey()).isEqualTo("f-" + sha256(e.getValue()).substring(0, 8));
    }
    // Pinned: renaming would break every saved comparison of this example.
    assertThat(first).containsEntry("f-e54f09ae", BUSIEST);
  }

  @Test
  void overridesApplyToTheFunctionsTheyMatchOnly() throws Exception {
    Scenario s = new ScenarioLoader().load(EXAMPLE);
    int ofApp = 0;
    for (FunctionSpec f : s.functions()) {
      String id = FleetReplay.originalIdOf(f);
      boolean inApp = id.startsWith(APP + "/");
      ofApp += inApp ? 1 : 0;
      assertThat(f.code().memoryMb()).as(id).isEqualTo(inApp ? 1024 : 512);
      assertThat(f.code().timeoutNanos()).as("the template's timeout").isEqualTo(900_000_000_000L);
      assertThat(f.concurrency().reserved()).as(id)
          .isEqualTo(id.equals(BUSIEST) ? 10 : ConcurrencySpec.NO_RESERVED);
    }
    assertThat(ofApp).as("functions of the globbed app").isEqualTo(8);
  }

  @Test
  void listedRowsPlusOthersAddUpToTheAccountRowInEveryPeriod() throws Exception {
    Scenario s = new ScenarioLoader().load(EXAMPLE);
    Path folder = dir.resolve(s.name());
    RunResult r = RunFolder.run(s, dir, ProgressListener.none(), TimelineLimits.REPORT, (f, result) -> { });
    List<String> lines = Files.readAllLines(folder.resolve("metrics.csv"), StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split(","));
    int function = header.indexOf("function");
    Map<String, long[]> sums = new TreeMap<>();
    Map<String, long[]> account = new TreeMap<>();
    java.util.Set<String> listed = new HashSet<>();
    int othersRows = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      String name = cells[function];
      long[] counts = new long[3];
      for (int k = 0; k < 3; k++) {
        counts[k] = Long.parseLong(cells[header.indexOf(List.of("Invocations", "Throttles", "ColdStarts").get(k))]);
      }
      if (name.equals("*")) {
        account.put(cells[0], counts);
        continue;
      }
      if (name.equals("*others*")) {
        othersRows++;
      } else {
        listed.add(name);
      }
      long[] sum = sums.computeIfAbsent(cells[0], p -> new long[3]);
      for (int k = 0; k < 3; k++) {
        sum[k] += counts[k];
      }
    }
    assertThat(listed).as("topN: 5").hasSize(5);
    assertThat(othersRows).isEqualTo(account.size()).isEqualTo(30);
    assertThat(sums.keySet()).isEqualTo(account.keySet());
    for (String period : account.keySet()) {
      assertThat(sums.get(period)).as("period %s", period).isEqualTo(account.get(period));
    }
    long invocations = account.values().stream().mapToLong(c -> c[0]).sum();
    assertThat(invocations).isEqualTo(r.accountInvocations());
  }

  @Test
  void functionsCsvHasOneRowPerFunctionWithItsOriginalId() throws Exception {
    Scenario s = new ScenarioLoader().load(EXAMPLE);
    RunFolder.run(s, dir, ProgressListener.none(), TimelineLimits.REPORT, (f, result) -> { });
    Path folder = dir.resolve(s.name());
    List<String> lines = Files.readAllLines(folder.resolve("functions.csv"), StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo(FunctionsCsv.HEADER);
    assertThat(lines).hasSize(1 + 31);
    JsonNode functions = new ObjectMapper().readTree(folder.resolve("summary.json").toFile()).get("functions");
    assertThat(functions.size()).isEqualTo(31);
    Map<String, Long> expected = rowsById();
    long listed = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",", -1);
      assertThat(functions.get(c[0]).get("originalId").asText()).isEqualTo(c[1]);
      assertThat(Long.parseLong(c[2])).as(c[1]).isEqualTo(expected.get(c[1]));
      listed += c[12].equals("true") ? 1 : 0;
    }
    assertThat(listed).isEqualTo(5);
  }

  @Test
  void writtenFunctionsRunBesideTheFleetAndAreAlwaysListed() throws Exception {
    Files.writeString(dir.resolve("t.csv"), "app,func,end_timestamp,duration\n"
        + "a,x,1.5,0.5\nb,y,2.5,0.5\na,x,3.5,0.5\nc,z,4.5,0.5\n", StandardCharsets.UTF_8);
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, """
        name: mixed
        duration: 1m
        functions:
          - name: api
            duration: {dist: constant, value: 10ms}
            traffic: [{burst: {at: 1s, count: 3}}]
        fleet:
          trace: {file: t.csv, format: azure-2021}
          topN: 1
          template: {duration: {dist: constant, value: 10ms}}
        """, StandardCharsets.UTF_8);
    Scenario s = new ScenarioLoader().load(file);
    assertThat(s.functions()).hasSize(4);
    RunResult r = RunFolder.run(s, dir, ProgressListener.none(), TimelineLimits.REPORT, (f, result) -> { });
    Map<String, String> ids = idByName(s);
    assertThat(ids.get("api")).isNull();
    for (Map.Entry<String, String> e : ids.entrySet()) {
      long expected = e.getValue() == null ? 3 : e.getValue().equals("a/x") ? 2 : 1;
      assertThat(r.function(e.getKey()).arrivals()).as(e.getKey()).isEqualTo(expected);
    }
    List<String> rows = Files.readAllLines(dir.resolve("mixed/metrics.csv"), StandardCharsets.UTF_8);
    String ax = ids.entrySet().stream().filter(e -> "a/x".equals(e.getValue())).findFirst().orElseThrow().getKey();
    assertThat(rows.get(1)).startsWith("0,api,");
    assertThat(rows.get(2)).startsWith("0," + ax + ",2,");
    assertThat(rows.get(3)).startsWith("0,*others*,2,");
    assertThat(rows.get(4)).startsWith("0,*,7,");
  }

  @Test
  void anAzure2019FleetReplaysEachRowsCounts() throws Exception {
    StringBuilder header = new StringBuilder("HashOwner,HashApp,HashFunction,Trigger");
    for (int m = 1; m <= 1440; m++) {
      header.append(',').append(m);
    }
    StringBuilder text = new StringBuilder(header).append('\n');
    int[][] counts = {{3, 0, 1}, {0, 2, 0}};
    String[] keys = {"o1,a1,f1,http", "o1,a2,f1,timer"};
    for (int r = 0; r < 2; r++) {
      text.append(keys[r]);
      for (int m = 0; m < 1440; m++) {
        text.append(',').append(m < 3 ? counts[r][m] : 0);
      }
      text.append('\n');
    }
    Files.writeString(dir.resolve("d01.csv"), text, StandardCharsets.UTF_8);
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, """
        name: f19
        duration: 10m
        fleet:
          trace: {file: d01.csv, format: azure-2019, withinMinute: even}
          template: {duration: {dist: constant, value: 10ms}}
        """, StandardCharsets.UTF_8);
    Scenario s = new ScenarioLoader().load(file);
    Map<String, String> ids = idByName(s);
    assertThat(ids.values()).containsExactly("o1/a1/f1", "o1/a2/f1");
    RunResult r = Simulation.run(s);
    for (Map.Entry<String, String> e : ids.entrySet()) {
      assertThat(r.function(e.getKey()).arrivals()).as(e.getValue())
          .isEqualTo(e.getValue().equals("o1/a1/f1") ? 4 : 2);
    }
  }

  @Test
  void sameScenarioSameFunctionsCsv() throws Exception {
    Scenario s = new ScenarioLoader().load(EXAMPLE);
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    RunFolder.run(s, a, ProgressListener.none(), TimelineLimits.REPORT, (f, result) -> { });
    RunFolder.run(s, b, ProgressListener.none(), TimelineLimits.REPORT, (f, result) -> { });
    for (String name : List.of("functions.csv", "metrics.csv", "summary.json")) {
      assertThat(Files.readString(b.resolve(s.name()).resolve(name)))
          .as(name).isEqualTo(Files.readString(a.resolve(s.name()).resolve(name)));
    }
  }

  private static String sha256(String text) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    StringBuilder sb = new StringBuilder();
    for (byte x : digest) {
      sb.append(String.format(java.util.Locale.ROOT, "%02x", x));
    }
    return sb.toString();
  }
}
