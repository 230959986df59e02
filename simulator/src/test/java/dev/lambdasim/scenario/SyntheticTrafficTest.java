package dev.lambdasim.scenario;

import dev.lambdasim.spec.TrafficSpec;

import static dev.lambdasim.scenario.Scenarios.MINIMAL;
import static dev.lambdasim.scenario.Scenarios.located;
import static dev.lambdasim.scenario.Scenarios.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasim.spec.TrafficSpec.Mmpp.State;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The synthetic kinds ramp, spike, diurnal, periodic and mmpp load into records in nanoseconds
 * and per-second rates with their defaults, and each malformed field is reported at its path,
 * line and column with what is allowed.
 */
final class SyntheticTrafficTest {

  private static final long S = 1_000_000_000L;
  private static final long OPEN = Long.MAX_VALUE;

  /** Returns MINIMAL with its one traffic item replaced by {@code items}, the first on line 7. */
  static String traffic(String... items) {
    StringBuilder sb = new StringBuilder();
    for (String item : items) {
      sb.append("      - ").append(item).append('\n');
    }
    return MINIMAL.replace("      - poisson: {rate: 1/s}\n", sb.toString());
  }

  @Test
  void everyKindLoadsInNanoseconds() throws ScenarioException {
    String yaml = traffic(
        "ramp: {from: 1/s, to: 200/s, start: 10m, end: 40m}",
        "spike: {at: 30m, rate: 800/s, for: 2m}",
        "diurnal: {mean: 50/s, amplitude: 0.6, period: 1d, peakAt: 14h}",
        "periodic: {every: 5m, jitter: 10s, from: 1m, to: 50m}",
        "mmpp: {states: [{rate: 2/s, meanHold: 10m}, {rate: 100/s, meanHold: 1m}], from: 5m}",
        "ramp: {from: 120/min, to: 0/s, end: 1h}",
        "spike: {at: 10m, rate: 5/s, for: 1m, to: 10m30s}".replace("10m30s", "630s"));
    assertThat(Scenarios.parse(yaml).functions().get(0).traffic()).containsExactly(
        new TrafficSpec.Ramp("ramp#0", 1, 200, 600 * S, 2400 * S),
        new TrafficSpec.Spike("spike#0", 1800 * S, 800, 120 * S, 0, OPEN),
        new TrafficSpec.Diurnal("diurnal#0", 50, 0.6, 86_400 * S, 14 * 3600 * S, 0, OPEN),
        new TrafficSpec.Periodic("periodic#0", 300 * S, 10 * S, 60 * S, 3000 * S),
        new TrafficSpec.Mmpp("mmpp#0", List.of(new State(2, 600 * S), new State(100, 60 * S)), 300 * S, OPEN),
        new TrafficSpec.Ramp("ramp#1", 2, 0, 0, 3600 * S),
        new TrafficSpec.Spike("spike#1", 600 * S, 5, 60 * S, 0, 630 * S));
  }

  @Test
  void defaults() throws ScenarioException {
    String yaml = traffic("diurnal: {mean: 1/s, amplitude: 0, peakAt: 0s}", "periodic: {every: 1m}");
    assertThat(Scenarios.parse(yaml).functions().get(0).traffic()).containsExactly(
        new TrafficSpec.Diurnal("diurnal#0", 1, 0, 86_400 * S, 0, 0, OPEN),
        new TrafficSpec.Periodic("periodic#0", 60 * S, 0, 0, OPEN));
  }

