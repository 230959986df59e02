package dev.lambdasim.cli;

import dev.lambdasim.output.EnvironmentsCsvWriter;
import dev.lambdasim.output.MetricsCsvWriter;
import dev.lambdasim.run.TimelineLimits;
import dev.lambdasim.run.ProgressListener;
import dev.lambdasim.run.RunResult;
import dev.lambdasim.run.Simulation;
import dev.lambdasim.spec.AccountSpec;
import dev.lambdasim.spec.Architecture;
import dev.lambdasim.spec.AsyncSpec;
import dev.lambdasim.spec.DistributionSpec;
import dev.lambdasim.spec.FunctionSpec;
import dev.lambdasim.spec.InitSpec;
import dev.lambdasim.spec.InvocationType;
import dev.lambdasim.spec.PricingSpec;
import dev.lambdasim.spec.ProvisionedSpec;
import dev.lambdasim.spec.ReusePolicy;
import dev.lambdasim.spec.Scenario;
import dev.lambdasim.spec.TrafficSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code lambdasim bench}: simulated invocations per wall-clock second on the standard
 * scenario — one function, Poisson arrivals, lognormal durations, keep-alive, per-function
 * scaling, every metric recorded and written as a real run writes it.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Measure simulator throughput (simulated invocations per wall-clock second) "
        + "on a standard scenario. Run with -Xmx256m to check that memory stays flat.")
final class BenchCommand implements Callable<Integer> {

  private static final long SECOND_NANOS = 1_000_000_000L;
  // Above a million per second the gaps of the trace (in microseconds) round to nothing; below
  // one the default invocations would take years of simulated time.
  private static final long MIN_RATE_PER_SECOND = 1;
  private static final long MAX_RATE_PER_SECOND = 1_000_000;
  // A billion rows is a 10 GB trace file; a billion invocations, minutes per measured run.
  private static final long MAX_COUNT = 1_000_000_000L;
  private static final long MAX_REPEAT = 100;

  @Option(names = "--invocations", paramLabel = "N", defaultValue = "20000000",
      description = "Approximate invocations per measured run, 1 to 1000000000 (default "
          + "${DEFAULT-VALUE}).")
  long invocations;

  @Option(names = "--rate", paramLabel = "PER_SECOND", defaultValue = "1000",
      description = "Poisson arrival rate per simulated second, 1 to 1000000 (default "
          + "${DEFAULT-VALUE}).")
  double ratePerSecond;

  @Option(names = "--repeat", paramLabel = "K", defaultValue = "3",
      description = "Measured runs after one warm-up run, 1 to 100 (default ${DEFAULT-VALUE}).")
  int repeat;

  @Option(names = "--trace",
      description = "Measure trace replay instead: generate a timestamps trace of --rows rows "
          + "(Poisson at --rate, microseconds) in a temporary file, then report rows per second "
          + "read by the trace reader alone and replayed through a whole run.")
  boolean trace;

  @Option(names = "--rows", paramLabel = "N", defaultValue = "10000000",
      description = "Rows of the generated trace with --trace, 1 to 1000000000 (default "
          + "${DEFAULT-VALUE}).")
  long rows;

