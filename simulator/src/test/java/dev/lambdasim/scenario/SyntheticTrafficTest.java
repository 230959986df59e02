package dev.lambdasim.scenario;

import dev.lambdasim.spec.TrafficSpec;

import static dev.lambdasim.scenario.Scenarios.MINIMAL;
import static dev.lambdasim.scenario.Scenarios.assertProblem;
import static dev.lambdasim.scenario.Scenarios.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasim.spec.TrafficSpec.Mmpp.State;
import java.util.List;
import org.junit.jupiter.api.Test;

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
  void rampWithDurationsAsFromAndToExplainsTheNames() {
    String yaml = traffic("ramp: {from: 10m, to: 40m, end: 40m}");
    assertProblem(yaml, "functions[0].traffic[0].ramp.from", 7, column(yaml, 7, "10m"),
        "'10m' is not a rate", "in a ramp, from/to are the rates at start/end", "start/end the window");
  }

  @Test
  void rampWithoutEnd() {
    String yaml = traffic("ramp: {from: 1/s, to: 5/s}");
    assertProblem(yaml, "functions[0].traffic[0].ramp.end", 7, column(yaml, 7, "{from"),
        "required field 'end' is missing");
  }

  @Test
  void rampEndNotAfterStart() {
    String yaml = traffic("ramp: {from: 1/s, to: 5/s, start: 40m, end: 10m}");
    assertProblem(yaml, "functions[0].traffic[0].ramp.end", 7, column(yaml, 7, "10m"),
        "'10m' is not after start '40m'", "start < end");
  }

  @Test
  void rampWithBothRatesZero() {
    String yaml = traffic("ramp: {from: 0/s, to: 0/min, end: 10m}");
    assertProblem(yaml, "functions[0].traffic[0].ramp.to", 7, column(yaml, 7, "0/min"),
        "both rates of the ramp are 0");
  }

  @Test
  void spikeOfZeroLength() {
    String yaml = traffic("spike: {at: 30m, rate: 800/s, for: 0s}");
    assertProblem(yaml, "functions[0].traffic[0].spike.for", 7, column(yaml, 7, "0s"),
        "must be greater than 0s");
  }

  @Test
  void spikeAfterTheHorizon() {
    String yaml = traffic("spike: {at: 2h, rate: 800/s, for: 1m}");
    assertProblem(yaml, "functions[0].traffic[0].spike.at", 7, column(yaml, 7, "2h"),
        "not before the scenario duration", "at < duration");
  }

  @Test
  void spikeWithMisspelledField() {
    String yaml = traffic("spike: {at: 30m, rates: 800/s, for: 1m}");
    assertProblem(yaml, "functions[0].traffic[0].spike.rates", 7, column(yaml, 7, "rates"),
        "unknown field 'rates'", "did you mean 'rate'", "allowed: at, rate, for, from, to");
  }

  @Test
  void spikeOutsideFromTo() {
    String yaml = traffic("spike: {at: 30m, rate: 800/s, for: 1m, to: 20m}");
    assertProblem(yaml, "functions[0].traffic[0].spike.to", 7, column(yaml, 7, "20m"),
        "leaves no time for the spike");
  }

  @Test
  void diurnalAmplitudeAboveOne() {
    String yaml = traffic("diurnal: {mean: 50/s, amplitude: 1.5, peakAt: 14h}");
    assertProblem(yaml, "functions[0].traffic[0].diurnal.amplitude", 7, column(yaml, 7, "1.5"),
        "1.5 is above the maximum 1", "allowed 0..1");
  }

  @Test
  void diurnalPeakNotInThePeriod() {
    String yaml = traffic("diurnal: {mean: 50/s, amplitude: 0.5, peakAt: 25h}");
    assertProblem(yaml, "functions[0].traffic[0].diurnal.peakAt", 7, column(yaml, 7, "25h"),
        "'25h' is not before the period 1d");
  }

  @Test
  void diurnalMeanWithoutUnit() {
    String yaml = traffic("diurnal: {mean: 50, amplitude: 0.5, peakAt: 2h}");
    assertProblem(yaml, "functions[0].traffic[0].diurnal.mean", 7, column(yaml, 7, "50"),
        "50 has no unit", "/s, /min, /h, /d");
  }

  @Test
  void diurnalFromAfterTo() {
    String yaml = traffic("diurnal: {mean: 5/s, amplitude: 0.5, peakAt: 2h, from: 20m, to: 10m}");
    assertProblem(yaml, "functions[0].traffic[0].diurnal.to", 7, column(yaml, 7, "10m"),
        "'10m' is not after from '20m'", "from < to");
  }

  @Test
  void periodicJitterAboveEvery() {
    String yaml = traffic("periodic: {every: 5m, jitter: 10m}");
    assertProblem(yaml, "functions[0].traffic[0].periodic.jitter", 7, column(yaml, 7, "10m"),
        "'10m' is above every '5m'", "allowed 0s..every");
  }

  @Test
  void periodicWithoutEvery() {
    String yaml = traffic("periodic: {jitter: 1s}");
    assertProblem(yaml, "functions[0].traffic[0].periodic.every", 7, column(yaml, 7, "{jitter"),
        "required field 'every' is missing");
  }

  @Test
  void mmppWithOneState() {
    String yaml = traffic("mmpp: {states: [{rate: 2/s, meanHold: 10m}]}");
    assertProblem(yaml, "functions[0].traffic[0].mmpp.states", 7, column(yaml, 7, "[{"),
        "a list of 1 state is not allowed", "at least 2 states");
  }

  @Test
  void mmppStateWithMisspelledField() {
    String yaml = traffic("mmpp: {states: [{rate: 2/s, meanHold: 10m}, {rate: 1/s, meanHolding: 1m}]}");
    assertProblem(yaml, "functions[0].traffic[0].mmpp.states[1].meanHolding", 7, column(yaml, 7, "meanHolding"),
        "unknown field 'meanHolding'", "did you mean 'meanHold'", "allowed: rate, meanHold");
  }

  @Test
  void mmppStateHoldWithoutUnit() {
    String yaml = traffic("mmpp: {states: [{rate: 2/s, meanHold: 10m}, {rate: 1/s, meanHold: 60}]}");
    assertProblem(yaml, "functions[0].traffic[0].mmpp.states[1].meanHold", 7, column(yaml, 7, "60}"),
        "60 has no unit");
  }

  @Test
  void mmppWithEveryStateOff() {
    String yaml = traffic("mmpp: {states: [{rate: 0/s, meanHold: 10m}, {rate: 0/h, meanHold: 1m}]}");
    assertProblem(yaml, "functions[0].traffic[0].mmpp.states", 7, column(yaml, 7, "[{"),
        "every state has rate 0/s");
  }

  @Test
  void mmppOffStateIsAllowed() throws ScenarioException {
    String yaml = traffic("mmpp: {states: [{rate: 0/s, meanHold: 10m}, {rate: 3/s, meanHold: 1m}]}");
    assertThat(Scenarios.parse(yaml).functions().get(0).traffic()).singleElement()
        .isInstanceOf(TrafficSpec.Mmpp.class);
  }
}
