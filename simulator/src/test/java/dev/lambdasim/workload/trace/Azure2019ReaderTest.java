package dev.lambdasim.workload.trace;

import dev.lambdasim.workload.TraceArrivals;

import dev.lambdasim.spec.BadRowPolicy;

import dev.lambdasim.spec.TraceFormat;

import dev.lambdasim.spec.TraceOptions;
import dev.lambdasim.spec.WithinPeriod;

import static dev.lambdasim.workload.trace.Traces.MIN;
import static dev.lambdasim.workload.trace.Traces.S;
import static dev.lambdasim.workload.trace.Traces.arrivals;
import static dev.lambdasim.workload.trace.Traces.azure2019;
import static dev.lambdasim.workload.trace.Traces.instants;
import static dev.lambdasim.workload.trace.Traces.options;
import static dev.lambdasim.workload.trace.Traces.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The azure-2019 format replays exactly each minute's count of the selected row within that
 * minute, evenly at known instants or randomly (reproducibly, from the source's stream); a
 * function is found by hash, app/func or owner/app/func, and an ambiguous or unknown one stops
 * the run.
 */
final class Azure2019ReaderTest {

  @TempDir
  Path dir;

  private Path day() throws IOException {
    return write(dir, "d01.csv", azure2019("o1 a1 f1 1:2 3:1 1440:4", "o2 a2 f2 2:5", "o3 a3 f1 1:1"));
  }

  private TraceOptions azure(Path file) {
    return options(TraceFormat.AZURE_2019, file);
  }

  @Test
  void evenPlacesEachMinutesCountAtKnownInstants() throws IOException {
    TraceOptions o = azure(day()).withFunction("a1/f1").withWithin(WithinPeriod.EVEN);
    assertThat(instants(arrivals(o))).containsExactly(15 * S, 45 * S, 2 * MIN + 30 * S,
        1439 * MIN + 7_500_000_000L, 1439 * MIN + 22_500_000_000L, 1439 * MIN + 37_500_000_000L,
        1439 * MIN + 52_500_000_000L);
  }

  @Test
  void randomPlacementsKeepEveryCountInItsMinute() throws IOException {
    Path file = write(dir, "d.csv", azure2019("o a f 1:1000 2:1 3:0 4:7"));
    for (WithinPeriod w : new WithinPeriod[] {WithinPeriod.POISSON, WithinPeriod.UNIFORM}) {
      long[] t = instants(arrivals(azure(file).withWithin(w)));
      long[] perMinute = new long[5];
      for (long x : t) {
        perMinute[(int) (x / MIN)]++;
      }
      assertThat(perMinute).as(w.label()).containsExactly(1000, 1, 0, 7, 0);
      assertThat(t).as(w.label()).isSorted();
      assertThat(instants(arrivals(azure(file).withWithin(w)))).as("same seed, same instants").isEqualTo(t);
    }
  }

  @Test
  void poissonPlacementLooksUniformWithinTheMinute() throws IOException {
    Path file = write(dir, "d.csv", azure2019("o a f 1:100000"));
    long[] t = instants(arrivals(azure(file)));
    long[] tenths = new long[10];
    for (long x : t) {
      tenths[(int) (x * 10 / MIN)]++;
    }
    // Each tenth holds Binomial(100000, 0.1): sd 95, so 10,000 ± 500 is a 5-sigma bound.
    assertThat(Arrays.stream(tenths).allMatch(c -> Math.abs(c - 10_000) < 500)).as(Arrays.toString(tenths)).isTrue();
  }

  @Test
  void dayShiftsTheFile() throws IOException {
    TraceOptions o = azure(day()).withFunction("o2/a2/f2").withWithin(WithinPeriod.EVEN).withDay(3);
    long dayThree = 2 * 1440 * MIN;
    assertThat(instants(arrivals(o))).containsExactly(dayThree + MIN + 6 * S, dayThree + MIN + 18 * S,
        dayThree + MIN + 30 * S, dayThree + MIN + 42 * S, dayThree + MIN + 54 * S);
  }

  @Test
  void withoutFunctionEveryRowAddsUp() throws IOException {
    assertThat(instants(arrivals(azure(day())))).hasSize(2 + 1 + 4 + 5 + 1);
  }

  @Test
  void bareHashOfTwoAppsIsAmbiguous() throws IOException {
    Path file = day();
    assertThatThrownBy(() -> instants(arrivals(azure(file).withFunction("f1"))))
        .isInstanceOf(TraceException.class)
        .hasMessage("d01.csv:4: function 'f1' matches this row (o3/a3/f1) and line 2 (o1/a1/f1); "
            + "name it by HashOwner/HashApp/HashFunction");
  }

  @Test
  void unknownFunction() throws IOException {
    Path file = day();
    assertThatThrownBy(() -> instants(arrivals(azure(file).withFunction("nope"))))
        .hasMessageStartingWith("d01.csv: no row for function 'nope' among 3 rows");
  }

  @Test
  void malformedCountOfTheSelectedRow() throws IOException {
    Path file = write(dir, "d.csv", azure2019("o a f 1:1", "o b g 2:1").replace(",http,1,", ",http,x,"));
    assertThatThrownBy(() -> instants(arrivals(azure(file).withFunction("a/f"))))
        .hasMessage("d.csv:2: minute 1: 'x' is not a count (an integer >= 0)");
    TraceArrivals skip = arrivals(azure(file).withOnBadRow(BadRowPolicy.SKIP));
    assertThat(instants(skip)).hasSize(1);
    assertThat(skip.badRows().skipped()).isEqualTo(1);
  }

  @Test
  void missingMinuteColumn() throws IOException {
    Path file = write(dir, "d.csv", azure2019().replace(",1440\n", "\n"));
    assertThatThrownBy(() -> TraceReaders.check(azure(file)))
        .hasMessageStartingWith("d.csv:1: the header has no column '1440', which the azure-2019 format needs");
  }

  private static final String DURATION_HEADER = "HashOwner,HashApp,HashFunction,Average,Count,Minimum,"
      + "Maximum,percentile_Average_0,percentile_Average_1,percentile_Average_25,"
      + "percentile_Average_50,percentile_Average_75,percentile_Average_99,percentile_Average_100\n";

  @Test
  void durationPercentilesDriveHandlerTime() throws IOException {
    Path durations = write(dir, "durations.csv", DURATION_HEADER
        + "o1,a1,f1,5,7,5,5,5,5,5,5,5,5,5\n"
        + "o2,a2,f2,50,5,10,900,10,11,20,40,80,600,900\n");
    TraceOptions constant = azure(day()).withFunction("a1/f1").withDurationsFile(durations, "durations.csv");
    assertThat(Traces.drain(arrivals(constant))).hasSize(7)
        .allMatch(a -> a.durationNanos() == 5_000_000L);
    TraceOptions spread = azure(write(dir, "d.csv", azure2019("o2 a2 f2 1:10000")))
        .withFunction("f2").withDurationsFile(durations, "durations.csv");
    long[] d = Traces.drain(arrivals(spread)).stream().mapToLong(Traces.Arrival::durationNanos).sorted().toArray();
    assertThat(d[0]).isGreaterThanOrEqualTo(10_000_000L);
    assertThat(d[d.length - 1]).isLessThanOrEqualTo(900_000_000L);
    // The median of 10,000 draws is near p50 = 40 ms (the 25..75 segment is 20..80 ms wide).
    assertThat(d[d.length / 2]).isBetween(37_000_000L, 43_000_000L);
  }

  @Test
  void durationsWithoutTheFunctionsRow() throws IOException {
    Path durations = write(dir, "durations.csv", DURATION_HEADER + "o1,a1,f1,5,7,5,5,5,5,5,5,5,5,5\n");
    TraceOptions o = azure(day()).withFunction("f2").withDurationsFile(durations, "durations.csv");
    assertThatThrownBy(() -> instants(arrivals(o))).hasMessage("durations.csv: no row for function 'f2'");
    Path bad = write(dir, "bad.csv", DURATION_HEADER.replace("percentile_Average_99,", ""));
    TraceOptions missing = azure(day()).withFunction("f2").withDurationsFile(bad, "bad.csv");
    assertThatThrownBy(() -> TraceReaders.check(missing))
        .hasMessageStartingWith("bad.csv:1: the header has no column 'percentile_Average_99'");
  }
}
