package dev.lambdasim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasim.output.ResultFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs of one scenario into one {@code --out} at the same time, in one process or in two, all
 * succeed and the published folder is always exactly one run's complete output (the later one
 * wins), with nothing left beside it but the lock file.
 */
final class ConcurrentRunsTest {

  @TempDir Path dir;

  @Test
  void runsInOneProcessPublishOneCompleteResult() throws Exception {
    Path scenario = Cli.write(dir, "small.yaml", Cli.SMALL);
    List<Map<String, String>> references = numbersOfSeeds1And2(scenario);
    Path shared = dir.resolve("shared");

    for (int round = 0; round < 3; round++) {
      assertBothSucceed(
          CompletableFuture.supplyAsync(() -> Cli.execute("run", scenario, "--out", shared,
              "--seed", 1, "--no-report")),
          CompletableFuture.supplyAsync(() -> Cli.execute("run", scenario, "--out", shared,
              "--seed", 2, "--no-report")));
      assertOneOf(references, shared);
    }
  }

  @Test
  void runsWithReportsPublishOneCompleteResult() throws Exception {
    // Once the two runs shared one partial folder, and both failed on each other's charts.
    Path scenario = Cli.write(dir, "small.yaml", Cli.SMALL);
    Path shared = dir.resolve("shared");

    assertBothSucceed(
        CompletableFuture.supplyAsync(() -> Cli.execute("run", scenario, "--out", shared,
            "--seed", 1)),
        CompletableFuture.supplyAsync(() -> Cli.execute("run", scenario, "--out", shared,
            "--seed", 2)));

    // The winner's run alone (a report takes seconds here, so the loser's is not drawn again).
    int winner = Cli.summary(shared.resolve("small")).get("seed").asInt();
    assertOneOf(List.of(reference(scenario, winner)), shared);
  }

  @Test
  void runsInTwoProcessesPublishOneCompleteResult() throws Exception {
    Path scenario = Cli.write(dir, "small.yaml", Cli.SMALL);
    List<Map<String, String>> references = numbersOfSeeds1And2(scenario);
    Path shared = dir.resolve("shared");
    Path logs = dir.resolve("logs");

    Cli.Launched first = Cli.launch(dir, logs, List.of(), "run", scenario, "--out", shared,
        "--seed", 1, "--no-report");
    Cli.Launched second = Cli.launch(dir, logs, List.of(), "run", scenario, "--out", shared,
        "--seed", 2, "--no-report");

    for (Cli.Result result : List.of(first.await(), second.await())) {
      assertThat(result.code()).as(result.err()).isZero();
    }
    assertOneOf(references, shared);
  }

  private static void assertBothSucceed(CompletableFuture<Cli.Result> first,
      CompletableFuture<Cli.Result> second) throws Exception {
    for (Cli.Result result : List.of(first.get(5, TimeUnit.MINUTES),
        second.get(5, TimeUnit.MINUTES))) {
      assertThat(result.code()).as(result.err()).isZero();
    }
  }

  /** Asserts that {@code shared/small} is exactly one reference, with only the lock beside it. */
  private static void assertOneOf(List<Map<String, String>> references, Path shared)
      throws IOException {
    assertThat(references).contains(contents(shared.resolve("small")));
    assertThat(OutputFolderRuleTest.names(shared))
        .containsExactlyInAnyOrder("small", ResultFolder.LOCK);
  }

  /** Returns the contents of runs of {@code scenario} without report, with seeds 1 and 2. */
  private List<Map<String, String>> numbersOfSeeds1And2(Path scenario) throws IOException {
    return List.of(reference(scenario, 1, "--no-report"), reference(scenario, 2, "--no-report"));
  }

  /** Returns the contents of a run of {@code scenario} with {@code seed}, in a folder of its own. */
  private Map<String, String> reference(Path scenario, int seed, String... options)
      throws IOException {
    Path out = dir.resolve("reference-" + seed + options.length);
    Object[] args = Stream.concat(Stream.of("run", scenario, "--out", out, "--seed", seed),
        Stream.of(options)).toArray();
    assertThat(Cli.execute(args).code()).isZero();
    return contents(out.resolve("small"));
  }

  /** Returns every file under {@code folder} (relative path) and the SHA-256 of its bytes. */
  private static Map<String, String> contents(Path folder) throws IOException {
    Map<String, String> contents = new TreeMap<>();
    try (Stream<Path> files = Files.walk(folder)) {
      files.filter(Files::isRegularFile).forEach(file -> contents.put(
          folder.relativize(file).toString(), sha256(file)));
    }
    return contents;
  }

  private static String sha256(Path file) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
