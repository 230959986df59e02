package dev.lambdasim.scenario;

import static dev.lambdasim.scenario.Scenarios.MINIMAL;
import static dev.lambdasim.scenario.Scenarios.located;
import static dev.lambdasim.scenario.Scenarios.parse;
import static dev.lambdasim.scenario.Scenarios.rejected;
import static dev.lambdasim.scenario.Scenarios.withFunctionLines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lambdasim.spec.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parsing layer speaks in the user's terms and within its documented limits: real bounds
 * instead of Java's, units that fit the field, echoed values cut short, and every limit crossed
 * (file size, string length, nesting, alias expansion) or undecodable byte reported where it is.
 */
final class ParsingLimitsTest {

  @TempDir
  Path dir;

  static Stream<Arguments> refused() {
    return Stream.of(
        rejected("a seed beyond a long names a long's bounds", MINIMAL + "seed: 99999999999999999999\n",
            "x.yaml:8:7: seed: 99999999999999999999 is above the maximum 9223372036854775807 "
                + "(allowed -9223372036854775808..9223372036854775807)"),
        rejected("an integer without a maximum of its own names a long's when crossed",
            MINIMAL + "pricing: {freeTierRequests: 10000000000000000000}\n",
            "x.yaml:8:29: pricing.freeTierRequests: 10000000000000000000 is above the maximum "
                + "9223372036854775807 (allowed at least 0)"),
        rejected("a duration without a maximum of its own names the longest one",
            MINIMAL + "warmup: 1000000000d\n",
            "x.yaml:8:9: warmup: '1000000000d' is too long for the simulator's clock (allowed 0s..106751d)"),
        rejected("a handler duration without a unit suggests milliseconds", MINIMAL.replace(
            "{dist: constant, value: 10ms}", "{dist: lognormal, median: 80, p99: 400ms}"),
            "x.yaml:5:41: functions[0].duration.median: 80 has no unit; a duration needs one of "
                + "ns, us, ms, s, m, h, d (e.g. '80ms')"),
        rejected("a lifetime without a unit suggests minutes", withFunctionLines("maxLifetime: 90"),
            "x.yaml:8:18: functions[0].maxLifetime: 90 has no unit; a duration needs one of ns, "
                + "us, ms, s, m, h, d (e.g. '90m')"),
        rejected("a horizon without a unit suggests hours", MINIMAL.replace("duration: 1h", "duration: 2"),
            "x.yaml:2:11: duration: 2 has no unit; a duration needs one of ns, us, ms, s, m, h, d "
                + "(e.g. '2h')"),
        rejected("a retry delay without a unit suggests milliseconds",
            withFunctionLines("retry: {maxAttempts: 3, baseDelay: 100}"),
            "x.yaml:8:40: functions[0].retry.baseDelay: 100 has no unit; a duration needs one of "
                + "ns, us, ms, s, m, h, d (e.g. '100ms')"),
        rejected("a long value is echoed cut to 80 characters, with its length",
            withFunctionLines("architecture: " + "x".repeat(20_000)),
            "x.yaml:8:19: functions[0].architecture: '" + "x".repeat(80) + "…' (20,000 "
                + "characters) is not allowed (allowed x86_64 | arm64)"),
        rejected("a long number is echoed cut too", withFunctionLines("memoryMb: 1" + "0".repeat(400)),
            "x.yaml:8:15: functions[0].memoryMb: 1" + "0".repeat(79) + "… (401 characters) is "
                + "above the maximum 10240 (allowed 128..10240)"),
        rejected("a long unknown key is cut in the path and in the message", MINIMAL + "k".repeat(200) + ": 1\n",
            "x.yaml:8:1: " + "k".repeat(160) + "…: unknown field '" + "k".repeat(80) + "…' (200 "
                + "characters); allowed: name, description, seed, duration, warmup, metricsPeriod, "
                + "account, pricing, functions, fleet"),
        rejected("a string longer than 64 KiB is refused while reading",
            MINIMAL + "description: " + "x".repeat(70_000) + "\n",
            "x.yaml:8:14: a string of 70,000 characters is longer than the maximum of 65,536"),
        rejected("a key longer than 64 KiB is refused while reading",
            MINIMAL + "? k" + "x".repeat(70_000) + "\n: 1\n",
            "x.yaml:8:3: a string of 70,001 characters is longer than the maximum of 65,536"),
        rejected("nesting deeper than 1,000 levels is located where the limit is crossed",
            MINIMAL + "deep: " + "[".repeat(1_001) + "]".repeat(1_001) + "\n",
            "x.yaml:8:1006: mappings and lists are nested deeper than 1,000 levels (the maximum)"),
        rejected("an alias without an anchor", MINIMAL.replace("{dist: constant, value: 10ms}", "*d"),
            "x.yaml:5:15: unknown alias '*d' (an alias names an anchor '&d' written before it)"),
        rejected("an alias bomb is refused where the budget runs out", MINIMAL + String.join("\n",
            "laughs:",
            "  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]",
            "  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]",
            "  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
            "  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]",
            "  e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]",
            "  f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]", ""),
            "x.yaml:12:38: aliases expand to more than 10,000 values in total (the maximum) at "
                + "'*c'; write the values out, or use fewer aliases of large values"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void refused(String yaml, List<String> expected) {
    assertThat(located(yaml)).containsExactlyElementsOf(expected);
  }

  @Test
  void aliasesAreExpandedAndEachCopyStandsAlone() throws ScenarioException {
    String yaml = String.join("\n",
        "name: t",
        "duration: 1h",
        "functions:",
        "  - name: api",
        "    duration: &d {dist: constant, value: 10ms}",
        "    traffic: &t [{poisson: {rate: 1/s}}]",
        "  - name: worker",
        "    duration: *d",
        "    traffic: *t", "");
    Scenario scenario = parse(yaml, "functions[worker].duration.value=20ms");
    assertThat(scenario.functions()).hasSize(2);
    assertThat(scenario.functions().get(0).code().duration().toString()).contains("1.0E7");
    assertThat(scenario.functions().get(1).code().duration().toString()).contains("2.0E7");
    assertThat(scenario.functions().get(1).traffic()).isEqualTo(scenario.functions().get(0).traffic());
  }

  @Test
  void aJsonScenarioWithAByteOrderMarkIsAccepted() throws Exception {
    String json = "{\"name\": \"t\", \"duration\": \"1h\", \"functions\": [{\"name\": \"api\", "
        + "\"duration\": {\"dist\": \"constant\", \"value\": \"10ms\"}, "
        + "\"traffic\": [{\"poisson\": {\"rate\": \"1/s\"}}]}]}";
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    Path jsonFile = write("bom.json", concat(bom, json.getBytes(StandardCharsets.UTF_8)));
    Path yamlFile = write("bom.yaml", concat(bom, MINIMAL.getBytes(StandardCharsets.UTF_8)));
    assertThat(new ScenarioLoader().load(jsonFile).name()).isEqualTo("t");
    assertThat(new ScenarioLoader().load(yamlFile).name()).isEqualTo("t");
    assertThat(new ScenarioLoader().parse("x.json", "\uFEFF" + json, dir, List.of()).name()).isEqualTo("t");
  }

  @Test
  void theFirstByteThatIsNotUtf8IsLocated() throws IOException {
    byte[] text = "name: t\nduration: 1h\ndescription: \"é".getBytes(StandardCharsets.UTF_8);
    Path file = write("bad.yaml", concat(text, new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, '"', '\n'}));
    assertThat(loadProblems(file)).containsExactly(file + ":3:16: not valid UTF-8 text (byte 0xC3 at "
        + "offset 37); save the file as UTF-8");
  }

  @Test
  void aFileAbove4MiBIsRefusedBeforeParsing() throws IOException {
    byte[] big = new byte[InputLimits.MAX_FILE_BYTES + 10];
    Arrays.fill(big, (byte) '#');
    for (int i = 99; i < big.length; i += 100) {
      big[i] = '\n';
    }
    Path file = write("big.yaml", big);
    assertThat(loadProblems(file)).containsExactly(file + ":41944:5: the file is larger than the "
        + "maximum of 4 MiB (4,194,304 bytes) for a scenario; keep large data in trace or data files");
  }

  @Test
  void anOverrideIndexBeyondAnIntIsNoItem() {
    assertThat(located(MINIMAL, "functions[10000000000].memoryMb=256")).containsExactly(
        "<set>: functions[10000000000]: no item 10000000000 in a list of 1 (allowed 0..0)");
  }

  private List<String> loadProblems(Path file) {
    ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> new ScenarioLoader().load(file));
    assertThat(e).as("expected %s to be rejected", file).isNotNull();
    return e.problems().stream().map(Problem::toString).toList();
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return file;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
