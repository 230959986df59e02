package dev.lambdasim.cli;

import dev.lambdasim.output.ResultFolder;
import dev.lambdasim.report.RunReport;
import dev.lambdasim.run.FunctionSummary;
import dev.lambdasim.output.RunFolder;
import dev.lambdasim.run.RunResult;
import dev.lambdasim.run.TimelineLimits;
import dev.lambdasim.spec.FleetReplay;
import dev.lambdasim.spec.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lambdasim run}: simulates scenarios and writes their result folders and reports. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Simulate scenarios. For each, writes DIR/<name>/ with summary.json, "
        + "metrics.csv, latency.csv, environments.csv, the scenario echoed, report.html and "
        + "charts/."})
final class RunCommand implements Callable<Integer> {

  @Mixin
  ScenarioOptions options;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports/out",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path outDir;

  @Option(names = "--no-report", description = "Skip report.html and charts (numbers only).")
  boolean noReport;

  @Option(names = "--timeline",
      description = "Write every environment's state spans to environments.csv (by default only "
          + "the first 40 environments of each function, for the report's timeline).")
  boolean timeline;

  @ParentCommand
  Main main;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Scenario> scenarios = options.loadAll(err);
    if (scenarios == null) {
      return Main.BAD_INPUT;
    }
    Set<String> names = new HashSet<>();
    for (Scenario s : scenarios) {
      if (!names.add(s.name())) {
        err.println("lambdasim: two scenarios are named '" + s.name()
            + "'; they would write the same output folder");
        return Main.BAD_INPUT;
      }
    }
    if (!replaceable(scenarios, err)) {
      return Main.BAD_INPUT;
    }
    // Failing to create or write the folder is the environment's failure (exit 3), told by Main.
    Files.createDirectories(outDir);
    if (!Files.isWritable(outDir)) {
      throw new AccessDeniedException(outDir.toString());
    }
    for (Scenario scenario : scenarios) {
      // Bad input found in a trace while running stops here too: Main tells it like a
      // scenario problem.
      RunResult result = RunFolder.run(main.resultFolders(), scenario, outDir,
          new ProgressBar(err, scenario.name()),
          timeline ? TimelineLimits.ALL : TimelineLimits.REPORT, (folder, r) -> {
            if (!noReport) {
              RunReport.write(folder);
            }
          });
      Path folder = outDir.resolve(scenario.name());
      printSummary(out, result, noReport ? folder : folder.resolve("report.html"));
      printSkippedRows(err, result);
    }
    return 0;
  }

  /**
   * Checks, before anything runs, that {@code --out} is a folder (or can be one) and that every
   * scenario's folder in it may be replaced; prints each problem and returns false if any.
   */
  private boolean replaceable(List<Scenario> scenarios, PrintWriter err) throws IOException {
    if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
      err.println("lambdasim: --out " + outDir + " is a file, not a folder; choose another --out");
      err.flush();
      return false;
    }
    boolean ok = true;
    for (Scenario scenario : scenarios) {
      try {
        ResultFolder.checkReplaceable(outDir.resolve(scenario.name()));
      } catch (ResultFolder.NotAResultException e) {
        err.println(e.getMessage());
        ok = false;
      }
    }
    err.flush();
    return ok;
  }

  /** Prints the summary table and where to look: the report, or the folder without one. */
  private static void printSummary(PrintWriter out, RunResult result, Path shown) {
    out.printf(Locale.ROOT, "%s (seed %d, %.0f s simulated)%n", result.scenario().name(),
        result.scenario().seed(), result.scenario().durationNanos() / 1e9);
    out.printf(Locale.ROOT, "  %-20s %11s %9s %9s %8s %9s %9s %8s %11s%n", "function",
        "invocations", "cold %", "throttle%", "errors", "p50 ms", "p99 ms", "peak", "cost USD");
    for (FunctionSummary f : result.functions()) {
      out.printf(Locale.ROOT, "  %-20s %11d %9.3f %9.3f %8d %9.1f %9.1f %8d %11.4f%n",
          f.name(), f.invocations(), 100 * f.coldStartRate(), 100 * f.throttleRate(), f.errors(),
          nanToZero(f.latencyMs().p50()), nanToZero(f.latencyMs().p99()), f.concurrencyPeak(),
          f.cost().totalUsd());
    }
    out.printf(Locale.ROOT, "  account: peak concurrency %d, throttles %d, cost $%.4f; "
            + "ledger %s%n", result.accountPeakConcurrency(), result.accountThrottles(),
        result.accountCost().totalUsd(), result.conservation().balanced() ? "balanced" : "OFF");
    out.println("  -> " + shown);
    out.flush();
  }

  /** Says on stderr how many trace rows each function skipped, and the first one. */
  private static void printSkippedRows(PrintWriter err, RunResult result) {
    for (FunctionSummary f : result.functions()) {
      if (f.traceRows() != null && f.traceRows().skipped() > 0) {
        err.printf(Locale.ROOT, "lambdasim: %s: skipped %d bad trace row%s (onBadRow: skip), "
                + "the first: %s%n", f.name(), f.traceRows().skipped(),
            f.traceRows().skipped() == 1 ? "" : "s", f.traceRows().firstSkipped().get(0));
      }
    }
    FleetReplay fleet = FleetReplay.of(result.scenario());
    if (fleet != null && fleet.rowsSkipped() > 0) {
      err.printf(Locale.ROOT, "lambdasim: fleet: skipped %d bad trace row%s (onBadRow: skip), "
              + "the first: %s%n", fleet.rowsSkipped(), fleet.rowsSkipped() == 1 ? "" : "s",
          fleet.rowsSkippedFirst().get(0));
    }
    err.flush();
  }

  private static double nanToZero(double value) {
    return Double.isNaN(value) ? 0 : value;
  }
}
