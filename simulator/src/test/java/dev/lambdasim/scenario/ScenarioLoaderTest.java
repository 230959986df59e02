package dev.lambdasim.scenario;

import dev.lambdasim.spec.AccountSpec;
import dev.lambdasim.spec.Architecture;
import dev.lambdasim.spec.DistributionSpec;
import dev.lambdasim.spec.FunctionSpec;
import dev.lambdasim.spec.InitSpec;
import dev.lambdasim.spec.InvocationType;
import dev.lambdasim.spec.PricingSpec;
import dev.lambdasim.spec.ReusePolicy;
import dev.lambdasim.spec.ScalingSpec;
import dev.lambdasim.spec.Scenario;
import dev.lambdasim.spec.TrafficSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A valid file loads into nanosecond values, unset fields take their documented defaults, and
 * YAML and JSON forms of one scenario load equal.
 */
final class ScenarioLoaderTest {

  private static final long MS = 1_000_000L;
  private static final long S = 1_000 * MS;

  @TempDir Path dir;

  private static final String FULL = """
      name: full-1
      description: every field
      seed: 7
      duration: 1.5h
      warmup: 10m
      metricsPeriod: 30s
      account:
        concurrencyLimit: 500
        unreservedMinimum: 50
        scaling: {model: legacy-burst, initialBurst: 1000, perMinute: 200}
      pricing:
        freeTier: true
        x86_64: {provisionedGbSecondUsd: 0.001}
      functions:
        - name: api
          memoryMb: 1024
          architecture: arm64
          timeout: 30s
          duration: {dist: lognormal, median: 80ms, p99: 400ms}
          referenceMemoryMb: 1769
          cpuBound: 0.5
          threads: 2
          init: {duration: {dist: constant, value: 250ms}, cpuBound: 0.3}
          errorRate: 0.01
          keepAlive: {dist: exponential, mean: 6m}
          maxLifetime: 3h
          reuse: random
          reservedConcurrency: 100
          provisionedConcurrency: {fixed: 10}
          invocation: sync
          traffic:
            - poisson: {rate: 20/s, from: 1m, to: 1h}
            - burst: {at: 30m, count: 300}
            - poisson: {rate: 120/min}
      """;

  private Scenario full() throws ScenarioException {
    return Scenarios.parse(FULL);
  }

  @Test
  void topLevelTimesAreNanoseconds() throws ScenarioException {
    Scenario s = full();
    assertThat(List.of(s.durationNanos(), s.warmupNanos(), s.metricsPeriodNanos()))
        .containsExactly(5_400 * S, 600 * S, 30 * S);
  }

  @Test
  void accountAndScalingAreRead() throws ScenarioException {
    assertThat(full().account()).isEqualTo(new AccountSpec(500, 50, ScalingSpec.legacyBurst(1000, 200)));
  }

  @Test
  void partialPricingBlockOverridesOnlyWhatItNames() throws ScenarioException {
    PricingSpec p = full().pricing();
    assertThat(p.freeTier()).isTrue();
    assertThat(p.x86().provisionedGbSecondUsd()).isEqualTo(0.001);
    assertThat(p.x86().gbSecondUsd()).isEqualTo(PricingSpec.defaults().x86().gbSecondUsd());
    assertThat(p.arm()).isEqualTo(PricingSpec.defaults().arm());
  }

  @Test
  void functionFieldsAreConverted() throws ScenarioException {
    FunctionSpec f = full().functions().get(0);
    assertThat(f.code().timeoutNanos()).isEqualTo(30 * S);
    assertThat(f.environments().maxLifetimeNanos()).isEqualTo(3 * 3600 * S);
    assertThat(f.code().architecture()).isEqualTo(Architecture.ARM64);
    assertThat(f.environments().reuse()).isEqualTo(ReusePolicy.RANDOM);
    assertThat(f.concurrency().reserved()).isEqualTo(100);
    assertThat(f.concurrency().provisioned().initial()).isEqualTo(10);
    assertThat(f.code().init()).isEqualTo(new InitSpec(new DistributionSpec.Constant(250.0 * MS), 0.3));
    assertThat(f.environments().keepAlive()).isEqualTo(new DistributionSpec.Exponential(360.0 * S));
  }

