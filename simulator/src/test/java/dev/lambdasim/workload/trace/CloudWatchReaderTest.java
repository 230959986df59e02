package dev.lambdasim.workload.trace;

import dev.lambdasim.workload.TraceArrivals;

import dev.lambdasim.spec.BadRowPolicy;

import dev.lambdasim.spec.TraceFormat;

import dev.lambdasim.spec.TraceOptions;
import dev.lambdasim.spec.WithinPeriod;

import static dev.lambdasim.workload.trace.Traces.MIN;
import static dev.lambdasim.workload.trace.Traces.S;
import static dev.lambdasim.workload.trace.Traces.arrivals;
import static dev.lambdasim.workload.trace.Traces.instants;
import static dev.lambdasim.workload.trace.Traces.options;
import static dev.lambdasim.workload.trace.Traces.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cloudwatch format replays the Sum of each period of a get-metric-statistics or
 * get-metric-data export in time order (whatever order the export lists them in), from the
 * earliest period, with the period given or inferred; bad datapoints are located by line.
 */
final class CloudWatchReaderTest {

  @TempDir
  Path dir;

  private TraceOptions even(Path file) {
    return options(TraceFormat.CLOUDWATCH, file).withWithin(WithinPeriod.EVEN);
  }

  @Test
  void getMetricStatisticsInAnyOrder() throws IOException {
    Path file = write(dir, "cw.json", """
        {
          "Label": "Invocations",
          "Datapoints": [
            {"Timestamp": "2024-03-01T10:02:00+00:00", "Sum": 1.0, "Unit": "Count"},
            {"Timestamp": "2024-03-01T10:00:00Z", "Sum": 2.0, "Unit": "Count"}
          ]
        }
        """);
    // Period inferred: 2 minutes (the only gap); 10:00 holds 2, 10:02 holds 1.
    assertThat(instants(arrivals(even(file)))).containsExactly(30 * S, 90 * S, 2 * MIN + 2 * MIN / 2);
    assertThat(instants(arrivals(even(file).withPeriod(MIN))))
        .containsExactly(15 * S, 45 * S, 2 * MIN + 30 * S);
  }

  @Test
  void getMetricDataNewestFirstWithSelection() throws IOException {
    Path file = write(dir, "cw.json", """
        {"MetricDataResults": [
          {"Id": "errors", "Label": "Errors", "Timestamps": ["2024-03-01T10:00:00Z"], "Values": [9]},
          {"Id": "m1", "Label": "Invocations",
           "Timestamps": ["2024-03-01T10:10:00Z", "2024-03-01T10:05:00Z", "2024-03-01T10:00:00Z"],
           "Values": [1, 0, 2], "StatusCode": "Complete"}
        ], "Messages": []}
        """);
    assertThat(instants(arrivals(even(file).withFunction("m1"))))
        .containsExactly(75 * S, 225 * S, 10 * MIN + 150 * S);
    assertThat(instants(arrivals(even(file).withFunction("Invocations")))).hasSize(3);
    assertThatThrownBy(() -> TraceReaders.check(even(file))).isInstanceOf(TraceException.class)
        .hasMessage("cw.json: the export holds 2 results (errors, m1); choose one with function: <Id or Label>");
  }

  @Test
  void epochSecondsAndRandomPlacementInsideEachPeriod() throws IOException {
    Path file = write(dir, "cw.json", """
        {"Datapoints": [{"Timestamp": 1709287200, "Sum": 50}, {"Timestamp": 1709287500, "Sum": 20}]}
        """);
    long[] t = instants(arrivals(options(TraceFormat.CLOUDWATCH, file)));
    assertThat(t).hasSize(70).isSorted();
    assertThat(java.util.Arrays.stream(t).filter(x -> x < 5 * MIN).count()).isEqualTo(50);
  }

  @Test
  void badDatapointsAreLocated() throws IOException {
    Path file = write(dir, "cw.json", """
        {"Datapoints": [
          {"Timestamp": "2024-03-01T10:00:00Z", "Sum": 2},
          {"Timestamp": "2024-03-01T10:01:00Z", "Sum": 1.5},
          {"Timestamp": "2024-03-01T10:02:00Z", "Average": 3},
          {"Timestamp": "yesterday", "Sum": 1}
        ]}
        """);
    assertThatThrownBy(() -> TraceReaders.check(even(file)))
        .hasMessage("cw.json:3: Sum 1.5 is not a count (a whole number >= 0)");
    TraceArrivals skip = arrivals(even(file).withPeriod(MIN).withOnBadRow(BadRowPolicy.SKIP));
    assertThat(instants(skip)).hasSize(2);
    assertThat(skip.badRows().firstSkipped()).containsExactly(
        "cw.json:3: Sum 1.5 is not a count (a whole number >= 0)",
        "cw.json:4: the datapoint has no Sum (export the Sum statistic of Invocations)",
        "cw.json:5: the datapoint's Timestamp or Sum is malformed");
  }

  @Test
  void singleDatapointNeedsAPeriod() throws IOException {
    Path file = write(dir, "cw.json", "{\"Datapoints\": [{\"Timestamp\": 0, \"Sum\": 3}]}");
    assertThatThrownBy(() -> TraceReaders.check(even(file))).hasMessageContaining(
        "set the period option");
    assertThat(instants(arrivals(even(file).withPeriod(MIN)))).containsExactly(10 * S, 30 * S, 50 * S);
  }

  @Test
  void notJson() throws IOException {
    Path file = write(dir, "cw.json", "{\n\"Datapoints\": [\n{,}\n]}");
    assertThatThrownBy(() -> TraceReaders.check(even(file)))
        .hasMessageStartingWith("cw.json:3: is not valid JSON");
  }
}
