package dev.lambdasim.cli;

import dev.lambdasim.report.RunReport;
import dev.lambdasim.run.FunctionSummary;
import dev.lambdasim.output.RunFolder;
import dev.lambdasim.run.RunResult;
import dev.lambdasim.run.TimelineLimits;
import dev.lambdasim.spec.FleetReplay;
import dev.lambdasim.spec.Scenario;
import dev.lambdasim.workload.trace.TraceException;
import java.io.IOException;
import java.io.PrintWriter;
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
    try {
      Files.createDirectories(outDir);
      if (!Files.isWritable(outDir)) {
        throw new IOException("not writable");
      }
    } catch (IOException e) {
      err.println("lambdasim: --out " + outDir + ": cannot write there ("
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
      return Main.BAD_INPUT;
    }
    for (Scenario scenario : scenarios) {
      RunResult result;
      try {
        result = RunFolder.run(scenario, outDir, new ProgressBar(err, scenario.name()),
            timeline ? TimelineLimits.ALL : TimelineLimits.REPORT, (folder, r) -> {
              if (!noReport) {
                RunReport.write(folder);
              }
            });
      } catch (TraceException e) {
        // Bad input found in a trace while running: located like a scenario problem.
        err.println(e.getMessage());
        err.flush();
        return Main.BAD_INPUT;
      }
      printSummary(out, result, outDir.resolve(scenario.name()));
      printSkippedRows(err, result);
    }
    return 0;
  }

  private static void printSummary(PrintWriter out, RunResult result, Path folder) {
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
    out.println("  -> " + folder.resolve("report.html"));
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
