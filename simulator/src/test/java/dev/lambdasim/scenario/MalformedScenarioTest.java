package dev.lambdasim.scenario;

import static dev.lambdasim.scenario.Scenarios.MINIMAL;
import static dev.lambdasim.scenario.Scenarios.located;
import static dev.lambdasim.scenario.Scenarios.rejected;
import static dev.lambdasim.scenario.Scenarios.withFunctionLines;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each malformed scenario is rejected with problems that name the field path, the line and
 * column of the bad value (or of the parent mapping when a field is missing), the bad value
 * and what is allowed; every problem is reported, not just the first.
 */
final class MalformedScenarioTest {

  static Stream<Arguments> malformed() {
    return Stream.of(
        rejected("memory below the minimum, in the one-line form the docs show",
            withFunctionLines("memoryMb: 100"),
            "x.yaml:8:15: functions[0].memoryMb: 100 is below the minimum 128 (allowed "
                + "128..10240)"),
        rejected("a duration without a unit", withFunctionLines("timeout: 30"),
            "x.yaml:8:14: functions[0].timeout: 30 has no unit; a duration needs one of ns, us, "
                + "ms, s, m, h, d (e.g. '30s')"),
        rejected("a timeout above the maximum", withFunctionLines("timeout: 1000s"),
            "x.yaml:8:14: functions[0].timeout: '1000s' is above the maximum 900s (allowed "
                + "1s..900s)"),
        rejected("a rate without a unit", MINIMAL.replace("{rate: 1/s}", "{rate: 5}"),
            "x.yaml:7:25: functions[0].traffic[0].poisson.rate: 5 has no unit; a rate needs one "
                + "of /s, /min, /h, /d (e.g. '5/s')"),
        rejected("an unknown unit", withFunctionLines("maxLifetime: 2hours"),
            "x.yaml:8:18: functions[0].maxLifetime: '2hours' is not a duration; write "
                + "<number><unit> with unit ns, us, ms, s, m, h, d (e.g. '250ms')"),
        rejected("maxLifetime below the minimum", withFunctionLines("maxLifetime: 30s"),
            "x.yaml:8:18: functions[0].maxLifetime: '30s' is below the minimum 1m (allowed at "
                + "least 1m)"),
        rejected("an architecture that is not an option", withFunctionLines("architecture: x86"),
            "x.yaml:8:19: functions[0].architecture: 'x86' is not allowed (did you mean "
                + "'x86_64'?) (allowed x86_64 | arm64)"),
        rejected("a reuse policy that is not an option", withFunctionLines("reuse: newest"),
            "x.yaml:8:12: functions[0].reuse: 'newest' is not allowed (allowed most-recent | "
                + "least-recent | random)"),
        rejected("cpuBound above 1", withFunctionLines("cpuBound: 1.5"),
            "x.yaml:8:15: functions[0].cpuBound: 1.5 is above the maximum 1 (allowed 0..1)"),
        rejected("a negative errorRate", withFunctionLines("errorRate: -0.1"),
            "x.yaml:8:16: functions[0].errorRate: -0.1 is below the minimum 0 (allowed 0..1)"),
        rejected("threads not an integer", withFunctionLines("threads: 2.5"),
            "x.yaml:8:14: functions[0].threads: 2.5 is not an integer (allowed 1..64)"),
        rejected("a missing function duration points at the function",
            MINIMAL.replace("    duration: {dist: constant, value: 10ms}\n", ""),
            "x.yaml:4:5: functions[0].duration: required field 'duration' is missing (a "
                + "distribution, e.g. {dist: lognormal, median: 80ms, p99: 400ms})"),
        rejected("a missing name points at the top level", MINIMAL.replace("name: t\n", ""),
            "x.yaml:1:1: name: required field 'name' is missing (matching [a-z0-9._-]+; it "
                + "names the output folder)"),
        rejected("a scenario name with capitals and spaces",
            MINIMAL.replace("name: t", "name: Cold Start"),
            "x.yaml:1:7: name: 'Cold Start' is not a valid scenario name (allowed: one or more "
                + "of a-z 0-9 . _ -, with at least one letter or digit, since it names the "
                + "output folder)"),
        rejected("a lognormal p99 not above its median", MINIMAL.replace(
            "{dist: constant, value: 10ms}", "{dist: lognormal, median: 80ms, p99: 40ms}"),
            "x.yaml:5:52: functions[0].duration.p99: '40ms' is not above the median '80ms' "
                + "(allowed: p99 > median)"),
        rejected("a wrong parameter of a distribution names the allowed ones", MINIMAL.replace(
            "{dist: constant, value: 10ms}", "{dist: uniform, min: 1ms, maximum: 2ms}"),
            "x.yaml:5:41: functions[0].duration.maximum: unknown field 'maximum' (did you mean "
                + "'max'?); allowed: dist, min, max"),
        rejected("an unknown distribution", MINIMAL.replace("dist: constant", "dist: lognorm"),
            "x.yaml:5:22: functions[0].duration.dist: 'lognorm' is not allowed (did you mean "
                + "'lognormal'?) (allowed constant | exponential | uniform | normal | lognormal "
                + "| gamma | weibull | percentiles | empirical)"),
        rejected("a uniform min above its max", MINIMAL.replace(
            "{dist: constant, value: 10ms}", "{dist: uniform, min: 3ms, max: 2ms}"),
            "x.yaml:5:46: functions[0].duration.max: '2ms' is below min '3ms' (allowed: max >= "
                + "min)"),
        rejected("percentiles without p100 point at the distribution", MINIMAL.replace(
            "{dist: constant, value: 10ms}", "{dist: percentiles, p0: 1ms, p50: 5ms}"),
            "x.yaml:5:15: functions[0].duration.p100: required field 'p100' is missing "
                + "(percentiles needs p0 and p100, and any of p<number> between)"),
        rejected("decreasing percentiles", MINIMAL.replace("{dist: constant, value: 10ms}",
            "{dist: percentiles, p0: 1ms, p50: 5ms, p99: 4ms, p100: 9ms}"),
            "x.yaml:5:59: functions[0].duration.p99: '4ms' is below p50 '5ms' (allowed: values "
                + "non-decreasing with p)"),
        rejected("a scaling field of another model",
            MINIMAL + "account:\n  scaling: {model: unlimited, bucketSize: 5}\n",
            "x.yaml:9:31: account.scaling.bucketSize: 'bucketSize' belongs to model "
                + "per-function, not unlimited (its fields: none)"),
        rejected("unreservedMinimum above the limit",
            MINIMAL + "account: {concurrencyLimit: 50, unreservedMinimum: 60}\n",
            "x.yaml:8:52: account.unreservedMinimum: 60 is above the maximum 50 (allowed 0..50)"),
        rejected("prices and tiers of different lengths",
            MINIMAL + "pricing:\n  arm64: {gbSecondUsd: [0.1, 0.2]}\n",
            "x.yaml:9:24: pricing.arm64.gbSecondUsd: gbSecondUsd has 2 entries and "
                + "tierGbSeconds 2 (allowed: exactly one more price than tier bounds)"),
        rejected("a traffic item with two kinds", MINIMAL.replace("- poisson: {rate: 1/s}",
            "- {poisson: {rate: 1/s}, burst: {at: 1m, count: 2}}"),
            "x.yaml:7:9: functions[0].traffic[0]: a mapping with 2 keys is not a traffic "
                + "source; write a mapping with exactly one key, the kind (poisson, constant, "
                + "burst, ramp, spike, diurnal, periodic, mmpp, trace), e.g. {poisson: {rate: "
                + "20/s}}"),
        rejected("an empty traffic list",
            MINIMAL.replace("    traffic:\n      - poisson: {rate: 1/s}\n", "    traffic: []\n"),
            "x.yaml:6:14: functions[0].traffic: the list is empty and no function sends its "
                + "events here (allowed: at least 1 traffic source, or name this function in "
                + "another's async onSuccess/onFailure)"),
        rejected("a seed that is not an integer", MINIMAL + "seed: abc\n",
            "x.yaml:8:7: seed: 'abc' is not an integer (allowed -9223372036854775808.."
                + "9223372036854775807)"),
        rejected("a duplicate key in a mapping",
            withFunctionLines("memoryMb: 256", "memoryMb: 512"),
            "x.yaml:9:5: memoryMb: duplicate key 'memoryMb' (first written at line 8)"),
        rejected("a YAML syntax error is located, without echoing the source",
            "name: t\nduration: 1h\n  bad: : x\n",
            "x.yaml:3:6: syntax error: mapping values are not allowed here"),
        rejected("an integer field given a duration",
            MINIMAL + "account: {concurrencyLimit: 10s}\n",
            "x.yaml:8:29: account.concurrencyLimit: '10s' is not an integer (allowed "
                + "1..1000000) (this field is a plain number, without a unit)"),
        rejected("an empty file", "",
            "x.yaml:1:1: the input is empty"),
        rejected("every problem is reported, not just the first",
            withFunctionLines("memoryMb: 100", "timeout: 30", "reuse: newest"),
            "x.yaml:8:15: functions[0].memoryMb: 100 is below the minimum 128 (allowed "
                + "128..10240)",
            "x.yaml:9:14: functions[0].timeout: 30 has no unit; a duration needs one of ns, us, "
                + "ms, s, m, h, d (e.g. '30s')",
            "x.yaml:10:12: functions[0].reuse: 'newest' is not allowed (allowed most-recent | "
                + "least-recent | random)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void malformed(String yaml, List<String> expected) {
    assertThat(located(yaml)).containsExactlyElementsOf(expected);
  }

  @Test
  void aJsonSyntaxErrorIsLocated() {
    var e = org.assertj.core.api.Assertions.catchThrowableOfType(ScenarioException.class,
        () -> new ScenarioLoader().parse("x.json", "{\"name\": \"t\",\n  \"duration\" \"1h\"}",
            Path.of("."), List.of()));
    assertThat(e.problems()).extracting(Problem::toString).containsExactly("x.json:2:14: syntax "
        + "error: Unexpected character ('\"' (code 34)): was expecting a colon to separate field "
        + "name and value");
  }
}