  @Test
  void lognormalMedianAndP99BecomeMuAndSigmaOfNanoseconds() throws ScenarioException {
    var d = (DistributionSpec.LogNormal) full().functions().get(0).code().duration();
    assertThat(d.mu()).isCloseTo(Math.log(80e6), within(1e-12));
    assertThat(d.sigma()).isCloseTo((Math.log(400e6) - Math.log(80e6)) / 2.3263478740408408, within(1e-12));
  }

  @Test
  void streamNamesCountOnlyEarlierSourcesOfTheSameKind() throws ScenarioException {
    assertThat(full().functions().get(0).traffic()).containsExactly(
        new TrafficSpec.Poisson("poisson#0", 20.0, 60 * S, 3600 * S),
        new TrafficSpec.Burst("burst#0", 1800 * S, 300),
        new TrafficSpec.Poisson("poisson#1", 2.0, 0, Long.MAX_VALUE));
  }

  @Test
  void unsetFieldsTakeTheirDefaults() throws ScenarioException {
    Scenario s = Scenarios.parse(Scenarios.MINIMAL);
    FunctionSpec f = s.functions().get(0);
    assertThat(s.seed()).isEqualTo(1);
    assertThat(s.warmupNanos()).isZero();
    assertThat(s.metricsPeriodNanos()).isEqualTo(60 * S);
    assertThat(s.account()).isEqualTo(AccountSpec.defaults());
    assertThat(s.pricing()).isEqualTo(PricingSpec.defaults());
    assertThat(List.of(f.code().memoryMb(), f.code().referenceMemoryMb(), f.code().threads())).containsExactly(128, 128, 1);
    assertThat(f.code().timeoutNanos()).isEqualTo(3 * S);
    assertThat(f.code().cpuBound()).isEqualTo(1.0);
    assertThat(f.code().errorRate()).isZero();
    assertThat(f.environments().keepAlive()).isEqualTo(new DistributionSpec.Uniform(300.0 * S, 420.0 * S));
    assertThat(f.environments().maxLifetimeNanos()).isEqualTo(7200 * S);
    assertThat(f.environments().reuse()).isEqualTo(ReusePolicy.MOST_RECENT);
    assertThat(f.concurrency().hasReserved()).isFalse();
    assertThat(f.concurrency().provisioned().initial()).isZero();
    assertThat(f.invocation().type()).isEqualTo(InvocationType.SYNC);
    assertThat(f.code().init().cpuBound()).isZero();
    assertThat(f.code().init().duration()).isEqualTo(new DistributionSpec.LogNormal(Math.log(150e6),
        (Math.log(400e6) - Math.log(150e6)) / 2.3263478740408408));
  }

  @Test
  void referenceMemoryDefaultsToMemory() throws ScenarioException {
    FunctionSpec f = Scenarios.parse(Scenarios.MINIMAL, "functions[0].memoryMb=2048").functions().get(0);
    assertThat(f.code().referenceMemoryMb()).isEqualTo(2048);
  }

  @Test
  void scalingAsAStringTakesTheModelDefaults() throws ScenarioException {
    assertThat(Scenarios.parse(Scenarios.MINIMAL + "account: {scaling: legacy-burst}\n").account().scaling())
        .isEqualTo(ScalingSpec.legacyBurst(3000, 500));
  }

