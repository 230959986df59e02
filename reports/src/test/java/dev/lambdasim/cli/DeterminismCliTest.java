package dev.lambdasim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same scenario file and seed give byte-identical result files whatever the output folder;
 * {@code --seed N} changes the results and is the same as {@code --set seed=N}.
 */
final class DeterminismCliTest {

  private static final List<String> RESULT_FILES =
      List.of("summary.json", "metrics.csv", "latency.csv", "functions.csv");

  @TempDir Path dir;
  Path scenario;

  @BeforeEach
  void writeScenario() throws IOException {
    scenario = Cli.write(dir, "small.yaml", Cli.SMALL);
  }

  @Test
  void twoRunsIntoDifferentFoldersAreByteIdentical() throws IOException {
    Path first = run(dir.resolve("a"));
    Path second = run(dir.resolve("b"));

    for (String file : RESULT_FILES) {
      assertThat(Files.readAllBytes(second.resolve(file))).as(file)
          .isEqualTo(Files.readAllBytes(first.resolve(file)));
    }
  }

  @Test
  void seedOptionChangesTheResults() throws IOException {
    JsonNode fileSeed = Cli.summary(run(dir.resolve("a")));
    JsonNode seven = Cli.summary(run(dir.resolve("b"), "--seed", "7"));

    assertThat(fileSeed.get("seed").asLong()).isEqualTo(42);
    assertThat(seven.get("seed").asLong()).isEqualTo(7);
    // Not only the echoed seed: the simulated numbers differ too.
    assertThat(seven.get("functions")).isNotEqualTo(fileSeed.get("functions"));
  }

  @Test
  void seedOptionEqualsSetSeed() throws IOException {
    Path option = run(dir.resolve("a"), "--seed", "7");
    Path set = run(dir.resolve("b"), "--set", "seed=7");

    for (String file : RESULT_FILES) {
      assertThat(Files.readAllBytes(set.resolve(file))).as(file)
          .isEqualTo(Files.readAllBytes(option.resolve(file)));
    }
  }

  /** Returns the result folder of {@code run scenario --out out --no-report extra...}. */
  private Path run(Path out, String... extra) {
    Object[] args = new Object[5 + extra.length];
    args[0] = "run";
    args[1] = scenario;
    args[2] = "--out";
    args[3] = out;
    args[4] = "--no-report";
    System.arraycopy(extra, 0, args, 5, extra.length);
    Cli.Result result = Cli.execute(args);
    assertThat(result.code()).as(result.err()).isZero();
    return out.resolve("small");
  }
}
