package dev.lambdasim.scenario;

import dev.lambdasim.spec.Scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Loads scenario files (YAML or JSON), applies {@code --set} overrides and validates
 * everything, reporting all problems at once, each with file, line, column and field path.
 *
 * <p>Instances are immutable and hold no state between loads, so one may serve many threads.
 */
public final class ScenarioLoader {

  private final List<Path> allowedPaths;

  public ScenarioLoader() {
    this(List.of());
  }

  private ScenarioLoader(List<Path> allowedPaths) {
    this.allowedPaths = List.copyOf(allowedPaths);
  }

  /** Returns a loader that may also read files under {@code dirs} (the {@code --allow-path} flag). */
  public ScenarioLoader withAllowedPaths(List<Path> dirs) {
    return new ScenarioLoader(dirs);
  }

  /** Returns the validated scenario in {@code file}. */
  public Scenario load(Path file) throws ScenarioException {
    return load(file, List.of());
  }

  /** Returns the validated scenario in {@code file} with {@code path=value} overrides applied. */
  public Scenario load(Path file, List<String> overrides) throws ScenarioException {
    String text = ScenarioText.read(file, file.toString());
    Path parent = file.toAbsolutePath().getParent();
    return parse(file.toString(), text, parent, overrides, file);
  }

  /** Returns the validated scenario in {@code text}; files it names resolve against {@code baseDir}. */
  public Scenario parse(String displayName, String text, Path baseDir, List<String> overrides)
      throws ScenarioException {
    return parse(displayName, text, baseDir, overrides, null);
  }

  private Scenario parse(String displayName, String text, Path baseDir, List<String> overrides,
      Path source) throws ScenarioException {
    Problems problems = new Problems();
    String lower = displayName.toLowerCase(Locale.ROOT);
    // JSON gets the JSON parser for its sharper syntax messages; anything else is read as YAML.
    JsonFactory factory = lower.endsWith(".json") ? NodeReader.json() : NodeReader.yaml();
    Bound<Node> read = new NodeReader(factory, displayName, true, problems)
        .read(ScenarioText.withoutBom(text));
    problems.throwIfAny();
    Node root = read.get();
    YAMLFactory yaml = NodeReader.yaml();
    for (String flag : overrides) {
      new FieldOverride(flag).apply(root, yaml, problems);
    }
    Path displayParent = Path.of(displayName).getParent();
    ScenarioFolder folder = new ScenarioFolder(baseDir, displayParent == null ? "" : displayParent.toString(),
        allowedPaths);
    Scenario scenario = new ScenarioBinder(new Values(problems), folder).bind(root, source);
    problems.throwIfAny();
    return scenario;
  }
}
