package dev.lambdasim.workload.trace;

import dev.lambdasim.workload.TraceArrivals;

import dev.lambdasim.spec.BadRowPolicy;

import dev.lambdasim.spec.TraceFormat;

import dev.lambdasim.spec.Column;
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

import dev.lambdasim.random.Xoshiro256StarStar;
import dev.lambdasim.workload.ArrivalProcess;
import dev.lambdasim.workload.trace.Traces.Arrival;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The timestamps format replays each row at its exact instant (decimal units converted to whole
 * nanoseconds without floating point), with its duration column when one is named, through
 * gzip too; every bad row stops the replay with file:line unless it is skipped and counted.
 */
final class TimestampsReaderTest {

  @TempDir
  Path dir;

  private TraceOptions ms(Path file) {
    return options(TraceFormat.TIMESTAMPS, file).withColumn(Column.named("t"), MS);
  }

  @Test
  void exactInstantsInTheUnit() throws IOException {
    Path file = write(dir, "t.csv", "t\n0\n1.5\n1.5\n250.000001\n3000\n");
    assertThat(instants(arrivals(ms(file))))
        .containsExactly(0, 1_500_000, 1_500_000, 250_000_001, 3000 * MS);
  }

  @Test
  void columnByIndexAndByNameWithDurations() throws IOException {
    Path file = write(dir, "t.csv", "id,dur_ms,ts\na,12.5,1\nb,0,2\n");
    TraceOptions o = options(TraceFormat.TIMESTAMPS, file).withColumn(Column.at(2), S)
        .withDurationColumn(Column.named("dur_ms"), MS);
    assertThat(drain(arrivals(o))).containsExactly(new Arrival(S, 12_500_000), new Arrival(2 * S, 0));
  }

  @Test
  void withoutDurationColumnTheFunctionDrawsHandlerTime() throws IOException {
    Path file = write(dir, "t.csv", "t\n1\n");
    assertThat(drain(arrivals(ms(file)))).containsExactly(new Arrival(MS, ArrivalProcess.NO_DURATION));
  }

  @Test
  void quotedFieldsCrlfByteOrderMarkAndBlankLines() throws IOException {
    Path file = write(dir, "t.csv", "\uFEFF\"t\",\"note\"\r\n\"5\",\"a, b\"\r\n\r\n 7 ,x\r\n");
    assertThat(instants(arrivals(ms(file)))).containsExactly(5 * MS, 7 * MS);
  }

  @Test
  void scientificNotation() throws IOException {
    Path file = write(dir, "t.csv", "t\n5e-05\n1.5E3\n");
    TraceOptions o = options(TraceFormat.TIMESTAMPS, file).withColumn(Column.at(0), S);
    assertThat(instants(arrivals(o))).containsExactly(50_000, 1500 * S);
  }

  @Test
  void offsetWindowAndFirst() throws IOException {
    Path file = write(dir, "t.csv", "t\n1000\n1001\n1002\n1003\n");
    TraceOptions o = ms(file);
    var shifted = new TraceArrivals(o, new Xoshiro256StarStar(1), -1001 * MS, false, 0, 2 * MS);
    assertThat(instants(shifted)).containsExactly(0, MS);
    var first = new TraceArrivals(o, new Xoshiro256StarStar(1), 0, true, MS, Long.MAX_VALUE);
    assertThat(instants(first)).containsExactly(MS, 2 * MS, 3 * MS);
  }

  @Test
  void gzipIsReadTransparentlyWhateverItsName() throws IOException {
    String text = "t\n1\n2\n3\n";
    Path gz = Traces.gzip(dir, "t.csv.gz", text);
    Path unnamed = Traces.gzip(dir, "t-compressed.csv", text);
    assertThat(instants(arrivals(ms(gz)))).containsExactly(MS, 2 * MS, 3 * MS);
    assertThat(instants(arrivals(ms(unnamed)))).containsExactly(MS, 2 * MS, 3 * MS);
  }

  @Test
  void malformedNumberNamesItsLine() throws IOException {
    Path file = write(dir, "t.csv", "t\n1\n2\nabc\n4\n");
    TraceArrivals a = arrivals(ms(file));
    assertThatThrownBy(() -> drain(a)).isInstanceOf(TraceException.class)
        .hasMessage("t.csv:4: 'abc' is not a number (column 0)");
  }

  @Test
  void timestampBackInTimeNamesBothLines() throws IOException {
    Path file = write(dir, "t.csv", "t\n1\n5\n3\n");
    assertThatThrownBy(() -> drain(arrivals(ms(file)))).isInstanceOf(TraceException.class)
        .hasMessage("t.csv:4: timestamp 3 is before the one on line 3; rows must be in time order");
  }

