package dev.lambdasim.workload.trace;

import dev.lambdasim.workload.TraceArrivals;

import dev.lambdasim.spec.BadRowPolicy;

import dev.lambdasim.spec.TraceFormat;

import dev.lambdasim.spec.TraceOptions;

import static dev.lambdasim.workload.trace.Traces.MS;
import static dev.lambdasim.workload.trace.Traces.S;
import static dev.lambdasim.workload.trace.Traces.arrivals;
import static dev.lambdasim.workload.trace.Traces.drain;
import static dev.lambdasim.workload.trace.Traces.instants;
import static dev.lambdasim.workload.trace.Traces.options;
import static dev.lambdasim.workload.trace.Traces.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdasim.workload.ArrivalProcess;
import dev.lambdasim.workload.trace.Traces.Arrival;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The azure-2021 format replays each selected row at its start, end_timestamp − duration, in
 * exact nanoseconds; rows must be ordered by start (not by end); the durations drive handler
 * time only with useDurations; the shipped 199-row sample replays whole and in order.
 */
final class Azure2021ReaderTest {

  private static final Path SAMPLE = Path.of("..", "scenarios", "traces", "azure2021_first199.csv");
  private static final String HEADER = "app,func,end_timestamp,duration\n";

  @TempDir
  Path dir;

  private TraceOptions azure(Path file) {
    return options(TraceFormat.AZURE_2021, file);
  }

  @Test
  void startIsEndMinusDurationAndOrderIsByStart() throws IOException {
    // Ends are out of order (2.5 after 10.0); starts are not: 0.5, 1.0, 2.0.
    Path file = write(dir, "a.csv", HEADER + "a,f,10.0,9.5\na,g,2.5,1.5\nb,f,2.0,0.0\n");
    TraceOptions o = azure(file).withUseDurations(true);
    assertThat(drain(arrivals(o))).containsExactly(new Arrival(500 * MS, 9500 * MS),
        new Arrival(S, 1500 * MS), new Arrival(2 * S, 0));
  }

  @Test
  void durationsDriveHandlerTimeOnlyWhenAsked() throws IOException {
    Path file = write(dir, "a.csv", HEADER + "a,f,1.25,0.25\n");
    assertThat(drain(arrivals(azure(file)))).containsExactly(new Arrival(S, ArrivalProcess.NO_DURATION));
  }

  @Test
  void selectsAppFuncOrApp() throws IOException {
    Path file = write(dir, "a.csv", HEADER + "a,f,1,0\na,g,2,0\nb,f,3,0\na,f,4,0\n");
    assertThat(instants(arrivals(azure(file).withFunction("a/f")))).containsExactly(S, 4 * S);
    assertThat(instants(arrivals(azure(file).withFunction("a")))).containsExactly(S, 2 * S, 4 * S);
    assertThat(instants(arrivals(azure(file)))).containsExactly(S, 2 * S, 3 * S, 4 * S);
  }

  @Test
  void startBeforeThePreviousStartNamesBothLines() throws IOException {
    Path file = write(dir, "a.csv", HEADER + "a,f,5,1\na,f,5,2\n");
    assertThatThrownBy(() -> drain(arrivals(azure(file)))).isInstanceOf(TraceException.class)
        .hasMessage("a.csv:3: start 3 s (end_timestamp - duration) is before the start 4 s on "
            + "line 2; rows must be ordered by start");
  }

  @Test
  void orderIsCheckedAmongTheSelectedRows() throws IOException {
    Path file = write(dir, "a.csv", HEADER + "a,f,5,0\nb,f,1,0\na,f,6,0\n");
    assertThat(instants(arrivals(azure(file).withFunction("a/f")))).containsExactly(5 * S, 6 * S);
  }

  @Test
  void badRows() throws IOException {
    Path file = write(dir, "a.csv", HEADER + "a,f,x,0\na,f,1,-1\na,f,1,2\na,f,3\n");
    TraceArrivals a = arrivals(azure(file).withOnBadRow(BadRowPolicy.SKIP));
    assertThat(instants(a)).isEmpty();
    assertThat(a.badRows().firstSkipped()).containsExactly(
        "a.csv:2: end_timestamp 'x' is not a number of seconds >= 0",
        "a.csv:3: duration '-1' is not a number of seconds >= 0",
        "a.csv:4: the invocation starts before the trace: end_timestamp 1 - duration 2 < 0",
        "a.csv:5: the row has 3 fields, the header 4");
    assertThatThrownBy(() -> drain(arrivals(azure(file)))).hasMessage(
        "a.csv:2: end_timestamp 'x' is not a number of seconds >= 0");
  }

  @Test
  void missingColumn() throws IOException {
    Path file = write(dir, "a.csv", "app,func,end,duration\n");
    assertThatThrownBy(() -> TraceReaders.check(azure(file))).hasMessage(
        "a.csv:1: the header has no column 'end_timestamp', which the azure-2021 format needs "
            + "(header: app,func,end,duration)");
  }

  @Test
  void theSampleReplaysAll199RowsInStartOrder() {
    TraceOptions o = TraceOptions.defaults(TraceFormat.AZURE_2021, SAMPLE).withUseDurations(true);
    TraceReaders.check(o);
    List<Arrival> all = drain(arrivals(o));
    assertThat(all).hasSize(199);
    // First row: end 0.07949090003967285, duration 0.078 (nine decimals kept, the rest truncated).
    assertThat(all.get(0)).isEqualTo(new Arrival(79_490_900 - 78_000_000, 78_000_000));
    assertThat(all.get(198).nanos()).isBetween(1200 * S, 1201 * S);
    assertThat(all.stream().mapToLong(Arrival::durationNanos).max().getAsLong()).isEqualTo(404_987 * MS);
    assertThat(all.stream().filter(a -> a.durationNanos() == 0)).isNotEmpty();
  }

  @Test
  void theSampleSelectsOneFunction() {
    TraceOptions o = TraceOptions.defaults(TraceFormat.AZURE_2021, SAMPLE).withFunction(
        "734272c01926d19690e5ec308bab64ef97950b75b1c7582283e0783fce1751d8/"
            + "556ccf8758c8c2a20082c161e955405e950439f0503522fe129e709a5dc0e58f");
    assertThat(instants(arrivals(o))).hasSize(32);
  }
}
