package dev.lambdasim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasim.output.ResultFolder;
import dev.lambdasim.output.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output folders: every result folder carries the marker, and {@code run} and {@code compare}
 * replace only a folder carrying it (or an empty one). Anything else — a user's folder, a
 * non-empty folder for {@code compare --out}, a regular file — is refused before anything runs,
 * with exit 2 and one line, and nothing is touched.
 */
final class OutputFolderRuleTest {

  @TempDir Path dir;
  Path work;
  Path a;
  Path b;

  @BeforeEach
  void writeScenarios() throws IOException {
    work = Files.createDirectory(dir.resolve("work"));
    a = Cli.write(work, "a.yaml", Cli.SMALL);
    b = Cli.write(work, "b.yaml", Cli.SMALL.replace("name: small", "name: other"));
  }

  @Test
  void compareIntoAFolderOfTheUsersFilesIsRefusedAndDeletesNothing() throws IOException {
    Cli.write(work, "notes.txt", "my notes");

    Cli.Result result = Cli.execute("compare", a, b, "--out", work);

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.errLines()).containsExactly(
        work + " exists and is not a lambdasim result; choose another --out");
    assertThat(names(work)).containsExactlyInAnyOrder("a.yaml", "b.yaml", "notes.txt");
    assertThat(work.resolve("notes.txt")).hasContent("my notes");
    assertThat(names(dir)).containsExactly("work");
  }

  @Test
  void compareOutNamingAFileIsRefused() throws IOException {
    Path file = Cli.write(dir, "report", "a file");

    Cli.Result result = Cli.execute("compare", a, b, "--out", file);

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.errLines()).containsExactly(
        file + " exists and is not a lambdasim result; choose another --out");
    assertThat(file).hasContent("a file");
  }

  @Test
  void runIntoAFolderOfTheUsersIsRefusedAndDeletesNothing() throws IOException {
    Path out = dir.resolve("out");
    Path thesis = Cli.write(Files.createDirectories(out.resolve("small")), "thesis.txt", "v1");

    Cli.Result result = Cli.execute("run", a, "--out", out, "--no-report");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.errLines()).containsExactly(
        out.resolve("small") + " exists and is not a lambdasim result; choose another --out");
    assertThat(thesis).hasContent("v1");
    assertThat(names(out)).containsExactly("small");
    assertThat(names(out.resolve("small"))).containsExactly("thesis.txt");
  }

  @Test
  void aRefusalStopsEveryScenarioBeforeAnyRuns() throws IOException {
    Path out = Files.createDirectory(dir.resolve("out"));
    Cli.write(out, "other", "a file where other's folder would go");

    Cli.Result result = Cli.execute("run", a, b, "--out", out, "--no-report");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.errLines()).containsExactly(
        out.resolve("other") + " exists and is not a lambdasim result; choose another --out");
    assertThat(result.out()).isEmpty();
    assertThat(names(out)).containsExactly("other");
  }

  @Test
  void everyResultFolderCarriesTheMarker() throws IOException {
    Path out = dir.resolve("out");
    Path comparison = dir.resolve("comparison");

    assertThat(Cli.execute("run", a, "--out", out, "--no-report").code()).isZero();
    assertThat(Cli.execute("compare", a, b, "--out", comparison).code()).isZero();

    String version = Version.current();
    assertThat(out.resolve("small").resolve(ResultFolder.MARKER))
        .hasContent("lambdasim " + version + " run");
    assertThat(comparison.resolve(ResultFolder.MARKER))
        .hasContent("lambdasim " + version + " comparison");
    assertThat(comparison.resolve("runs/1/small").resolve(ResultFolder.MARKER))
        .hasContent("lambdasim " + version + " run");
    // The runs inside a comparison need no lock: no other process can reach them.
    assertThat(names(comparison.resolve("runs/1"))).containsExactly("small");
  }

  @Test
  void compareReplacesItsOwnComparisonAndFillsAnEmptyFolder() throws IOException {
    Path comparison = Files.createDirectory(dir.resolve("comparison"));

    Cli.Result first = Cli.execute("compare", a, b, "--out", comparison);
    Cli.Result second = Cli.execute("compare", a, b, "--out", comparison);

    assertThat(first.code()).as(first.err()).isZero();
    assertThat(second.code()).as(second.err()).isZero();
    assertThat(comparison.resolve("comparison.html")).isRegularFile();
    assertThat(names(dir)).containsExactlyInAnyOrder("work", "comparison", ResultFolder.LOCK);
  }

  @Test
  void withoutTheReportTheRunPointsAtItsFolder() throws IOException {
    Path out = dir.resolve("out");

    Cli.Result numbers = Cli.execute("run", a, "--out", out, "--no-report");

    assertThat(numbers.code()).isZero();
    assertThat(lastLine(numbers.out())).isEqualTo("  -> " + out.resolve("small"));
  }

  @Test
  void withTheReportTheRunPointsAtIt() throws IOException {
    Path out = dir.resolve("out");

    Cli.Result report = Cli.execute("run", a, "--out", out);

    assertThat(report.code()).isZero();
    assertThat(lastLine(report.out())).isEqualTo("  -> " + out.resolve("small/report.html"));
    assertThat(out.resolve("small/report.html")).isRegularFile();
  }

  private static String lastLine(String text) {
    List<String> lines = text.lines().toList();
    return lines.get(lines.size() - 1);
  }

  static List<String> names(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.map(p -> p.getFileName().toString()).toList();
    }
  }
}