  @Option(names = "--trace-dir", paramLabel = "DIR",
      description = "Where --trace writes its temporary trace (default: the system's temporary "
          + "folder); it is deleted afterwards.")
  Path traceDir;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    String problem = problem();
    if (problem != null) {
      spec.commandLine().getErr().println("lambdasim bench: " + problem);
      return Main.BAD_INPUT;
    }
    if (trace) {
      return new TraceBench(out, rows, ratePerSecond, repeat, traceDir).run();
    }
    Scenario scenario = standardScenario(invocations, ratePerSecond);
    out.printf(Locale.ROOT, "standard scenario: Poisson %.0f/s, lognormal duration (median 50 ms, "
        + "p99 400 ms), keep-alive 5-7 min, %.0f simulated seconds%n", ratePerSecond,
        scenario.durationNanos() / 1e9);
    measure(scenario, out, "warm-up");
    double best = 0;
    for (int i = 1; i <= repeat; i++) {
      best = Math.max(best, measure(scenario, out, "run " + i));
    }
    out.printf(Locale.ROOT, "best: %.2f million simulated invocations per second%n", best / 1e6);
    out.printf(Locale.ROOT, "heap: max %d MiB, used after runs %d MiB (peak old gen %d MiB)%n",
        Runtime.getRuntime().maxMemory() >> 20,
        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20,
        peakOldGenBytes() >> 20);
    return 0;
  }

  /** Returns what is wrong with the options, with the allowed range, or null. */
  private String problem() {
    // Written so that NaN fails the range test too.
    if (!(ratePerSecond >= MIN_RATE_PER_SECOND && ratePerSecond <= MAX_RATE_PER_SECOND)) {
      return outside("--rate", MIN_RATE_PER_SECOND, MAX_RATE_PER_SECOND)
          + " (per simulated second)";
    }
    if (invocations < 1 || invocations > MAX_COUNT) {
      return outside("--invocations", 1, MAX_COUNT);
    }
    if (rows < 1 || rows > MAX_COUNT) {
      return outside("--rows", 1, MAX_COUNT);
    }
    if (repeat < 1 || repeat > MAX_REPEAT) {
      return outside("--repeat", 1, MAX_REPEAT);
    }
    if (trace && traceDir != null && !Files.isDirectory(traceDir)) {
      return "--trace-dir " + traceDir + (Files.exists(traceDir) ? " is not a folder"
          : " does not exist") + "; give an existing folder (default: the system's temporary "
          + "folder)";
    }
    return null;
  }

  /** Returns "OPTION VALUE is outside the allowed range MIN..MAX", the value as typed. */
  private String outside(String option, long min, long max) {
    OptionSpec matched = spec.commandLine().getParseResult().matchedOption(option);
    List<String> typed = matched == null ? List.of() : matched.originalStringValues();
    String value = typed.isEmpty() ? spec.findOption(option).defaultValue()
        : typed.get(typed.size() - 1);
    return option + " " + value + " is outside the allowed range " + min + ".." + max;
  }

  private static double measure(Scenario scenario, PrintWriter out, String label)
      throws IOException {
    TimedRun run = TimedRun.of(scenario);
    RunResult result = run.result();
    double seconds = run.seconds();
    long invocations = result.accountInvocations();
    double perSecond = invocations / seconds;
    out.printf(Locale.ROOT, "%-8s %,d invocations, %,d events in %.2f s: %.2f M invocations/s%n",
        label, invocations, result.eventsHandled(), seconds, perSecond / 1e6);
    out.flush();
    return perSecond;
  }

  static long peakOldGenBytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getName().toLowerCase(Locale.ROOT)
          .matches(".*(old|tenured).*")) {
        peak = Math.max(peak, pool.getPeakUsage().getUsed());
      }
    }
    return peak;
  }

  /** A run and the wall-clock seconds it took. */
  record TimedRun(RunResult result, double seconds) {

    /**
     * Runs {@code scenario} once with every output a real run streams (metrics.csv and the
     * timeline's environments.csv, into a temporary folder deleted afterwards).
     */
    static TimedRun of(Scenario scenario) throws IOException {
      Path folder = Files.createTempDirectory("lambdasim-bench");
      long start = System.nanoTime();
      RunResult result;
      try (MetricsCsvWriter metrics = new MetricsCsvWriter(folder.resolve("metrics.csv"));
          EnvironmentsCsvWriter environments =
              new EnvironmentsCsvWriter(folder.resolve("environments.csv"))) {
        result = new Simulation(scenario, metrics, environments, TimelineLimits.REPORT)
            .run(ProgressListener.none());
      } finally {
        // Only what this run wrote: the two files, then the folder.
        Files.deleteIfExists(folder.resolve("metrics.csv"));
        Files.deleteIfExists(folder.resolve("environments.csv"));
        Files.delete(folder);
      }
      return new TimedRun(result, (System.nanoTime() - start) / 1e9);
    }
  }

  static Scenario standardScenario(long invocations, double ratePerSecond) {
    long durationNanos = (long) Math.ceil(invocations / ratePerSecond) * SECOND_NANOS;
    // Everything not set here is the scenario format's default (keep-alive 5-7 min, lifetime 2 h).
    FunctionSpec defaults = FunctionSpec.of("api", DistributionSpec.LogNormal.ofMedianAndP99(50e6, 400e6),
        List.of(new TrafficSpec.Poisson("poisson#0", ratePerSecond, 0, Long.MAX_VALUE)));
    FunctionSpec api = defaults.withDescription("benchmark function").withCode(defaults.code()
        .withMemoryMb(1024).withReferenceMemoryMb(1024).withTimeoutNanos(30 * SECOND_NANOS)
        .withCpuBound(0.5).withErrorRate(0.001)
        .withInit(new InitSpec(new DistributionSpec.LogNormal(Math.log(200e6), 0.5), 0.0)));
    return new Scenario("bench", "", 1, durationNanos, 0, 60 * SECOND_NANOS,
        AccountSpec.defaults(), PricingSpec.defaults(), List.of(api), null);
  }
}
