package dev.lambdasim.scenario;

import static dev.lambdasim.scenario.Scenarios.MINIMAL;
import static dev.lambdasim.scenario.Scenarios.assertProblem;
import static dev.lambdasim.scenario.Scenarios.column;
import static dev.lambdasim.scenario.Scenarios.problemAt;
import static dev.lambdasim.scenario.Scenarios.problems;
import static dev.lambdasim.scenario.Scenarios.withFunctionLines;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each malformed scenario is rejected with a problem that names the field path, the line and
 * column of the bad value (or of the parent mapping when a field is missing), the bad value
 * and what is allowed.
 */
final class MalformedScenarioTest {

  @Test
  void memoryBelowMinimum() {
    String yaml = withFunctionLines("memoryMb: 100");
    assertProblem(yaml, "functions[0].memoryMb", 8, 15, "100 is below the minimum 128", "allowed 128..10240");
  }

  @Test
  void oneLineFormReadsAsDocumented() {
    Problem p = problemAt(withFunctionLines("memoryMb: 100"), "functions[0].memoryMb");
    assertThat(p.toString()).isEqualTo(
        "x.yaml:8:15: functions[0].memoryMb: 100 is below the minimum 128 (allowed 128..10240)");
  }

  @Test
  void durationWithoutUnit() {
    String yaml = withFunctionLines("timeout: 30");
    assertProblem(yaml, "functions[0].timeout", 8, 14, "30 has no unit", "ns, us, ms, s, m, h, d");
  }

  @Test
  void timeoutAboveMaximum() {
    String yaml = withFunctionLines("timeout: 1000s");
    assertProblem(yaml, "functions[0].timeout", 8, 14, "'1000s' is above the maximum 900s", "allowed 1s..900s");
  }

  @Test
  void rateWithoutUnit() {
    String yaml = MINIMAL.replace("{rate: 1/s}", "{rate: 5}");
    assertProblem(yaml, "functions[0].traffic[0].poisson.rate", 7, column(yaml, 7, "5}"),
        "5 has no unit", "/s, /min, /h, /d");
  }

  @Test
  void unknownUnit() {
    String yaml = withFunctionLines("maxLifetime: 2hours");
    assertProblem(yaml, "functions[0].maxLifetime", 8, 18, "'2hours' is not a duration", "ns, us, ms, s, m, h, d");
  }

  @Test
  void maxLifetimeBelowMinimum() {
    String yaml = withFunctionLines("maxLifetime: 30s");
    assertProblem(yaml, "functions[0].maxLifetime", 8, 18, "'30s' is below the minimum 1m", "allowed at least 1m");
  }

  @Test
  void architectureNotAnOption() {
    String yaml = withFunctionLines("architecture: x86");
    assertProblem(yaml, "functions[0].architecture", 8, 19, "'x86' is not allowed", "x86_64 | arm64");
  }

  @Test
  void reuseNotAnOption() {
    String yaml = withFunctionLines("reuse: newest");
    assertProblem(yaml, "functions[0].reuse", 8, 12, "'newest'", "most-recent | least-recent | random");
  }

  @Test
  void cpuBoundAboveOne() {
    String yaml = withFunctionLines("cpuBound: 1.5");
    assertProblem(yaml, "functions[0].cpuBound", 8, 15, "1.5 is above the maximum 1", "allowed 0..1");
  }

  @Test
  void errorRateNegative() {
    String yaml = withFunctionLines("errorRate: -0.1");
    assertProblem(yaml, "functions[0].errorRate", 8, 16, "-0.1 is below the minimum 0", "allowed 0..1");
  }

  @Test
  void threadsNotAnInteger() {
    String yaml = withFunctionLines("threads: 2.5");
    assertProblem(yaml, "functions[0].threads", 8, 14, "2.5 is not an integer", "allowed 1..64");
  }

  @Test
  void missingFunctionDurationPointsAtTheFunction() {
    String yaml = MINIMAL.replace("    duration: {dist: constant, value: 10ms}\n", "");
    assertProblem(yaml, "functions[0].duration", 4, 5, "required field 'duration' is missing", "dist: lognormal");
  }

  @Test
  void missingNamePointsAtTheTopLevel() {
    String yaml = MINIMAL.replace("name: t\n", "");
    assertProblem(yaml, "name", 1, 1, "required field 'name' is missing", "[a-z0-9._-]+");
  }

  @Test
  void scenarioNameWithCapitalsAndSpaces() {
    String yaml = MINIMAL.replace("name: t", "name: Cold Start");
    assertProblem(yaml, "name", 1, 7, "'Cold Start' is not a valid scenario name", "a-z 0-9 . _ -");
  }

  @Test
  void lognormalP99NotAboveMedian() {
    String yaml = MINIMAL.replace("{dist: constant, value: 10ms}", "{dist: lognormal, median: 80ms, p99: 40ms}");
    assertProblem(yaml, "functions[0].duration.p99", 5, column(yaml, 5, "40ms"),
        "'40ms' is not above the median '80ms'", "p99 > median");
  }

  @Test
  void wrongParameterForDistributionNamesTheAllowedOnes() {
    String yaml = MINIMAL.replace("{dist: constant, value: 10ms}", "{dist: uniform, min: 1ms, maximum: 2ms}");
    assertProblem(yaml, "functions[0].duration.maximum", 5, column(yaml, 5, "maximum"),
        "unknown field 'maximum'", "did you mean 'max'?", "allowed: dist, min, max");
  }