  @Test
  void everyDistributionIsConverted() throws ScenarioException {
    String yaml = """
        name: t
        duration: 1h
        functions:
          - name: a
            duration: {dist: uniform, min: 1ms, max: 2ms}
            keepAlive: {dist: normal, mean: 6m, stddev: 30s}
            init: {duration: {dist: gamma, shape: 2, scale: 50ms}}
            traffic: [{constant: {rate: 1/s}}]
          - name: b
            duration: {dist: weibull, shape: 1.5, scale: 1us}
            init: {duration: {dist: lognormal, mu: 4, sigma: 0.5}}
            keepAlive: {dist: percentiles, p0: 1m, p50: 5m, p99.9: 9m, p100: 10m}
            traffic: [{constant: {rate: 1/s}}]
        """;
    Scenario s = Scenarios.parse(yaml);
    FunctionSpec a = s.functions().get(0);
    FunctionSpec b = s.functions().get(1);
    assertThat(a.code().duration()).isEqualTo(new DistributionSpec.Uniform(1e6, 2e6));
    assertThat(a.environments().keepAlive()).isEqualTo(new DistributionSpec.Normal(360e9, 30e9));
    assertThat(a.code().init().duration()).isEqualTo(new DistributionSpec.Gamma(2, 50e6));
    assertThat(b.code().duration()).isEqualTo(new DistributionSpec.Weibull(1.5, 1e3));
    assertThat(b.code().init().duration()).isEqualTo(new DistributionSpec.LogNormal(4 + Math.log(1e6), 0.5));
    assertThat(b.environments().keepAlive()).isEqualTo(new DistributionSpec.Percentiles(
        List.of(0.0, 0.5, 0.999, 1.0), List.of(60e9, 300e9, 540e9, 600e9)));
  }

  @Test
  void yamlAndJsonOfTheSameScenarioLoadEqual() throws Exception {
    String json = """
        {"name": "full-1", "description": "every field", "seed": 7, "duration": "1.5h",
         "warmup": "10m", "metricsPeriod": "30s",
         "account": {"concurrencyLimit": 500, "unreservedMinimum": 50,
                     "scaling": {"model": "legacy-burst", "initialBurst": 1000, "perMinute": 200}},
         "pricing": {"freeTier": true, "x86_64": {"provisionedGbSecondUsd": 0.001}},
         "functions": [{
           "name": "api", "memoryMb": 1024, "architecture": "arm64", "timeout": "30s",
           "duration": {"dist": "lognormal", "median": "80ms", "p99": "400ms"},
           "referenceMemoryMb": 1769, "cpuBound": 0.5, "threads": 2,
           "init": {"duration": {"dist": "constant", "value": "250ms"}, "cpuBound": 0.3},
           "errorRate": 0.01, "keepAlive": {"dist": "exponential", "mean": "6m"},
           "maxLifetime": "3h", "reuse": "random", "reservedConcurrency": 100,
           "provisionedConcurrency": {"fixed": 10}, "invocation": "sync",
           "traffic": [{"poisson": {"rate": "20/s", "from": "1m", "to": "1h"}},
                       {"burst": {"at": "30m", "count": 300}},
                       {"poisson": {"rate": "120/min"}}]}]}
        """;
    Scenario fromJson = new ScenarioLoader().parse("x.json", json, dir, List.of());
    assertThat(fromJson).isEqualTo(full());
  }

  @Test
  void loadFromFileRecordsTheSource() throws Exception {
    Path file = dir.resolve("s.yml");
    Files.writeString(file, Scenarios.MINIMAL, StandardCharsets.UTF_8);
    assertThat(new ScenarioLoader().load(file).source()).isEqualTo(file);
  }

  @Test
  void aMissingFileIsAProblem() {
    Path file = dir.resolve("nope.yaml");
    var e = org.assertj.core.api.Assertions.catchThrowableOfType(ScenarioException.class,
        () -> new ScenarioLoader().load(file));
    assertThat(e.problems()).extracting(Problem::toString).containsExactly(file + ": no such file");
  }

  @Test
  void metricsPeriodDefaultShrinksToAShortDuration() throws ScenarioException {
    String yaml = Scenarios.MINIMAL.replace("duration: 1h", "duration: 20s");
    assertThat(Scenarios.parse(yaml).metricsPeriodNanos()).isEqualTo(20 * S);
  }
}
