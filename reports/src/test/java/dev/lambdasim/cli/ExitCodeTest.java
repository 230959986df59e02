package dev.lambdasim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasim.output.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input (a scenario, a flag, a file) exits 2 with one located line per problem on stderr
 * and writes nothing; an output path that cannot be written exits 3 with one line;
 * {@code validate}, {@code --help} and {@code --version} exit 0.
 */
final class ExitCodeTest {

  /** Two problems: memory below the minimum (line 5) and a timeout without a unit (line 6). */
  private static final String BAD = String.join("\n",
      "name: bad",
      "duration: 1h",
      "functions:",
      "  - name: api",
      "    memoryMb: 100",
      "    timeout: 30",
      "    duration: {dist: constant, value: 10ms}",
      "    traffic:",
      "      - poisson: {rate: 1/s}",
      "");

  @TempDir Path dir;

  @Test
  void malformedScenarioExits2WithOneLocatedLinePerProblem() throws IOException {
    Path bad = Cli.write(dir, "bad.yaml", BAD);

    Cli.Result result = Cli.execute("run", bad, "--out", dir.resolve("out"));

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.errLines()).containsExactly(
        bad + ":5:15: functions[0].memoryMb: 100 is below the minimum 128 (allowed 128..10240)",
        bad + ":6:14: functions[0].timeout: 30 has no unit; a duration needs one of ns, us, ms,"
            + " s, m, h, d (e.g. '30s')");
  }

  @Test
  void malformedScenarioWritesNothing() throws IOException {
    Path bad = Cli.write(dir, "bad.yaml", BAD);

    Cli.execute("run", bad, "--out", dir.resolve("out"));

    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void oneBadFileOfTwoStopsBoth() throws IOException {
    Path good = Cli.write(dir, "small.yaml", Cli.SMALL);
    Path bad = Cli.write(dir, "bad.yaml", BAD);

    Cli.Result result = Cli.execute("run", good, bad, "--out", dir.resolve("out"));

    assertThat(result.code()).isEqualTo(2);
    assertThat(dir.resolve("out")).doesNotExist();
    assertThat(result.out()).doesNotContain("small");
  }

  @Test
  void unknownOptionExits2WithAUsageHint() throws IOException {
    Path good = Cli.write(dir, "small.yaml", Cli.SMALL);

    Cli.Result result = Cli.execute("run", good, "--bogus", "--out", dir.resolve("out"));

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("--bogus").contains("lambdasim run --help");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void missingScenarioFileExits2NamingIt() {
    Path missing = dir.resolve("nope.yaml");

    Cli.Result result = Cli.execute("run", missing, "--out", dir.resolve("out"));

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.errLines()).containsExactly(missing + ": no such file");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void validateOfAGoodFileExits0AndNamesIt() throws IOException {
    Path good = Cli.write(dir, "small.yaml", Cli.SMALL);

    Cli.Result result = Cli.execute("validate", good);

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).contains(good.toString()).contains("ok");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void validateOfABadFileExits2() throws IOException {
    Path bad = Cli.write(dir, "bad.yaml", BAD);

    Cli.Result result = Cli.execute("validate", bad);

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.errLines()).hasSize(2).allMatch(line -> line.startsWith(bad + ":"));
  }

  @Test
  void twoScenariosWithTheSameNameExit2() throws IOException {
    Path first = Cli.write(dir, "first.yaml", Cli.SMALL);
    Path second = Cli.write(dir, "second.yaml", Cli.SMALL);

    Cli.Result result = Cli.execute("run", first, second, "--out", dir.resolve("out"));

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("small");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "run", "validate", "bench", "help"})
  void helpOnEveryCommandExits0WithUsage(String command) {
    Cli.Result result = command.isEmpty() ? Cli.execute("--help") : Cli.execute(command, "--help");

    assertThat(result.code()).isZero();
    // Picocli's own help command prints its description before the usage line.
    String usage = command.isEmpty() ? "Usage: lambdasim " : "Usage: lambdasim " + command + " ";
    assertThat(result.out()).contains(usage);
    assertThat(result.err()).isEmpty();
  }

  @Test
  void versionPrintsTheProgramAndVersion() {
    Cli.Result result = Cli.execute("--version");

    assertThat(result.code()).isZero();
    assertThat(result.out().strip()).isEqualTo("lambdasim " + Version.current());
    assertThat(Version.current()).isNotEqualTo("unknown");
  }

  @Test
  void noCommandExits2() {
    assertThat(Cli.execute().code()).isEqualTo(2);
  }

  @Test
  void outThatIsAFileExits2() throws IOException {
    Path good = Cli.write(dir, "small.yaml", Cli.SMALL);
    Path file = Files.writeString(dir.resolve("out"), "not a folder");

    Cli.Result result = Cli.execute("run", good, "--out", file, "--no-report");

    assertThat(result.code()).as(result.err()).isEqualTo(2);
    assertThat(result.errLines()).containsExactly(
        "lambdasim: --out " + file + " is a file, not a folder; choose another --out");
    assertThat(file).hasContent("not a folder");
  }

  @Test
  void outThatCannotBeCreatedExits3WithOneLineAndNoStackTrace() throws IOException {
    // As root every folder is writable, so the path that cannot be written is one under a file.
    Path good = Cli.write(dir, "small.yaml", Cli.SMALL);
    Path file = Files.writeString(dir.resolve("somefile"), "not a folder");
    Path out = file.resolve("sub");

    Cli.Result result = Cli.execute("run", good, "--out", out, "--no-report");

    assertThat(result.code()).isEqualTo(3);
    assertThat(result.errLines()).containsExactly("lambdasim: " + out
        + ": part of this path is a file, not a folder; choose another --out");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void helpListsEveryExitCode() {
    Cli.Result result = Cli.execute("--help");

    assertThat(result.out()).containsPattern("0 +success")
        .containsPattern("1 +internal failure")
        .containsPattern("2 +bad input")
        .containsPattern("3 +the environment failed \\(disk full, permission denied");
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "validate", "bench"})
  void versionOnACommandPrintsTheVersion(String command) {
    Cli.Result result = Cli.execute(command, "--version");

    assertThat(result.code()).isZero();
    assertThat(result.out().strip()).isEqualTo("lambdasim " + Version.current());
  }
}