  @Test
  void unknownDistribution() {
    String yaml = MINIMAL.replace("dist: constant", "dist: lognorm");
    assertProblem(yaml, "functions[0].duration.dist", 5, column(yaml, 5, "lognorm"),
        "'lognorm' is not allowed", "did you mean 'lognormal'?", "constant | exponential | uniform");
  }

  @Test
  void uniformMinAboveMax() {
    String yaml = MINIMAL.replace("{dist: constant, value: 10ms}", "{dist: uniform, min: 3ms, max: 2ms}");
    assertProblem(yaml, "functions[0].duration.max", 5, column(yaml, 5, "2ms"), "is below min '3ms'", "max >= min");
  }

  @Test
  void percentilesWithoutP100PointsAtTheDistribution() {
    String yaml = MINIMAL.replace("{dist: constant, value: 10ms}", "{dist: percentiles, p0: 1ms, p50: 5ms}");
    assertProblem(yaml, "functions[0].duration.p100", 5, column(yaml, 5, "{dist"), "'p100' is missing", "p0 and p100");
  }

  @Test
  void percentilesDecreasing() {
    String yaml = MINIMAL.replace("{dist: constant, value: 10ms}",
        "{dist: percentiles, p0: 1ms, p50: 5ms, p99: 4ms, p100: 9ms}");
    assertProblem(yaml, "functions[0].duration.p99", 5, column(yaml, 5, "4ms"), "below p50", "non-decreasing");
  }

  @Test
  void scalingFieldOfAnotherModel() {
    String yaml = MINIMAL + "account:\n  scaling: {model: unlimited, bucketSize: 5}\n";
    assertProblem(yaml, "account.scaling.bucketSize", 9, column(yaml, 9, "bucketSize"),
        "belongs to model per-function, not unlimited", "its fields: none");
  }

  @Test
  void unreservedMinimumAboveTheLimit() {
    String yaml = MINIMAL + "account: {concurrencyLimit: 50, unreservedMinimum: 60}\n";
    assertProblem(yaml, "account.unreservedMinimum", 8, column(yaml, 8, "60"), "60 is above the maximum 50", "allowed 0..50");
  }

  @Test
  void pricesAndTiersOfDifferentLengths() {
    String yaml = MINIMAL + "pricing:\n  arm64: {gbSecondUsd: [0.1, 0.2]}\n";
    assertProblem(yaml, "pricing.arm64.gbSecondUsd", 9, column(yaml, 9, "[0.1"),
        "gbSecondUsd has 2 entries and tierGbSeconds 2", "exactly one more price than tier bounds");
  }

  @Test
  void trafficItemWithTwoKinds() {
    String yaml = MINIMAL.replace("- poisson: {rate: 1/s}", "- {poisson: {rate: 1/s}, burst: {at: 1m, count: 2}}");
    assertProblem(yaml, "functions[0].traffic[0]", 7, column(yaml, 7, "{poisson"), "exactly one key",
        "poisson, constant, burst");
  }

  @Test
  void emptyTrafficList() {
    String yaml = MINIMAL.replace("    traffic:\n      - poisson: {rate: 1/s}\n", "    traffic: []\n");
    assertProblem(yaml, "functions[0].traffic", 6, 14, "at least 1 traffic source");
  }

  @Test
  void seedNotAnInteger() {
    String yaml = MINIMAL + "seed: abc\n";
    assertProblem(yaml, "seed", 8, 7, "'abc' is not an integer");
  }

  @Test
  void duplicateKeyInAMapping() {
    String yaml = withFunctionLines("memoryMb: 256", "memoryMb: 512");
    assertProblem(yaml, "memoryMb", 9, 5, "duplicate key 'memoryMb'", "first written at line 8");
  }

  @Test
  void yamlSyntaxErrorIsLocated() {
    List<Problem> found = problems("name: t\nduration: 1h\n  bad: : x\n");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).line()).isEqualTo(3);
    assertThat(found.get(0).message()).startsWith("syntax error").doesNotContain("bad: : x");
  }

  @Test
  void integerFieldGivenADuration() {
    String yaml = MINIMAL + "account: {concurrencyLimit: 10s}\n";
    assertProblem(yaml, "account.concurrencyLimit", 8, column(yaml, 8, "10s"),
        "'10s' is not an integer (allowed 1..1000000)", "without a unit");
  }

  @Test
  void jsonSyntaxErrorIsLocated() {
    var e = org.assertj.core.api.Assertions.catchThrowableOfType(ScenarioException.class,
        () -> new ScenarioLoader().parse("x.json", "{\"name\": \"t\",\n  \"duration\" \"1h\"}", Path.of("."), List.of()));
    Problem p = e.problems().get(0);
    assertThat(List.of(p.file(), p.line(), p.column())).containsExactly("x.json", 2, 14);
    assertThat(p.message()).contains("syntax error", "colon");
  }

  @Test
  void emptyFile() {
    assertThat(problems("").get(0).message()).contains("empty");
  }

  @Test
  void everyProblemIsReportedNotJustTheFirst() {
    String yaml = withFunctionLines("memoryMb: 100", "timeout: 30", "reuse: newest");
    assertThat(problems(yaml)).extracting(Problem::path).containsExactly(
        "functions[0].memoryMb", "functions[0].timeout", "functions[0].reuse");
  }
}
