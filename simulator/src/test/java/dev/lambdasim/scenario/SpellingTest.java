package dev.lambdasim.scenario;

import static dev.lambdasim.scenario.Scenarios.MINIMAL;
import static dev.lambdasim.scenario.Scenarios.located;
import static dev.lambdasim.scenario.Scenarios.rejected;
import static dev.lambdasim.scenario.Scenarios.withFunctionLines;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Unknown fields and kinds are errors, with a "did you mean" only when a known word is close. */
final class SpellingTest {

  static Stream<Arguments> misspelt() {
    return Stream.of(
        rejected("a misspelt function field suggests the known one",
            withFunctionLines("memorySize: 512"),
            "x.yaml:8:5: functions[0].memorySize: unknown field 'memorySize' (did you mean "
                + "'memoryMb'?); allowed: name, description, memoryMb, architecture, timeout, "
                + "duration, referenceMemoryMb, cpuBound, threads, init, errorRate, keepAlive, "
                + "maxLifetime, reuse, reservedConcurrency, provisionedConcurrency, invocation, "
                + "async, sqs, stream, retry, traffic"),
        rejected("a case slip suggests the known field", withFunctionLines("timeOut: 3s"),
            "x.yaml:8:5: functions[0].timeOut: unknown field 'timeOut' (did you mean "
                + "'timeout'?); allowed: name, description, memoryMb, architecture, timeout, "
                + "duration, referenceMemoryMb, cpuBound, threads, init, errorRate, keepAlive, "
                + "maxLifetime, reuse, reservedConcurrency, provisionedConcurrency, invocation, "
                + "async, sqs, stream, retry, traffic"),
        rejected("an unrelated field gets no suggestion", MINIMAL + "zzzzzzzzz: 1\n",
            "x.yaml:8:1: zzzzzzzzz: unknown field 'zzzzzzzzz'; allowed: name, description, "
                + "seed, duration, warmup, metricsPeriod, account, pricing, functions, fleet"),
        rejected("a misspelt top-level field", MINIMAL + "metricPeriod: 1m\n",
            "x.yaml:8:1: metricPeriod: unknown field 'metricPeriod' (did you mean "
                + "'metricsPeriod'?); allowed: name, description, seed, duration, warmup, "
                + "metricsPeriod, account, pricing, functions, fleet"),
        rejected("a misspelt traffic kind", MINIMAL.replace("poisson:", "poison:"),
            "x.yaml:7:9: functions[0].traffic[0].poison: unknown traffic kind 'poison' (did you "
                + "mean 'poisson'?) (allowed poisson, constant, burst, ramp, spike, diurnal, "
                + "periodic, mmpp, trace)"),
        rejected("a misspelt scaling model", MINIMAL + "account: {scaling: per-functoin}\n",
            "x.yaml:8:20: account.scaling: 'per-functoin' is not allowed (did you mean "
                + "'per-function'?) (allowed per-function | legacy-burst | unlimited)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void misspelt(String yaml, List<String> expected) {
    assertThat(located(yaml)).containsExactlyElementsOf(expected);
  }

  @Test
  void distanceCountsEdits() {
    assertThat(List.of(Spelling.distance("kitten", "sitting"), Spelling.distance("", "ab"),
        Spelling.distance("same", "same"))).containsExactly(3, 2, 0);
  }
}
