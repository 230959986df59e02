package dev.lambdasim.cli;

import dev.lambdasim.scenario.Problem;
import dev.lambdasim.spec.Scenario;
import dev.lambdasim.scenario.ScenarioException;
import dev.lambdasim.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/** Options shared by the commands that load scenario files. */
final class ScenarioOptions {

  @Parameters(arity = "1..*", paramLabel = "SCENARIO",
      description = "Scenario files (YAML or JSON).")
  List<Path> files = new ArrayList<>();

  @Option(names = "--set", paramLabel = "PATH=VALUE",
      description = "Override a field before validation, e.g. functions[api].memoryMb=2048 "
          + "(repeatable).")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's seed.",
      converter = SeedConverter.class)
  Long seed;

  @Option(names = "--allow-path", paramLabel = "DIR",
      description = "Let scenarios read files under DIR, outside their own folder (repeatable).")
  List<Path> allowedPaths = new ArrayList<>();

  /**
   * Loads every file, printing each problem of each bad file on {@code err}; returns null if any
   * file was bad, so nothing runs on partly bad input.
   */
  List<Scenario> loadAll(PrintWriter err) {
    ScenarioLoader loader = new ScenarioLoader().withAllowedPaths(allowedPaths);
    List<Scenario> scenarios = new ArrayList<>();
    boolean bad = false;
    for (Path file : files) {
      try {
        Scenario scenario = loader.load(file, overrides);
        scenarios.add(seed == null ? scenario : scenario.withSeed(seed));
      } catch (ScenarioException e) {
        bad = true;
        for (Problem problem : e.problems()) {
          err.println(problem);
        }
      }
    }
    err.flush();
    return bad ? null : scenarios;
  }

  /**
   * Reads {@code --seed} as a whole number, refusing anything else in the user's terms (picocli
   * puts "Invalid value for option '--seed': " before the message).
   */
  static final class SeedConverter implements ITypeConverter<Long> {

    @Override
    public Long convert(String value) {
      try {
        return Long.parseLong(value.strip());
      } catch (NumberFormatException e) {
        String shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
        throw new TypeConversionException("'" + shown + "' is not a whole number (allowed "
            + Long.MIN_VALUE + ".." + Long.MAX_VALUE + ")");
      }
    }
  }
}