  @Test
  void tooFewFields() throws IOException {
    Path file = write(dir, "t.csv", "a,t\n1,2\n3\n");
    TraceOptions o = options(TraceFormat.TIMESTAMPS, file).withColumn(Column.named("t"), MS);
    assertThatThrownBy(() -> drain(arrivals(o))).hasMessage(
        "t.csv:3: the row has 1 field, too few for column 1");
  }

  @Test
  void negativeDuration() throws IOException {
    Path file = write(dir, "t.csv", "t,d\n1,-2\n");
    TraceOptions o = ms(file).withDurationColumn(Column.named("d"), MS);
    assertThatThrownBy(() -> drain(arrivals(o))).hasMessage(
        "t.csv:2: '-2' is not a duration >= 0 (column 1)");
  }

  @Test
  void missingColumnAtLoadAndAtOpen() throws IOException {
    Path file = write(dir, "t.csv", "time,dur\n1,2\n");
    TraceOptions o = ms(file);
    assertThatThrownBy(() -> TraceReaders.check(o)).isInstanceOf(TraceException.class)
        .hasMessage("t.csv:1: the header has no column 't' (option column; header: time,dur)");
    assertThatThrownBy(() -> drain(arrivals(o))).hasMessageStartingWith("t.csv:1: the header has no column 't'");
    TraceOptions index = o.withColumn(Column.at(5), MS);
    assertThatThrownBy(() -> TraceReaders.check(index))
        .hasMessageContaining("no column 5").hasMessageContaining("columns are counted from 0");
  }

  @Test
  void emptyFile() throws IOException {
    Path file = write(dir, "t.csv", "");
    assertThatThrownBy(() -> TraceReaders.check(ms(file)))
        .hasMessage("t.csv: the file is empty; expected a header line");
  }

  @Test
  void notUtf8() throws IOException {
    Path file = dir.resolve("t.csv");
    Files.write(file, new byte[] {'t', '\n', '1', '\n', (byte) 0xff, (byte) 0xfe, '\n'});
    assertThatThrownBy(() -> drain(arrivals(ms(file)))).isInstanceOf(TraceException.class)
        .hasMessageContaining("t.csv:").hasMessageContaining("is not valid UTF-8 text");
  }

  @Test
  void truncatedGzipIsAnErrorNotAnEnd() throws IOException {
    StringBuilder text = new StringBuilder("t\n");
    for (int i = 0; i < 100_000; i++) {
      text.append(i).append('\n');
    }
    Path whole = Traces.gzip(dir, "whole.csv.gz", text.toString());
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = dir.resolve("t.csv.gz");
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> drain(arrivals(ms(cut)))).isInstanceOf(TraceException.class)
        .hasMessageContaining("t.csv.gz:").hasMessageContaining("gzip data ends too early");
  }

  @Test
  void skippedRowsAreCountedWithTheirLines() throws IOException {
    Path file = write(dir, "t.csv", "t\n1\nx\n3\n2\n\n4\n,\n");
    TraceArrivals a = arrivals(ms(file).withOnBadRow(BadRowPolicy.SKIP));
    assertThat(instants(a)).containsExactly(MS, 3 * MS, 4 * MS);
    assertThat(a.badRows().skipped()).isEqualTo(3);
    assertThat(a.badRows().firstSkipped()).containsExactly(
        "t.csv:3: 'x' is not a number (column 0)",
        "t.csv:5: timestamp 2 is before the one on line 4; rows must be in time order",
        "t.csv:8: '' is not a number (column 0)");
  }

  @Test
  void onlyTheFirstSkippedRowsAreKept() throws IOException {
    StringBuilder text = new StringBuilder("t\n");
    for (int i = 0; i < 25; i++) {
      text.append("bad\n");
    }
    TraceArrivals a = arrivals(ms(write(dir, "t.csv", text.toString())).withOnBadRow(BadRowPolicy.SKIP));
    assertThat(instants(a)).isEmpty();
    assertThat(a.badRows().skipped()).isEqualTo(25);
    assertThat(a.badRows().firstSkipped()).hasSize(BadRows.KEPT).first().asString().startsWith("t.csv:2:");
  }

  @Test
  void fileIsOpenedAtTheFirstPullNotBefore() throws IOException {
    Path file = dir.resolve("later.csv");
    TraceArrivals a = arrivals(ms(file));
    write(dir, "later.csv", "t\n9\n");
    assertThat(instants(a)).containsExactly(9 * MS);
  }

  @Test
  void missingFileAtRunTime() {
    assertThatThrownBy(() -> drain(arrivals(ms(dir.resolve("gone.csv")))))
        .hasMessage("gone.csv: no such file");
  }
}
