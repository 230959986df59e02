package dev.lambdasim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every scenario shipped in {@code scenarios/} validates against the published JSON Schema and
 * loads with {@link ScenarioLoader}, so the schema, the loader and the examples agree.
 */
final class ScenarioFilesTest {

  private static final Path SCENARIOS = Path.of("..", "scenarios");
  private static final Path SCHEMA = SCENARIOS.resolve("scenario.schema.json");

  private static List<Path> scenarioFiles() throws IOException {
    try (Stream<Path> files = Files.list(SCENARIOS)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")
              || (p.toString().endsWith(".json") && !p.toString().endsWith(".schema.json")))
          .sorted().toList();
    }
  }

  private static JsonSchema schema() throws IOException {
    JsonNode node = new ObjectMapper().readTree(Files.readString(SCHEMA, StandardCharsets.UTF_8));
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
  }

  private static JsonNode read(Path file) throws IOException {
    ObjectMapper mapper = file.toString().endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
    return mapper.readTree(Files.readString(file, StandardCharsets.UTF_8));
  }

  @Test
  void thereAreScenariosToCheck() throws IOException {
    assertThat(scenarioFiles()).extracting(p -> p.getFileName().toString()).contains("reference.yaml", "minimal.json");
  }

  @Test
  void everyScenarioValidatesAgainstTheSchema() throws IOException {
    JsonSchema schema = schema();
    for (Path file : scenarioFiles()) {
      assertThat(schema.validate(read(file))).as(file.toString()).isEmpty();
    }
  }

  @Test
  void everyScenarioLoads() throws Exception {
    for (Path file : scenarioFiles()) {
      assertThat(new ScenarioLoader().load(file).functions()).as(file.toString()).isNotEmpty();
    }
  }

  @Test
  void schemaRejectsADurationWithoutUnit() throws IOException {
    JsonNode bad = new ObjectMapper(new YAMLFactory()).readTree(Scenarios.MINIMAL.replace("duration: 1h", "duration: 3600"));
    assertThat(schema().validate(bad)).isNotEmpty();
  }

  @Test
  void schemaRejectsAnUnknownField() throws IOException {
    JsonNode bad = new ObjectMapper(new YAMLFactory()).readTree(Scenarios.MINIMAL + "    memorySize: 512\n");
    assertThat(schema().validate(bad)).isNotEmpty();
  }

  @Test
  void schemaAcceptsTheMinimalScenario() throws IOException {
    assertThat(schema().validate(new ObjectMapper(new YAMLFactory()).readTree(Scenarios.MINIMAL))).isEmpty();
  }

  @Test
  void schemaAcceptsProvisionedConcurrencyOverTime() throws IOException {
    JsonNode ok = new ObjectMapper(new YAMLFactory()).readTree(Scenarios.withFunctionLines(
        "provisionedConcurrency: {schedule: [{at: 8h, repeat: 1d, min: 2}], "
            + "autoscaling: {max: 20, statistic: Maximum}, allocationRamp: legacy}"));
    assertThat(schema().validate(ok)).isEmpty();
  }

  @Test
  void schemaRejectsMalformedProvisionedConcurrency() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    for (String bad : List.of("{autoscaling: {max: 20, statistic: Avg}}",
        "{autoscaling: {min: 2}}", "{schedule: [{at: 8h}]}", "{schedule: [{value: 5}]}",
        "{fixed: 2, scheduled: [{at: 8h, value: 5}]}", "{allocationDelay: 2m}")) {
      assertThat(schema().validate(yaml.readTree(Scenarios.withFunctionLines(
          "provisionedConcurrency: " + bad)))).as(bad).isNotEmpty();
    }
  }
}
