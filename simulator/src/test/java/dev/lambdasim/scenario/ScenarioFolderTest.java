package dev.lambdasim.scenario;

import dev.lambdasim.spec.DistributionSpec;
import dev.lambdasim.spec.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Empirical files resolve relative to the scenario, their own errors are located in them, and
 * a scenario cannot read outside its folder tree unless the user allows the path.
 */
final class ScenarioFolderTest {

  @TempDir Path root;
  private Path scenarioDir;

  @BeforeEach
  void layout() throws IOException {
    scenarioDir = Files.createDirectories(root.resolve("scenarios"));
    Files.createDirectories(scenarioDir.resolve("data"));
    write(scenarioDir.resolve("data/d.txt"), "# observed\n10ms\n\n20ms # slow\n");
    write(root.resolve("outside.txt"), "5ms\n");
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private Path scenario(String file) throws IOException {
    Path s = scenarioDir.resolve("s.yaml");
    write(s, Scenarios.MINIMAL.replace("{dist: constant, value: 10ms}", "{dist: empirical, file: " + file + "}"));
    return s;
  }

  @Test
  void readsValuesRelativeToTheScenario() throws Exception {
    Scenario s = new ScenarioLoader().load(scenario("data/d.txt"));
    assertThat(s.functions().get(0).code().duration()).isEqualTo(new DistributionSpec.Empirical("data/d.txt", List.of(10e6, 20e6)));
  }

  @Test
  void badLineIsLocatedInTheValuesFile() throws Exception {
    write(scenarioDir.resolve("data/d.txt"), "10ms\n15\n");
    Path s = scenario("data/d.txt");
    Problem p = catchThrowableOfType(ScenarioException.class, () -> new ScenarioLoader().load(s)).problems().get(0);
    assertThat(List.of(p.file(), p.line(), p.path())).containsExactly(
        s.getParent().resolve("data/d.txt").toString(), 2, "functions[0].duration.file");
    assertThat(p.message()).contains("'15' is not a duration", "ns, us, ms, s, m, h, d");
  }

  @Test
  void emptyValuesFile() throws Exception {
    write(scenarioDir.resolve("data/d.txt"), "# nothing\n");
    Path s = scenario("data/d.txt");
    Problem p = catchThrowableOfType(ScenarioException.class, () -> new ScenarioLoader().load(s)).problems().get(0);
    assertThat(p.message()).contains("at least 1 duration");
  }

  @Test
  void missingValuesFileIsLocatedAtTheField() throws Exception {
    Path s = scenario("data/none.txt");
    Problem p = catchThrowableOfType(ScenarioException.class, () -> new ScenarioLoader().load(s)).problems().get(0);
    assertThat(List.of(p.line(), p.column())).containsExactly(5, 39);
    assertThat(p.message()).contains("no such file");
  }

  @Test
  void pathOutsideTheFolderIsRefused() throws Exception {
    Path s = scenario("../outside.txt");
    Problem p = catchThrowableOfType(ScenarioException.class, () -> new ScenarioLoader().load(s)).problems().get(0);
    assertThat(p.path()).isEqualTo("functions[0].duration.file");
    assertThat(p.line()).isEqualTo(5);
    assertThat(p.message()).contains("outside the scenario's folder", "--allow-path");
  }

  @Test
  void allowedPathMayBeRead() throws Exception {
    Scenario s = new ScenarioLoader().withAllowedPaths(List.of(root)).load(scenario("../outside.txt"));
    assertThat(s.functions().get(0).code().duration().meanNanos()).isEqualTo(5e6);
  }
}
