package dev.lambdasim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a process of its own, as a user runs it: SIGTERM and SIGINT remove the run's partial folder
 * (exit 143 and 130); after a SIGKILL, the next run into the same {@code --out} removes the
 * leftover; running out of memory exits 3 with one line and a hint, no stack trace.
 */
final class ProcessExitTest {

  private static final Pattern PARTIAL = Pattern.compile("\\.small\\.\\d+-\\d+\\.partial");

  @TempDir Path dir;
  Path scenario;
  Path out;
  Path logs;

  @BeforeEach
  void writeScenario() throws IOException {
    scenario = Cli.write(dir, "small.yaml", Cli.SMALL);
    out = dir.resolve("out");
    logs = dir.resolve("logs");
  }

  @Test
  void sigtermRemovesThePartialFolder() throws Exception {
    Cli.Launched run = startLongRun();

    run.process().destroy(); // SIGTERM

    assertThat(run.await().code()).isEqualTo(143);
    assertThat(OutputFolderRuleTest.names(out)).isEmpty();
  }

  @Test
  void sigintRemovesThePartialFolder() throws Exception {
    Cli.Launched run = startLongRun();

    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(run.process().pid())).start();

    assertThat(kill.waitFor()).isZero();
    assertThat(run.await().code()).isEqualTo(130);
    assertThat(OutputFolderRuleTest.names(out)).isEmpty();
  }

  @Test
  void afterSigkillTheNextRunRemovesTheLeftover() throws Exception {
    Cli.Launched run = startLongRun();
    run.process().destroyForcibly();
    assertThat(run.await().code()).isEqualTo(137);
    assertThat(OutputFolderRuleTest.names(out)).hasSize(1);

    Cli.Result next = Cli.execute("run", scenario, "--out", out, "--no-report");

    assertThat(next.code()).as(next.err()).isZero();
    assertThat(OutputFolderRuleTest.names(out)).containsExactlyInAnyOrder("small",
        ".lambdasim.lock");
  }

  @Test
  void outOfMemoryExits3WithOneLineAndAHint() throws Exception {
    // 0.7 MB of heap per function, today: 5,000 functions cannot fit in 32 MiB.
    List<String> lines = new ArrayList<>(List.of("name: many", "duration: 1h", "functions:"));
    for (int i = 0; i < 5_000; i++) {
      lines.addAll(List.of("  - name: f" + i, "    duration: {dist: constant, value: 10ms}",
          "    traffic:", "      - poisson: {rate: 1/s}"));
    }
    Path many = Files.write(dir.resolve("many.yaml"), lines);

    Cli.Result result = Cli.launch(dir, logs, List.of("-Xmx32m"), "run", many, "--out", out,
        "--no-report").await();

    assertThat(result.code()).as(result.err()).isEqualTo(3);
    assertThat(result.errLines()).hasSize(1);
    assertThat(result.errLines().get(0)).matches("lambdasim: out of memory \\(.*heap limit \\d+ "
        + "MiB\\); run with more heap, e\\.g\\. java -Xmx1g -jar lambdasim\\.jar \\.\\.\\.");
    assertThat(OutputFolderRuleTest.names(out)).isEmpty();
  }

  @Test
  void runIntoTheCurrentFolderWorks() throws Exception {
    Path work = Files.createDirectory(dir.resolve("work"));
    Cli.write(work, "small.yaml", Cli.SMALL);

    Cli.Result result = Cli.launch(work, logs, List.of(), "run", "small.yaml", "--out", ".",
        "--no-report").await();

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(work.resolve("small/summary.json")).isRegularFile();
  }

  /** Starts a run of a year, and returns once its partial folder exists. */
  private Cli.Launched startLongRun() throws IOException, InterruptedException {
    Cli.Launched run = Cli.launch(dir, logs, List.of(), "run", scenario, "--out", out,
        "--set", "duration=365d", "--set", "metricsPeriod=1d", "--no-report");
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (!hasPartial()) {
      if (!run.process().isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("no partial folder appeared: "
            + Files.readString(run.err()));
      }
      Thread.sleep(50);
    }
    return run;
  }

  private boolean hasPartial() throws IOException {
    return Files.isDirectory(out) && OutputFolderRuleTest.names(out).stream()
        .anyMatch(name -> PARTIAL.matcher(name).matches());
  }
}
