package dev.lambdasim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input inside a trace found while running exits 2 with {@code file:line: what is wrong}
 * and publishes no folder (nor leaves a partial one); skipped rows are said on stderr and a
 * missing column is a load-time error located in the trace file.
 */
final class TraceCliTest {

  @TempDir Path dir;

  private Path scenario(String trace) throws IOException {
    return Cli.write(dir, "s.yaml", String.join("\n",
        "name: replay",
        "duration: 1m",
        "functions:",
        "  - name: api",
        "    duration: {dist: constant, value: 10ms}",
        "    traffic:",
        "      - trace: " + trace,
        ""));
  }

  @Test
  void badRowExits2WithItsLineAndPublishesNothing() throws IOException {
    Cli.write(dir, "t.csv", "t\n1\n2\nlate\n");
    Path s = scenario("{file: t.csv, format: timestamps, unit: s}");
    Path out = dir.resolve("out");

    Cli.Result result = Cli.execute("run", s, "--out", out, "--no-report");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.errLines()).containsExactly(dir.resolve("t.csv") + ":4: 'late' is not a number (column 0)");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void skippedRowsAreSaidOnStderr() throws IOException {
    Cli.write(dir, "t.csv", "t\n1\nx\n2\n");
    Path s = scenario("{file: t.csv, format: timestamps, unit: s, onBadRow: skip}");

    Cli.Result result = Cli.execute("run", s, "--out", dir.resolve("out"), "--no-report");

    assertThat(result.code()).isZero();
    assertThat(result.err()).contains("api: skipped 1 bad trace row (onBadRow: skip), the first: "
        + dir.resolve("t.csv") + ":3: 'x' is not a number (column 0)");
    assertThat(dir.resolve("out/replay/summary.json")).content().contains("\"traceRowsSkipped\" : 1");
  }

  @Test
  void missingColumnIsALoadTimeError() throws IOException {
    Cli.write(dir, "t.csv", "time\n1\n");
    Path s = scenario("{file: t.csv, format: timestamps, column: t, unit: s}");

    Cli.Result result = Cli.execute("validate", s);

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.errLines()).containsExactly(dir.resolve("t.csv")
        + ":1: functions[0].traffic[0].trace.file: the header has no column 't' (option column; header: time)");
  }
}
