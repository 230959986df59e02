package dev.lambdasim.scenario;

import static dev.lambdasim.scenario.Scenarios.MINIMAL;
import static dev.lambdasim.scenario.Scenarios.located;
import static dev.lambdasim.scenario.Scenarios.rejected;
import static dev.lambdasim.scenario.Scenarios.withFunctionLines;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input that would validate and then crash or never finish its run is refused at load, with
 * the documented maximum ({@link Limits}) in a located message.
 */
final class BoundedInputTest {

  private static final String FLEET = "name: f\nduration: 1m\nfleet: {trace: %s, template: "
      + "{duration: {dist: constant, value: 10ms}}}\n";
  private static final String TRACE_FIELDS = " file, format, offset, from, to, onBadRow, column,"
      + " unit, duration, durationUnit, function, day, withinMinute, durations, useDurations,"
      + " period, withinPeriod";
  private static final String FINITE = MINIMAL.replace("duration: 1h\n", "")
      .replace("poisson: {rate: 1/s}", "burst: {at: %s, count: 1}");

  /** Anything but a mapping as a fleet's trace is one located problem (was a NullPointerException). */
  static Stream<Arguments> refused() {
    Stream<Arguments> fleetTraces = Stream.of("5", "\"\"", "null", "[]", "true").map(trace ->
        rejected("a fleet trace " + trace, FLEET.formatted(trace), "x.yaml:3:16: fleet.trace: "
            + (trace.equals("[]") ? "a list" : trace.replace("\"", "'"))
            + " is not allowed here; expected a mapping with fields" + TRACE_FIELDS));
    return Stream.concat(fleetTraces, Stream.of(
        rejected("a fleet that is not a mapping", "name: f\nduration: 1m\nfleet: 5\n",
            "x.yaml:3:8: fleet: 5 is not allowed here; expected a mapping with fields trace,"
                + " template, overrides, topN"),
        rejected("a name too long for a folder", MINIMAL.replace("name: t", "name: " + "n".repeat(247)),
            "x.yaml:1:7: name: a name of 247 characters is too long (allowed 1..128 characters,"
                + " since it names the output folder)"),
        rejected("a rate that parses to infinity", MINIMAL.replace("rate: 1/s", "rate: 1" + "0".repeat(400) + "/s"),
            "x.yaml:7:25: functions[0].traffic[0].poisson.rate: '1" + "0".repeat(79)
                + "…' (403 characters) is above the maximum 1000000/s of one source (allowed up to"
                + " 1000000/s)"),
        rejected("a rate above the maximum", MINIMAL.replace("rate: 1/s", "rate: 99999999999999999999/s"),
            "x.yaml:7:25: functions[0].traffic[0].poisson.rate: '99999999999999999999/s' is"
                + " above the maximum 1000000/s of one source (allowed up to 1000000/s)"),
        rejected("sources that add up above the maximum", MINIMAL.replace("- poisson: {rate: 1/s}", "- poisson: {rate: 600000/s}\n      - constant: {rate: 600000/s}"),
            "x.yaml:7:7: functions[0].traffic: the sources' peak rates add up to 1200000/s,"
                + " above the maximum 1000000/s of one function (allowed: a sum up to 1000000/s)"),
        rejected("more arrivals than a run can finish", MINIMAL.replace("duration: 1h", "duration: 1000d\nmetricsPeriod: 1d")
                .replace("rate: 1/s", "rate: 1000000/s"),
            "x.yaml:8:7: functions[0].traffic: the sources can produce up to 8.64e+13 arrivals in"
                + " the run, above the maximum 10000000000 of one function (allowed: up to"
                + " 10000000000; shorten the duration or lower the rates)"),
        rejected("a burst count above the maximum", MINIMAL.replace("poisson: {rate: 1/s}", "burst: {at: 1m, count: 1000001}"),
            "x.yaml:7:32: functions[0].traffic[0].burst.count: 1000001 is above the maximum"
                + " 1000000 (allowed 1..1000000)"),
        rejected("an mmpp state rate above the maximum", MINIMAL.replace("poisson: {rate: 1/s}", "mmpp: {states: [{rate: 0/s, meanHold: 1m}, {rate: 2000000/s, meanHold: 1m}]}"),
            "x.yaml:7:59: functions[0].traffic[0].mmpp.states[1].rate: '2000000/s' is above the"
                + " maximum 1000000/s of one source (allowed up to 1000000/s)"),
        rejected("an mmpp hold below the minimum", MINIMAL.replace("poisson: {rate: 1/s}", "mmpp: {states: [{rate: 0/s, meanHold: 1ns}, {rate: 2/s, meanHold: 1m}]}"),
            "x.yaml:7:47: functions[0].traffic[0].mmpp.states[0].meanHold: '1ns' is below the"
                + " minimum 1us (allowed at least 1us)"),
        rejected("a diurnal mean above the maximum", MINIMAL.replace("poisson: {rate: 1/s}", "diurnal: {mean: 10000000/s, amplitude: 0.5, peakAt: 14h}"),
            "x.yaml:7:25: functions[0].traffic[0].diurnal.mean: '10000000/s' is above the"
                + " maximum 1000000/s of one source (allowed up to 1000000/s)"),
        rejected("a diurnal peak above the function maximum", MINIMAL.replace("poisson: {rate: 1/s}", "diurnal: {mean: 800000/s, amplitude: 0.5, peakAt: 14h}"),
            "x.yaml:7:7: functions[0].traffic: the sources' peak rates add up to 1200000/s,"
                + " above the maximum 1000000/s of one function (allowed: a sum up to 1000000/s)"),
        rejected("a ramp rate above the maximum", MINIMAL.replace("poisson: {rate: 1/s}", "ramp: {from: 1/s, to: 5000000/s, end: 10m}"),
            "x.yaml:7:31: functions[0].traffic[0].ramp.to: '5000000/s' is above the maximum"
                + " 1000000/s of one source (allowed up to 1000000/s)"),
        rejected("a spike rate above the maximum", MINIMAL.replace("poisson: {rate: 1/s}", "spike: {at: 1m, rate: 5000000/s, for: 1m}"),
            "x.yaml:7:31: functions[0].traffic[0].spike.rate: '5000000/s' is above the maximum"
                + " 1000000/s of one source (allowed up to 1000000/s)"),
        rejected("a timer period below the minimum", MINIMAL.replace("poisson: {rate: 1/s}", "periodic: {every: 1ns}"),
            "x.yaml:7:27: functions[0].traffic[0].periodic.every: '1ns' is below the minimum 1us"
                + " (allowed at least 1us)"),
        rejected("a duration whose nanoseconds overflow", MINIMAL.replace("duration: 1h", "duration: 99999999999999999999d"),
            "x.yaml:2:11: duration: '99999999999999999999d' is too long for the simulator's"
                + " clock (allowed 0s..106751d)"),
        rejected("too many metric periods of a written duration", MINIMAL.replace("duration: 1h", "duration: 3650d"),
            "x.yaml:2:11: duration: '3650d' holds 5256000 metric periods of 1m (allowed at most"
                + " 1000000); write a metricsPeriod of at least 316s or a shorter duration"),
        rejected("too many metric periods of a written metricsPeriod", MINIMAL.replace("duration: 1h", "duration: 30d") + "metricsPeriod: 1s\n",
            "x.yaml:8:16: metricsPeriod: duration '30d' holds 2592000 metric periods of 1s"
                + " (allowed at most 1000000); write a metricsPeriod of at least 3s or a shorter"
                + " duration"),
        rejected("too many metric periods of the traffic's horizon", FINITE.formatted("1700000000s"),
            "x.yaml:1:1: duration: the horizon of the traffic, 1700000003s, holds 28333334"
                + " metric periods of 1m (allowed at most 1000000); write a metricsPeriod of at least"
                + " 1701s, or, if the trace's timestamps count from an epoch (the traffic starts only"
                + " at 1700000000s), offset: first on the trace"),
        rejected("every problem in one pass when duration is left out", withFunctionLines("memoryMb: 100").replace("duration: 1h\n", ""),
            "x.yaml:7:15: functions[0].memoryMb: 100 is below the minimum 128 (allowed"
                + " 128..10240)",
            "x.yaml:1:1: duration: required field 'duration' is missing, and"
                + " functions[0].traffic[0] (poisson#0) has no end to take the horizon from (allowed:"
                + " a duration such as 2h, or only traffic that ends: trace, fleet, burst, ramp,"
                + " spike, or a source with 'to')")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void refused(String yaml, List<String> expected) {
    assertThat(located(yaml)).containsExactlyElementsOf(expected);
  }
}
