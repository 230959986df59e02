package dev.lambdasim.cli;

import dev.lambdasim.random.Xoshiro256StarStar;
import dev.lambdasim.run.RunResult;
import dev.lambdasim.spec.FunctionSpec;
import dev.lambdasim.spec.Scenario;
import dev.lambdasim.spec.TrafficSpec;
import dev.lambdasim.workload.ArrivalProcess;
import dev.lambdasim.spec.Column;
import dev.lambdasim.workload.TraceArrivals;
import dev.lambdasim.spec.TraceFormat;
import dev.lambdasim.spec.TraceOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code lambdasim bench --trace}: rows per wall-clock second of a {@code timestamps} trace,
 * read by the reader alone (parsing and the arrival process, the part that must reach 2 M
 * rows/s) and replayed through the standard scenario's function with every output written.
 */
final class TraceBench {

  private static final long MICROSECOND = 1_000L;
  private static final long SECOND_NANOS = 1_000_000_000L;

  private final PrintWriter out;
  private final long rows;
  private final double ratePerSecond;
  private final int repeat;
  private final Path dir;

  TraceBench(PrintWriter out, long rows, double ratePerSecond, int repeat, Path dir) {
    this.out = out;
    this.rows = rows;
    this.ratePerSecond = ratePerSecond;
    this.repeat = repeat;
    this.dir = dir;
  }

  int run() throws IOException {
    Path file = dir == null ? Files.createTempFile("lambdasim-trace", ".csv")
        : Files.createTempFile(dir, "lambdasim-trace", ".csv");
    try {
      long start = System.nanoTime();
      long lastMicros = generate(file);
      out.printf(Locale.ROOT, "trace: %,d rows, Poisson %.0f/s in microseconds, %,d MiB, "
              + "written in %.1f s%n", rows, ratePerSecond, Files.size(file) >> 20,
          (System.nanoTime() - start) / 1e9);
      out.flush();
      TraceOptions options = TraceOptions.defaults(TraceFormat.TIMESTAMPS, file)
          .withColumn(Column.named("t"), MICROSECOND);
      double bestRead = 0;
      for (int i = 0; i <= repeat; i++) {
        double perSecond = read(options, i == 0 ? "warm-up" : "read " + i);
        bestRead = i == 0 ? 0 : Math.max(bestRead, perSecond);
      }
      Scenario scenario = scenario(options, lastMicros);
      double bestRun = 0;
      for (int i = 1; i <= Math.max(1, repeat - 1); i++) {
        bestRun = Math.max(bestRun, replay(scenario, "replay " + i));
      }
      out.printf(Locale.ROOT, "best: %.2f million trace rows per second read, %.2f million "
          + "replayed through a run%n", bestRead / 1e6, bestRun / 1e6);
      out.printf(Locale.ROOT, "heap: max %d MiB, used after runs %d MiB (peak old gen %d MiB)%n",
          Runtime.getRuntime().maxMemory() >> 20,
          (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20,
          BenchCommand.peakOldGenBytes() >> 20);
      return 0;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Writes the trace; returns its last instant in microseconds. */
  private long generate(Path file) throws IOException {
    Xoshiro256StarStar random = new Xoshiro256StarStar(1);
    double meanGapMicros = 1e6 / ratePerSecond;
    double t = 0;
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("t\n");
      for (long i = 0; i < rows; i++) {
        t += -Math.log(1.0 - random.nextDouble()) * meanGapMicros;
        w.write(Long.toString((long) t));
        w.write('\n');
      }
    }
    return (long) t;
  }

  private double read(TraceOptions options, String label) {
    long start = System.nanoTime();
    TraceArrivals process = new TraceArrivals(options, new Xoshiro256StarStar(1), 0, false, 0,
        Long.MAX_VALUE);
    long n = 0;
    long checksum = 0;
    for (long t = process.nextArrivalNanos(); t != ArrivalProcess.END; t = process.nextArrivalNanos()) {
      n++;
      checksum ^= t;
    }
    process.close();
    double seconds = (System.nanoTime() - start) / 1e9;
    double perSecond = n / seconds;
    out.printf(Locale.ROOT, "%-9s %,d rows in %.2f s: %.2f M rows/s (checksum %x)%n", label, n,
        seconds, perSecond / 1e6, checksum);
    out.flush();
    return perSecond;
  }

  private Scenario scenario(TraceOptions options, long lastMicros) {
    Scenario standard = BenchCommand.standardScenario(1, ratePerSecond);
    FunctionSpec f = standard.functions().get(0);
    FunctionSpec replayed = f.withDescription("trace benchmark function").withTraffic(
        List.of(new TrafficSpec.Trace("trace#0", options, 0, false, 0, Long.MAX_VALUE)));
    long duration = (lastMicros / 1_000_000 + 2) * SECOND_NANOS;
    return new Scenario("bench-trace", "", 1, duration, 0, 60 * SECOND_NANOS, standard.account(),
        standard.pricing(), List.of(replayed), null);
  }

  private double replay(Scenario scenario, String label) throws IOException {
    BenchCommand.TimedRun run = BenchCommand.TimedRun.of(scenario);
    RunResult result = run.result();
    double seconds = run.seconds();
    long arrivals = result.functions().get(0).arrivals();
    double perSecond = arrivals / seconds;
    out.printf(Locale.ROOT, "%-9s %,d rows (%,d invocations, %,d throttles) in %.2f s: "
            + "%.2f M rows/s%n", label, arrivals, result.accountInvocations(),
        result.accountThrottles(), seconds, perSecond / 1e6);
    out.flush();
    return perSecond;
  }
}
