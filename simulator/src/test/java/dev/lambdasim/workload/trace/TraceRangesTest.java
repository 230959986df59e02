package dev.lambdasim.workload.trace;

import static dev.lambdasim.workload.trace.Traces.MIN;
import static dev.lambdasim.workload.trace.Traces.S;
import static dev.lambdasim.workload.trace.Traces.arrivals;
import static dev.lambdasim.workload.trace.Traces.azure2019;
import static dev.lambdasim.workload.trace.Traces.instants;
import static dev.lambdasim.workload.trace.Traces.options;
import static dev.lambdasim.workload.trace.Traces.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdasim.random.Xoshiro256StarStar;
import dev.lambdasim.spec.BadRowPolicy;
import dev.lambdasim.spec.Column;
import dev.lambdasim.spec.TraceFormat;
import dev.lambdasim.spec.TraceOptions;
import dev.lambdasim.spec.WithinPeriod;
import dev.lambdasim.workload.TraceArrivals;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numbers a trace cannot use are refused by name and range, never wrapped around or taken for
 * something else: instants and durations whose nanoseconds overflow a long, CloudWatch
 * timestamps outside 1970..2262, and counts above the documented maxima per minute and per
 * period, which would make a replay that never ends. Values at the maxima are accepted.
 */
final class TraceRangesTest {

  private static final String INSTANT_RANGE = "allowed: instants from -9223372036 s to "
      + "9223372036 s, about 292 years either side of 0";
  private static final String EPOCH_RANGE = "allowed: epoch seconds from 0 to 9223372036, or "
      + "ISO-8601 from 1970-01-01T00:00:00Z to 2262-04-11T23:47:16Z";
  private static final String PER_MINUTE = "allowed: 0 to 100000000 invocations a minute";

  @TempDir
  Path dir;

  private TraceOptions timestamps(String text) throws IOException {
    return options(TraceFormat.TIMESTAMPS, write(dir, "t.csv", text)).withColumn(Column.named("t"), S)
        .withOnBadRow(BadRowPolicy.SKIP);
  }

  private static Iterable<String> skipped(TraceOptions options) {
    TraceArrivals a = arrivals(options);
    instants(a);
    return a.badRows().firstSkipped();
  }

  @Test
  void timestampsOutOfRangeAreNotMalformed() throws IOException {
    TraceOptions o = timestamps("t,d\n1e300,0\n99999999999999999999,0\n-1e300,0\n12345678901234567890123x,0\n"
        + "1,1e300\n1,-1e300\n");
    assertThat(skipped(o.withDurationColumn(Column.named("d"), S))).containsExactly(
        "t.csv:2: '1e300' is out of range (column 0; " + INSTANT_RANGE + ")",
        "t.csv:3: '99999999999999999999' is out of range (column 0; " + INSTANT_RANGE + ")",
        "t.csv:4: '-1e300' is out of range (column 0; " + INSTANT_RANGE + ")",
        "t.csv:5: '12345678901234567890123x' is not a number (column 0)",
        "t.csv:6: '1e300' is out of range (column 1; allowed: a duration from 0 to 9223372036 s)",
        "t.csv:7: '-1e300' is not a duration >= 0 (column 1)");
  }

  @Test
  void theLargestInstantsStillFit() throws IOException {
    // Long.MAX_VALUE itself marks the end of a trace, so the last instant is one before it.
    TraceOptions o = timestamps("t\n9223372036.854775806\n9223372036.854775807\n");
    TraceArrivals a = arrivals(o);
    assertThat(instants(a)).containsExactly(Long.MAX_VALUE - 1);
    assertThat(a.badRows().firstSkipped()).containsExactly(
        "t.csv:3: '9223372036.854775807' is out of range (column 0; " + INSTANT_RANGE + ")");
  }

