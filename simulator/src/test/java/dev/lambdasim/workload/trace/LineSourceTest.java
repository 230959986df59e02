package dev.lambdasim.workload.trace;

import static dev.lambdasim.workload.trace.Traces.MS;
import static dev.lambdasim.workload.trace.Traces.arrivals;
import static dev.lambdasim.workload.trace.Traces.instants;
import static dev.lambdasim.workload.trace.Traces.options;
import static dev.lambdasim.workload.trace.Traces.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdasim.spec.BadRowPolicy;
import dev.lambdasim.spec.Column;
import dev.lambdasim.spec.TraceFormat;
import dev.lambdasim.spec.TraceOptions;
import dev.lambdasim.workload.TraceArrivals;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trace files are read line by line in bounded chunks: lines split as BufferedReader splits
 * them, a line longer than the cap is a located bad row (skipped and counted under skip) and is
 * never built, blank lines of spaces and tabs are ignored, and a file that is not a complete
 * regular file is refused with what it is.
 */
final class LineSourceTest {

  private static final String TOO_LONG = "the line is longer than 65536 characters, the most a "
      + "trace line may hold (allowed: up to 65536)";

  @TempDir
  Path dir;

  private TraceOptions ms(Path file) {
    return options(TraceFormat.TIMESTAMPS, file).withColumn(Column.named("t"), MS);
  }

  private static String digits(int length) {
    return "1".repeat(length);
  }

  @Test
  void aLineJustOverTheCapIsALocatedBadRow() throws IOException {
    Path file = write(dir, "t.csv", "t\n1\n" + digits(70 * 1024) + "\n3\n");
    assertThatThrownBy(() -> instants(arrivals(ms(file)))).isInstanceOf(TraceException.class)
        .hasMessage("t.csv:3: " + TOO_LONG);
  }

  @Test
  void underSkipALineTooLongIsSkippedAndCountedAndLaterLinesKeepTheirNumbers() throws IOException {
    Path file = write(dir, "t.csv", "t\n1\n" + digits(70 * 1024) + "\n3\nx\n");
    TraceArrivals a = arrivals(ms(file).withOnBadRow(BadRowPolicy.SKIP));
    assertThat(instants(a)).containsExactly(MS, 3 * MS);
    assertThat(a.badRows().skipped()).isEqualTo(2);
    assertThat(a.badRows().firstSkipped()).containsExactly("t.csv:3: " + TOO_LONG,
        "t.csv:5: 'x' is not a number (column 0)");
  }

  @Test
  void aLineOfExactlyTheCapIsRead() throws IOException {
    String longest = "0".repeat(TraceLimits.LINE_CHARS - 1) + "7";
    Path file = write(dir, "t.csv", "t\n" + longest + "\r\n" + longest);
    assertThat(instants(arrivals(ms(file)))).containsExactly(7 * MS, 7 * MS);
  }

  @Test
  void aLongHeaderStopsTheLoad() throws IOException {
    Path file = write(dir, "t.csv", "t," + "x".repeat(70 * 1024) + "\n1\n");
    assertThatThrownBy(() -> TraceReaders.check(ms(file))).hasMessage("t.csv:1: " + TOO_LONG);
  }

  @Test
  void whitespaceOnlyLinesAreIgnoredLikeBlankOnes() throws IOException {
    Path file = write(dir, "t.csv", "t\n1\n   \n\t\n \t \n2\n");
    TraceArrivals a = arrivals(ms(file));
    assertThat(instants(a)).containsExactly(MS, 2 * MS);
    assertThat(a.badRows().skipped()).isZero();
  }

  @Test
  void whitespaceOnlyLinesInTheAzureFormats() throws IOException {
    Path a21 = write(dir, "a.csv", "app,func,end_timestamp,duration\na,f,1,0\n  \na,f,2,0\n\t\n");
    assertThat(instants(arrivals(options(TraceFormat.AZURE_2021, a21)))).hasSize(2);
    String day = Traces.azure2019("o a f 1:2");
    Path a19 = write(dir, "d.csv", day.replaceFirst("\n", "\n \n"));
    assertThat(instants(arrivals(options(TraceFormat.AZURE_2019, a19).withFunction("f")))).hasSize(2);
  }

  @Test
  void linesSplitAsBufferedReaderSplitsThemWhateverTheChunkBoundaries() throws IOException {
    Random random = new Random(7);
    String alphabet = "ab\r\n\r\n ";
    for (int round = 0; round < 40; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(3 * (1 << 14));
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      Path file = write(dir, "r.txt", text.toString());
      List<String> expected = new ArrayList<>();
      try (BufferedReader reader = new BufferedReader(new StringReader(text.toString()))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          expected.add(line);
        }
      }
      List<String> actual = new ArrayList<>();
      try (LineSource lines = LineSource.open(file, "r.txt")) {
        for (String line = lines.next(); line != null; line = lines.next()) {
          actual.add(line);
          assertThat(lines.line()).isEqualTo(actual.size());
        }
      }
      assertThat(actual).as("round %d", round).isEqualTo(expected);
    }
  }

  @Test
  void aGzipFileOfOnlyItsMagicBytes() throws IOException {
    Path file = dir.resolve("m.csv");
    Files.write(file, new byte[] {0x1f, (byte) 0x8b});
    String message = "m.csv: not a complete gzip file (unexpected end of compressed data)";
    assertThatThrownBy(() -> TraceReaders.check(ms(file))).hasMessage(message);
    assertThatThrownBy(() -> instants(arrivals(ms(file)))).hasMessage(message);
    assertThatThrownBy(() -> TraceReaders.check(options(TraceFormat.CLOUDWATCH, file))).hasMessage(message);
  }

  @Test
  void aFolderIsNotAFile() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("traces.csv"));
    for (TraceFormat format : TraceFormat.values()) {
      assertThatThrownBy(() -> TraceReaders.check(options(format, folder)))
          .hasMessage("traces.csv: is a folder, not a file");
    }
    assertThatThrownBy(() -> instants(arrivals(ms(folder)))).hasMessage("traces.csv: is a folder, not a file");
  }

  @Test
  void aFifoIsRefusedBeforeItIsOpened() throws IOException, InterruptedException {
    Path fifo = dir.resolve("fifo.csv");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
    // Opening a FIFO for reading blocks until a writer comes: the check must not open it.
    String message = "fifo.csv: is not a regular file (a FIFO, device or socket); a trace must be a file";
    assertThatThrownBy(() -> TraceReaders.check(ms(fifo))).hasMessage(message);
    assertThatThrownBy(() -> TraceReaders.check(options(TraceFormat.CLOUDWATCH, fifo))).hasMessage(message);
    assertThatThrownBy(() -> instants(arrivals(ms(fifo)))).hasMessage(message);
  }

  @Test
  void aDeviceIsNotARegularFile() {
    Path zero = Path.of("/dev/zero");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero), "no /dev/zero here");
    TraceOptions o = TraceOptions.defaults(TraceFormat.TIMESTAMPS, zero).withColumn(Column.at(0), MS);
    assertThatThrownBy(() -> TraceReaders.check(o))
        .hasMessage("/dev/zero: is not a regular file (a FIFO, device or socket); a trace must be a file");
  }
}
