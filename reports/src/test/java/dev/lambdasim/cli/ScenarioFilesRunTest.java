package dev.lambdasim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario shipped in the repository's {@code scenarios/} folder runs as is (each takes
 * about a second, so none is shortened) and balances its ledger.
 */
final class ScenarioFilesRunTest {

  /** The repository's scenarios, seen from the reports module (Maven's working directory). */
  private static final Path SCENARIOS = Path.of("..", "scenarios");

  /** A JSON Schema of the format, not a scenario. */
  private static final String SCHEMA = "scenario.schema.json";

  @TempDir Path out;

  static List<Path> scenarioFiles() throws IOException {
    try (Stream<Path> files = Files.list(SCENARIOS)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> {
            String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
            return (name.endsWith(".yaml") || name.endsWith(".json")) && !name.equals(SCHEMA);
          })
          .sorted()
          .toList();
    }
  }

  @Test
  void theFolderHoldsScenarios() throws IOException {
    assertThat(scenarioFiles()).extracting(p -> p.getFileName().toString())
        .contains("minimal.json", "reference.yaml");
  }

  @ParameterizedTest
  @MethodSource("scenarioFiles")
  void runsWithABalancedLedger(Path file) throws IOException {
    Cli.Result result = Cli.execute("run", file, "--out", out, "--no-report");

    assertThat(result.code()).as(result.err()).isZero();
    try (Stream<Path> folders = Files.list(out)) {
      // The run's folder; the lock file of --out is beside it.
      Path folder = folders.filter(Files::isDirectory).findFirst().orElseThrow();
      JsonNode summary = Cli.summary(folder);
      assertThat(summary.at("/conservation/balanced").asBoolean()).as(file.toString()).isTrue();
      assertThat(summary.at("/conservation/arrivals").asLong()).isPositive();
    }
  }
}
