package dev.lambdasim.cli;

import dev.lambdasim.output.ResultFolder;
import dev.lambdasim.output.ResultFolders;
import dev.lambdasim.report.ComparedRun;
import dev.lambdasim.report.ComparisonReport;
import dev.lambdasim.report.RunReport;
import dev.lambdasim.run.ProgressListener;
import dev.lambdasim.output.RunFolder;
import dev.lambdasim.run.TimelineLimits;
import dev.lambdasim.scenario.Problem;
import dev.lambdasim.spec.Scenario;
import dev.lambdasim.scenario.ScenarioException;
import dev.lambdasim.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lambdasim compare A B [C...]}: runs the scenario files among its inputs (finished result
 * folders are read as they are) and writes comparison.json, comparison.html and overlay charts,
 * with deltas against A. Runs use common random numbers, so with the same seed a difference comes
 * from the configuration.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Compare scenarios side by side. Each input is a scenario file (run now, into "
        + "DIR/runs/) or a finished result folder (one with summary.json). Writes "
        + "DIR/comparison.json and DIR/comparison.html with deltas against the first input, and "
        + "prints the key deltas."})
final class CompareCommand implements Callable<Integer> {

  @Parameters(arity = "2..*", paramLabel = "INPUT",
      description = "Scenario files (YAML or JSON) or result folders; the first is the baseline.")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR",
      description = "Output folder (default: reports/out/compare-<A>-vs-<B>).")
  Path outDir;

  @Option(names = "--allow-path", paramLabel = "DIR",
      description = "Let scenarios read files under DIR, outside their own folder (repeatable).")
  List<Path> allowedPaths = new ArrayList<>();

  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  /** An input once checked: a loaded scenario to run, or a result folder to read. */
  private record Input(String label, Scenario scenario, Path folder, Path given) {}

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Input> checked = check(err);
    if (checked == null) {
      return Main.BAD_INPUT;
    }
    Path target = outDir != null ? outDir
        : Path.of("reports", "out", "compare-" + checked.get(0).label() + "-vs-"
            + checked.get(1).label());
    Path absoluteTarget = target.toAbsolutePath().normalize();
    for (Input input : checked) {
      if (input.folder() != null
          && input.folder().toAbsolutePath().normalize().startsWith(absoluteTarget)) {
        err.println("lambdasim: " + input.given() + " is inside the output folder " + target
            + ", which compare replaces; choose another --out");
        return Main.BAD_INPUT;
      }
    }

    try {
      ResultFolder.checkReplaceable(target);
    } catch (ResultFolder.NotAResultException e) {
      err.println(e.getMessage());
      return Main.BAD_INPUT;
    }

    ResultFolders folders = main.resultFolders();
    ResultFolder folder = ResultFolder.begin(folders, target, ResultFolder.Kind.COMPARISON);
    ComparisonReport report;
    try {
      report = ComparisonReport.of(runAll(folders, checked, folder.partial()));
      report.write(folder.partial());
    } catch (IOException | RuntimeException | Error e) {
      folder.discard(e);
      throw e;
    }
    folder.publish();
    report.printKeyDeltas(out);
    out.println("  -> " + target.resolve("comparison.html"));
    out.flush();
    return 0;
  }

  /** Runs the scenario inputs into {@code partial/runs/<i>/}; returns every input's run. */
  private static List<ComparedRun> runAll(ResultFolders folders, List<Input> checked,
      Path partial) throws IOException {
    List<ComparedRun> runs = new ArrayList<>();
    for (int i = 0; i < checked.size(); i++) {
      Input input = checked.get(i);
      if (input.scenario() == null) {
        runs.add(new ComparedRun(input.label(), input.folder(), input.given().toString()));
        continue;
      }
      Path runsDir = partial.resolve("runs").resolve(Integer.toString(i + 1));
      // The comparison's own result folders: its runs, inside its partial folder, need no lock.
      RunFolder.run(folders, input.scenario(), runsDir, ProgressListener.none(),
          TimelineLimits.REPORT, (runFolder, result) -> RunReport.write(runFolder));
      runs.add(new ComparedRun(input.label(), runsDir.resolve(input.scenario().name()),
          input.given().toString()));
    }
    return runs;
  }

  /** Checks every input; prints each problem and returns null if any input is bad. */
  private List<Input> check(PrintWriter err) {
    ScenarioLoader loader = new ScenarioLoader().withAllowedPaths(allowedPaths);
    List<Input> checked = new ArrayList<>();
    Set<String> labels = new HashSet<>();
    boolean bad = false;
    for (Path given : inputs) {
      String label = uniqueLabel(Labels.of(given), labels);
      if (Files.isDirectory(given)) {
        if (!Files.isRegularFile(given.resolve("summary.json"))) {
          err.println("lambdasim: " + given + ": not a result folder (it has no summary.json)");
          bad = true;
          continue;
        }
        checked.add(new Input(label, null, given, given));
      } else if (Files.isRegularFile(given)) {
        try {
          checked.add(new Input(label, loader.load(given), null, given));
        } catch (ScenarioException e) {
          bad = true;
          for (Problem problem : e.problems()) {
            err.println(problem);
          }
        }
      } else {
        err.println("lambdasim: " + given + ": no such file or folder");
        bad = true;
      }
    }
    err.flush();
    return bad ? null : checked;
  }

  private static String uniqueLabel(String label, Set<String> taken) {
    String unique = label;
    for (int n = 2; !taken.add(unique); n++) {
      unique = label + "-" + n;
    }
    return unique;
  }
}
