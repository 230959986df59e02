package dev.lambdasim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code bench} refuses options outside their documented ranges, and a {@code --trace-dir} that
 * is not a folder, with exit 2 and one line naming the allowed range; nothing is measured.
 */
final class BenchOptionsTest {

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--rate|NaN|--rate NaN is outside the allowed range 1..1000000 (per simulated second)",
      "--rate|1e308|--rate 1e308 is outside the allowed range 1..1000000 (per simulated second)",
      "--rate|0|--rate 0 is outside the allowed range 1..1000000 (per simulated second)",
      "--rate|-Infinity|--rate -Infinity is outside the allowed range 1..1000000 (per simulated "
          + "second)",
      "--invocations|0|--invocations 0 is outside the allowed range 1..1000000000",
      "--invocations|1000000001|--invocations 1000000001 is outside the allowed range "
          + "1..1000000000",
      "--rows|-5|--rows -5 is outside the allowed range 1..1000000000",
      "--repeat|101|--repeat 101 is outside the allowed range 1..100"})
  void anOptionOutsideItsRangeExits2(String option, String value, String problem) {
    Cli.Result result = Cli.execute("bench", option, value);

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.errLines()).containsExactly("lambdasim bench: " + problem);
    assertThat(result.out()).isEmpty();
  }

  @Test
  void aMissingTraceDirExits2() {
    Path missing = dir.resolve("nonexistent");

    Cli.Result result = Cli.execute("bench", "--trace", "--trace-dir", missing);

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.errLines()).containsExactly("lambdasim bench: --trace-dir " + missing
        + " does not exist; give an existing folder (default: the system's temporary folder)");
  }

  @Test
  void aTraceDirThatIsAFileExits2() throws IOException {
    Path file = Files.writeString(dir.resolve("file"), "x");

    Cli.Result result = Cli.execute("bench", "--trace", "--trace-dir", file);

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.errLines()).containsExactly("lambdasim bench: --trace-dir " + file
        + " is not a folder; give an existing folder (default: the system's temporary folder)");
    assertThat(file).hasContent("x");
  }

  @Test
  void aSmallBenchStillRuns() {
    Cli.Result result = Cli.execute("bench", "--invocations", 2000, "--rate", 100, "--repeat", 1);

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).contains("best: ");
  }
}
