package dev.lambdasim.output;

import dev.lambdasim.run.ProgressListener;
import dev.lambdasim.run.RunResult;
import dev.lambdasim.run.Simulation;
import dev.lambdasim.run.TimelineLimits;
import dev.lambdasim.spec.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Runs a scenario into its output folder {@code DIR/<name>/}: everything is written into a
 * {@link ResultFolder} and published whole at the end, so an interrupted run never leaves a
 * folder that looks whole.
 */
public final class RunFolder {

  /** Extra files written into the folder before it is published (the report). */
  @FunctionalInterface
  public interface Finisher {
    void finish(Path folder, RunResult result) throws IOException;
  }

  private RunFolder() {}

  /** Runs {@code scenario} as below, with result folders of its own, closed when it ends. */
  public static RunResult run(Scenario scenario, Path outDir, ProgressListener progress,
      TimelineLimits timeline, Finisher finisher) throws IOException {
    try (ResultFolders folders = new ResultFolders()) {
      return run(folders, scenario, outDir, progress, timeline, finisher);
    }
  }

  /**
   * Runs {@code scenario} and publishes {@code outDir/<name>}, a result folder of
   * {@code folders}; returns the result.
   *
   * @param timeline which environments go to {@code environments.csv}
   */
  public static RunResult run(ResultFolders folders, Scenario scenario, Path outDir,
      ProgressListener progress, TimelineLimits timeline, Finisher finisher) throws IOException {
    Path target = outDir.resolve(scenario.name());
    Path absoluteOut = outDir.toAbsolutePath().normalize();
    if (!absoluteOut.equals(target.toAbsolutePath().normalize().getParent())) {
      // The loader only accepts plain names; this guards the replacement of the target below.
      throw new IllegalArgumentException("scenario name '" + scenario.name()
          + "' does not name a folder inside " + outDir);
    }
    ResultFolder folder = ResultFolder.begin(folders, target, ResultFolder.Kind.RUN);
    Path partial = folder.partial();
    RunResult result;
    try {
      try (MetricsCsvWriter metrics = new MetricsCsvWriter(partial.resolve("metrics.csv"));
          EnvironmentsCsvWriter environments =
              new EnvironmentsCsvWriter(partial.resolve("environments.csv"))) {
        result = new Simulation(scenario, metrics, environments, timeline).run(progress);
      }
      SummaryJson.write(result, partial.resolve("summary.json"));
      LatencyCsv.write(result, partial.resolve("latency.csv"));
      FunctionsCsv.write(result, partial.resolve("functions.csv"));
      echoScenario(scenario, partial);
      finisher.finish(partial, result);
    } catch (IOException | RuntimeException | Error e) {
      // A run stopped by bad input in a trace (or anything else) publishes nothing.
      folder.discard(e);
      throw e;
    }
    folder.publish();
    return result;
  }

  private static void echoScenario(Scenario scenario, Path folder) throws IOException {
    if (scenario.source() == null) {
      return;
    }
    String fileName = scenario.source().getFileName().toString().toLowerCase(Locale.ROOT);
    String extension = fileName.endsWith(".json") ? "json" : "yaml";
    Files.copy(scenario.source(), folder.resolve("scenario." + extension),
        StandardCopyOption.REPLACE_EXISTING);
  }
}