  @Test
  void aTinyExponentIsZeroAndQuick() throws IOException {
    // Rounding 1e-999999999 by BigDecimal alone would divide by 10^999999999.
    TraceOptions o = timestamps("t\n1e-999999999\n-1e-999999999\n");
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> assertThat(instants(arrivals(o))).containsExactly(0, 0));
    assertThat(CsvRow.nanos(new BigDecimal("1e-21"), Long.MAX_VALUE / 2)).isZero();
    assertThat(CsvRow.nanos(new BigDecimal("4e-19"), 5_000_000_000_000_000_000L / 2)).isEqualTo(1);
  }

  @Test
  void azure2021SecondsOutOfRange() throws IOException {
    Path file = write(dir, "a.csv", "app,func,end_timestamp,duration\na,f,1e300,0\na,f,1,1e20\n");
    assertThat(skipped(options(TraceFormat.AZURE_2021, file).withOnBadRow(BadRowPolicy.SKIP))).containsExactly(
        "a.csv:2: end_timestamp '1e300' is out of range (allowed: 0 to 9223372036 seconds)",
        "a.csv:3: duration '1e20' is out of range (allowed: 0 to 9223372036 seconds)");
  }

  @Test
  void cloudwatchTimestampOf1e300IsOutOfRangeNotADuplicate() throws IOException {
    Path file = write(dir, "cw.json", """
        {"Datapoints": [
          {"Timestamp": 0, "Sum": 1},
          {"Timestamp": 1e300, "Sum": 1},
          {"Timestamp": -60, "Sum": 1},
          {"Timestamp": "9999-01-01T00:00:00Z", "Sum": 1},
          {"Timestamp": 120, "Sum": 1}
        ]}
        """);
    TraceOptions o = options(TraceFormat.CLOUDWATCH, file);
    assertThatThrownBy(() -> TraceReaders.check(o)).isInstanceOf(TraceException.class)
        .hasMessage("cw.json:3: Timestamp 1e300 is out of range (" + EPOCH_RANGE + ")");
    assertThat(skipped(o.withOnBadRow(BadRowPolicy.SKIP).withWithin(WithinPeriod.EVEN))).containsExactly(
        "cw.json:3: Timestamp 1e300 is out of range (" + EPOCH_RANGE + ")",
        "cw.json:4: Timestamp -60 is out of range (" + EPOCH_RANGE + ")",
        "cw.json:5: Timestamp 9999-01-01T00:00:00Z is out of range (" + EPOCH_RANGE + ")");
  }

  @Test
  void cloudwatchPeriodEndingAfter2262() throws IOException {
    Path file = write(dir, "cw.json", "{\"Datapoints\": [\n{\"Timestamp\": 0, \"Sum\": 1},\n"
        + "{\"Timestamp\": 9223372036, \"Sum\": 1}\n]}");
    assertThatThrownBy(() -> TraceReaders.check(options(TraceFormat.CLOUDWATCH, file).withPeriod(S)))
        .hasMessage("cw.json:3: the datapoint's period ends out of range (" + EPOCH_RANGE + ")");
  }

  @Test
  void cloudwatchSumAboveTheMaximumForItsPeriod() throws IOException {
    Path file = write(dir, "cw.json", """
        {"Datapoints": [
          {"Timestamp": 0, "Sum": 1e18},
          {"Timestamp": 60, "Sum": 1e300},
          {"Timestamp": 120, "Sum": 100000000},
          {"Timestamp": 180, "Sum": 100000001}
        ]}
        """);
    TraceOptions o = options(TraceFormat.CLOUDWATCH, file).withWithin(WithinPeriod.EVEN);
    assertThatThrownBy(() -> TraceReaders.check(o)).hasMessage(
        "cw.json:3: Sum 1e300 is out of range (" + PER_MINUTE + ")");
    TraceArrivals a = arrivals(o.withPeriod(MIN).withOnBadRow(BadRowPolicy.SKIP));
    // The maximum itself is replayed: 10^8 evenly in the minute at 2m, the first after 300 ns.
    assertThat(a.nextArrivalNanos()).isEqualTo(2 * MIN + 300);
    assertThat(a.badRows().firstSkipped()).containsExactly(
        "cw.json:3: Sum 1e300 is out of range (" + PER_MINUTE + ")",
        "cw.json:2: Sum 1000000000000000000 is out of range (" + PER_MINUTE + ")",
        "cw.json:5: Sum 100000001 is out of range (" + PER_MINUTE + ")");
    a.close();
  }

  @Test
  void cloudwatchMaximumIsProRataOfAMinute() throws IOException {
    Path file = write(dir, "cw.json", """
        {"MetricDataResults": [{"Id": "m", "Timestamps": [0, 1], "Values": [1666666, 1666667]}]}
        """);
    TraceOptions o = options(TraceFormat.CLOUDWATCH, file);
    assertThatThrownBy(() -> TraceReaders.check(o)).hasMessage("cw.json:1: value 1666667 is out of "
        + "range (allowed: 0 to 1666666 in a period of 1 s, at most 100000000 invocations a minute)");
    assertThat(TraceLimits.invocationsPer(5 * MIN)).isEqualTo(500_000_000L);
    assertThat(TraceLimits.invocationsPer(Long.MAX_VALUE)).isPositive();
  }

  @Test
  void azure2019CountAboveTheMaximum() throws IOException {
    Path file = write(dir, "d.csv", azure2019("o a f 1:99999999999", "o b g 3:7777777", "o c h 2:100000000")
        .replace(",7777777,", ",99999999999999999999999,"));
    TraceOptions o = options(TraceFormat.AZURE_2019, file).withWithin(WithinPeriod.EVEN);
    assertThatThrownBy(() -> instants(arrivals(o.withFunction("f")))).hasMessage(
        "d.csv:2: minute 1: count 99999999999 is out of range (" + PER_MINUTE + ")");
    assertThat(skipped(o.withOnBadRow(BadRowPolicy.SKIP).withFunction("a/f"))).containsExactly(
        "d.csv:2: minute 1: count 99999999999 is out of range (" + PER_MINUTE + ")");
    // The maximum itself is accepted (evenly placed, so no draws are needed to start).
    TraceArrivals h = arrivals(o.withFunction("h"));
    assertThat(h.nextArrivalNanos()).isEqualTo(MIN + 300);
    h.close();
    // Without a function the good rows add up; the day file is read whole at the first pull.
    TraceArrivals all = arrivals(o.withOnBadRow(BadRowPolicy.SKIP));
    assertThat(all.nextArrivalNanos()).isEqualTo(MIN + 300);
    all.close();
    assertThat(all.badRows().firstSkipped()).containsExactly(
        "d.csv:2: minute 1: count 99999999999 is out of range (" + PER_MINUTE + ")",
        "d.csv:3: minute 3: count 99999999999999999999999 is out of range (" + PER_MINUTE + ")");
  }

  @Test
  void azure2019RowsAddingUpAboveTheMaximum() throws IOException {
    Path file = write(dir, "d.csv", azure2019("o a f 7:60000000", "o b g 7:60000000"));
    assertThatThrownBy(() -> TraceReaders.open(options(TraceFormat.AZURE_2019, file), new Xoshiro256StarStar(1),
        new BadRows(BadRowPolicy.FAIL, "d.csv"))).hasMessage("d.csv: minute 7: the rows add up to "
            + "120000000 invocations, more than one function may have (" + PER_MINUTE
            + "); choose one with function:");
  }

  @Test
  void aFleetsAzure2019PassRefusesTheSameCounts() throws IOException {
    Path file = write(dir, "d.csv", azure2019("o a f 1:5", "o b g 2:99999999999"));
    TraceOptions o = options(TraceFormat.AZURE_2019, file);
    assertThatThrownBy(() -> TraceFunctions.read(o, 0, false, 0, Long.MAX_VALUE)).hasMessage(
        "d.csv:3: minute 2: count 99999999999 is out of range (" + PER_MINUTE + ")");
    TraceFunctions.Listing skip = TraceFunctions.read(o.withOnBadRow(BadRowPolicy.SKIP), 0, false, 0, Long.MAX_VALUE);
    assertThat(skip.functions()).extracting(TraceFunctions.Entry::id).containsExactly("o/a/f");
    assertThat(skip.skipped()).isEqualTo(1);
  }

  @Test
  void durationPercentilesOutOfRange() throws IOException {
    Path durations = write(dir, "durations.csv", "HashOwner,HashApp,HashFunction,Average,Count,"
        + "Minimum,Maximum,percentile_Average_0,percentile_Average_1,percentile_Average_25,"
        + "percentile_Average_50,percentile_Average_75,percentile_Average_99,percentile_Average_100\n"
        + "o,a,f,5,7,5,5,5,5,5,5,5,5,1e300\n");
    Path day = write(dir, "d.csv", azure2019("o a f 1:1"));
    TraceOptions o = options(TraceFormat.AZURE_2019, day).withFunction("f").withDurationsFile(durations, "durations.csv");
    assertThatThrownBy(() -> instants(arrivals(o))).hasMessage(
        "durations.csv:2: percentile_Average_100 '1e300' is out of range (allowed: 0 to 9223372036854 ms)");
  }

  @Test
  void anOffsetSaturatesInsteadOfWrappingAround() throws IOException {
    assertThat(TraceReader.shift(Long.MAX_VALUE - 5, 10)).isEqualTo(TraceReader.END - 1);
    assertThat(TraceReader.shift(Long.MIN_VALUE + 5, -10)).isEqualTo(Long.MIN_VALUE);
    assertThat(TraceReader.shift(3, 4)).isEqualTo(7);
    // A fleet's pass counts an azure-2021 start of ~285 years moved by as much again as the
    // replay does: after every instant, not wrapped around to before 0.
    Path file = write(dir, "a.csv", "app,func,end_timestamp,duration\na,f,9000000000,0\n");
    TraceFunctions.Listing listing = TraceFunctions.read(options(TraceFormat.AZURE_2021, file),
        9_000_000_000L * S, false, 0, Long.MAX_VALUE);
    assertThat(listing.functions()).containsExactly(new TraceFunctions.Entry("a/f", 1, 1));
  }
}