  @Test
  void mmppOffStateIsAllowed() throws ScenarioException {
    String yaml = traffic("mmpp: {states: [{rate: 0/s, meanHold: 10m}, {rate: 3/s, meanHold: 1m}]}");
    assertThat(Scenarios.parse(yaml).functions().get(0).traffic()).singleElement()
        .isInstanceOf(TrafficSpec.Mmpp.class);
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        rejected("ramp with durations as from and to explains the names",
            traffic("ramp: {from: 10m, to: 40m, end: 40m}"),
            "x.yaml:7:22: functions[0].traffic[0].ramp.from: '10m' is not a rate; in a ramp, "
                + "from/to are the rates at start/end (e.g. from: 1/s) and start/end the window "
                + "(e.g. start: 10m)",
            "x.yaml:7:31: functions[0].traffic[0].ramp.to: '40m' is not a rate; in a ramp, "
                + "from/to are the rates at start/end (e.g. to: 1/s) and start/end the window "
                + "(e.g. start: 40m)"),
        rejected("ramp without end", traffic("ramp: {from: 1/s, to: 5/s}"),
            "x.yaml:7:15: functions[0].traffic[0].ramp.end: required field 'end' is missing "
                + "(when the ramp ends and its rate reaches `to`, e.g. 40m)"),
        rejected("ramp end not after start",
            traffic("ramp: {from: 1/s, to: 5/s, start: 40m, end: 10m}"),
            "x.yaml:7:53: functions[0].traffic[0].ramp.end: '10m' is not after start '40m' "
                + "(allowed: start < end)"),
        rejected("ramp with both rates zero", traffic("ramp: {from: 0/s, to: 0/min, end: 10m}"),
            "x.yaml:7:31: functions[0].traffic[0].ramp.to: '0/min' is not allowed: both rates "
                + "of the ramp are 0 (at least one of from, to must be above 0)"),
        rejected("spike of zero length", traffic("spike: {at: 30m, rate: 800/s, for: 0s}"),
            "x.yaml:7:44: functions[0].traffic[0].spike.for: '0s' is not allowed (must be "
                + "greater than 0s)"),
        rejected("spike after the horizon", traffic("spike: {at: 2h, rate: 800/s, for: 1m}"),
            "x.yaml:7:21: functions[0].traffic[0].spike.at: '2h' is not before the scenario "
                + "duration (allowed: at < duration)"),
        rejected("spike with misspelled field", traffic("spike: {at: 30m, rates: 800/s, for: 1m}"),
            "x.yaml:7:26: functions[0].traffic[0].spike.rates: unknown field 'rates' (did you "
                + "mean 'rate'?); allowed: at, rate, for, from, to",
            "x.yaml:7:16: functions[0].traffic[0].spike.rate: required field 'rate' is missing "
                + "(the Poisson rate during the spike, e.g. 800/s)"),
        rejected("spike outside from to",
            traffic("spike: {at: 30m, rate: 800/s, for: 1m, to: 20m}"),
            "x.yaml:7:52: functions[0].traffic[0].spike.to: '20m' leaves no time for the spike "
                + "'30m' + '1m' (allowed: from < at + for and at < to)"),
        rejected("diurnal amplitude above one",
            traffic("diurnal: {mean: 50/s, amplitude: 1.5, peakAt: 14h}"),
            "x.yaml:7:42: functions[0].traffic[0].diurnal.amplitude: 1.5 is above the maximum 1 "
                + "(allowed 0..1)"),
        rejected("diurnal peak not in the period",
            traffic("diurnal: {mean: 50/s, amplitude: 0.5, peakAt: 25h}"),
            "x.yaml:7:55: functions[0].traffic[0].diurnal.peakAt: '25h' is not before the "
                + "period 1d (allowed 0s..period, exclusive)"),
        rejected("diurnal mean without unit",
            traffic("diurnal: {mean: 50, amplitude: 0.5, peakAt: 2h}"),
            "x.yaml:7:25: functions[0].traffic[0].diurnal.mean: 50 has no unit; a rate needs "
                + "one of /s, /min, /h, /d (e.g. '50/s')"),
        rejected("diurnal from after to",
            traffic("diurnal: {mean: 5/s, amplitude: 0.5, peakAt: 2h, from: 20m, to: 10m}"),
            "x.yaml:7:73: functions[0].traffic[0].diurnal.to: '10m' is not after from '20m' "
                + "(allowed: from < to)"),
        rejected("periodic jitter above every", traffic("periodic: {every: 5m, jitter: 10m}"),
            "x.yaml:7:39: functions[0].traffic[0].periodic.jitter: '10m' is above every '5m' "
                + "(allowed 0s..every, so that arrivals keep the order of their ticks)"),
        rejected("periodic without every", traffic("periodic: {jitter: 1s}"),
            "x.yaml:7:19: functions[0].traffic[0].periodic.every: required field 'every' is "
                + "missing (the timer period, e.g. 5m)"),
        rejected("mmpp with one state", traffic("mmpp: {states: [{rate: 2/s, meanHold: 10m}]}"),
            "x.yaml:7:24: functions[0].traffic[0].mmpp.states: a list of 1 state is not "
                + "allowed; expected a list of at least 2 states, e.g. [{rate: 2/s, meanHold: "
                + "10m}, {rate: 100/s, meanHold: 1m}]"),
        rejected("mmpp state with misspelled field",
            traffic("mmpp: {states: [{rate: 2/s, meanHold: 10m}, {rate: 1/s, meanHolding: 1m}]}"),
            "x.yaml:7:65: functions[0].traffic[0].mmpp.states[1].meanHolding: unknown field "
                + "'meanHolding' (did you mean 'meanHold'?); allowed: rate, meanHold",
            "x.yaml:7:53: functions[0].traffic[0].mmpp.states[1].meanHold: required field "
                + "'meanHold' is missing (the mean (exponential) time spent in this state, e.g. "
                + "10m)"),
        rejected("mmpp state hold without unit",
            traffic("mmpp: {states: [{rate: 2/s, meanHold: 10m}, {rate: 1/s, meanHold: 60}]}"),
            "x.yaml:7:75: functions[0].traffic[0].mmpp.states[1].meanHold: 60 has no unit; a "
                + "duration needs one of ns, us, ms, s, m, h, d (e.g. '60s')"),
        rejected("mmpp with every state off",
            traffic("mmpp: {states: [{rate: 0/s, meanHold: 10m}, {rate: 0/h, meanHold: 1m}]}"),
            "x.yaml:7:24: functions[0].traffic[0].mmpp.states: every state has rate 0/s; at "
                + "least one must be above 0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void malformed(String yaml, List<String> expected) {
    assertThat(located(yaml)).containsExactlyElementsOf(expected);
  }
}
