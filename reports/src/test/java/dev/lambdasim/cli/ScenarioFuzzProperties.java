package dev.lambdasim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import dev.lambdasim.run.RunResult;
import dev.lambdasim.run.Simulation;
import dev.lambdasim.scenario.ScenarioException;
import dev.lambdasim.scenario.ScenarioLoader;
import dev.lambdasim.spec.Scenario;
import dev.lambdasim.workload.trace.TraceException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever a user or an attacker writes, lambdasim answers with exit 0 or 2, never 1: it
 * mutates the shipped scenarios and the shipped trace (a line deleted, duplicated or re-indented,
 * a key renamed, a value of the wrong type, extreme and non-finite numbers, very long strings,
 * junk and non-UTF-8 bytes, an empty file), then asserts that every exit-2 message is located
 * ({@code file:line:col:} or {@code file:line:}), and that every file that validates runs —
 * with its horizon cut to a minute — to a balanced ledger.
 *
 * <p>The mutated files are written next to copies of the scenarios' data, so relative trace
 * and data paths resolve as in the shipped folder. The seed is fixed, so a failure is
 * reproducible; jqwik prints the failing sample.
 */
final class ScenarioFuzzProperties {

  /** A located message: {@code file:line:col: …} or {@code file:line: …}. */
  private static final Pattern LOCATED = Pattern.compile("^[^:\\s][^:]*:\\d+(:\\d+)?: .+");

  private static final long SHORT_HORIZON_NANOS = 60_000_000_000L;

  private static Path folder;
  private static List<String> scenarios;
  private static List<String> names;
  private static String trace;
  private static final AtomicInteger CASE = new AtomicInteger();

  @BeforeContainer
  static void copyScenarios() throws IOException {
    Path shipped = Path.of("..", "scenarios").toAbsolutePath().normalize();
    folder = Files.createTempDirectory("lambdasim-fuzz");
    copyTree(shipped.resolve("traces"), folder.resolve("traces"));
    copyTree(shipped.resolve("data"), folder.resolve("data"));
    scenarios = new ArrayList<>();
    names = new ArrayList<>();
    try (Stream<Path> files = Files.list(shipped)) {
      for (Path p : files.sorted().toList()) {
        String name = p.getFileName().toString();
        if ((name.endsWith(".yaml") || name.endsWith(".json")) && !name.endsWith(".schema.json")) {
          scenarios.add(Files.readString(p, StandardCharsets.UTF_8));
          names.add(name);
        }
      }
    }
    trace = Files.readString(shipped.resolve("traces").resolve("azure2021_first199.csv"));
  }

  @AfterContainer
  static void removeCopies() throws IOException {
    deleteTree(folder);
  }

  @Property(tries = 2000, seed = "20261201")
  void everyInputIsAnsweredWithZeroOrTwo(@ForAll("mutatedScenarios") Mutated mutated) {
    // A hang is a failure too: every input must finish (or be refused) quickly.
    String outcome = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> check(mutated),
        () -> "no answer in 30 s: " + mutated);
    Statistics.label("mutation").collect(mutated.kind());
    Statistics.label("outcome").collect(outcome);
  }

  /** Returns what happened: refused by validate, refused by run, or ran. */
  private String check(Mutated mutated) throws IOException, ScenarioException {
    int n = CASE.incrementAndGet();
    Path file = folder.resolve("fuzz-" + n + mutated.extension());
    Files.write(file, mutated.bytes());
    if (mutated.traceBytes() != null) {
      Files.write(folder.resolve("traces").resolve("fuzzed.csv"), mutated.traceBytes());
    }
    try {
      Cli.Result validate = Cli.execute("validate", file);
      assertThat(validate.code()).as(describe(mutated, validate)).isIn(0, 2);
      if (validate.code() == 2) {
        assertLocated(mutated, validate);
        return "refused by validate";
      }
      // The file validated: it must run to a balanced ledger. The horizon is cut short (the
      // model runs the validated scenario as loaded; later sources are simply not reached).
      Scenario loaded = new ScenarioLoader().load(file, List.of());
      Scenario shortRun = new Scenario(loaded.name(), loaded.description(), loaded.seed(),
          Math.min(loaded.durationNanos(), SHORT_HORIZON_NANOS), 0, loaded.metricsPeriodNanos(),
          loaded.account(), loaded.pricing(), loaded.functions(), loaded.source());
      RunResult result;
      try {
        result = Simulation.run(shortRun);
      } catch (TraceException e) {
        // Bad input found in a trace while running: exit 2 with a located line.
        assertThat(e.getMessage()).as("%s", mutated).matches(LOCATED);
        return "refused by run";
      }
      assertThat(result.conservation().balanced()).as("ledger of %s", mutated).isTrue();
      return "ran";
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static void assertLocated(Mutated mutated, Cli.Result result) {
    List<String> lines = result.errLines();
    assertThat(lines).as(describe(mutated, result)).isNotEmpty();
    for (String line : lines) {
      assertThat(line).as(describe(mutated, result)).matches(LOCATED);
    }
  }

  private static String describe(Mutated mutated, Cli.Result result) {
    String shown = new String(mutated.bytes(), StandardCharsets.UTF_8);
    if (shown.length() > 4000) {
      shown = shown.substring(0, 4000) + "…";
    }
    String err = result.err().length() > 4000 ? result.err().substring(0, 4000) + "…" : result.err();
    return mutated.kind() + " of " + mutated.source() + " -> exit " + result.code() + "\n" + err
        + "\n--- input ---\n" + shown;
  }

  /** One mutated input: the scenario's bytes, and the trace's when the trace was mutated. */
  record Mutated(String source, String kind, byte[] bytes, byte[] traceBytes) {

    String extension() {
      return source.endsWith(".json") ? ".json" : ".yaml";
    }

    @Override
    public String toString() {
      return kind + " of " + source;
    }
  }

  @Provide
  Arbitrary<Mutated> mutatedScenarios() {
    // Without edge cases: they would over-represent the first and last mutation and line.
    Arbitrary<Integer> which = Arbitraries.integers().between(0, scenarios.size() - 1).withoutEdgeCases();
    Arbitrary<Integer> position = Arbitraries.integers().between(0, 10_000).withoutEdgeCases();
    Arbitrary<Integer> kind = Arbitraries.integers().between(0, MUTATIONS.length - 1).withoutEdgeCases();
    Arbitrary<Integer> pick = Arbitraries.integers().between(0, 1_000).withoutEdgeCases();
    return Combinators.combine(which, kind, position, pick).as(this::mutate);
  }

  private static final String[] MUTATIONS = {
      "delete line", "duplicate line", "indent line", "dedent line", "rename key",
      "wrong type", "extreme number", "long string", "junk bytes", "non-utf8", "empty file",
      "truncate", "trace row", "swap lines"};

  private static final String[] WRONG_TYPES = {
      "[]", "{}", "true", "null", "\"\"", "5", "[1, 2]", "{a: 1}", "~", "x", "-", "*a", "&a 1", "!!binary x"};

  private static final String[] EXTREMES = {
      "1e308", "-1e308", "1" + "0".repeat(400), "99999999999999999999", "-99999999999999999999",
      "NaN", ".nan", ".inf", "-.inf", "0", "-1", "-0", "1e-320", "0.0000001", "4294967296",
      "9223372036854775808", "1" + "0".repeat(400) + "/s", "1e308/s", "0/s", "-1/s",
      "99999999999999999999/s", "1e300s", "0ms", "-5m", "1" + "0".repeat(40) + "d", "NaNs"};

  private static final String[] TRACE_ROWS = {
      "", "   ", "x,y,z", "app,func,1e300,0.1", "app,func,-1,0.1", "app,func,NaN,NaN",
      "app,func,1,1e308", "\u0000\u0001\u0002", "a".repeat(70_000), "app,func,,", ",,,,,,,,,",
      "app,func,99999999999,1"};

  private Mutated mutate(int which, int kind, int position, int pick) {
    String name = names.get(which);
    String text = scenarios.get(which);
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    int at = position % lines.size();
    String mutation = MUTATIONS[kind];
    byte[] traceBytes = null;
    switch (mutation) {
      case "delete line" -> lines.remove(at);
      case "duplicate line" -> lines.add(at, lines.get(at));
      case "indent line" -> lines.set(at, "  " + lines.get(at));
      case "dedent line" -> lines.set(at, lines.get(at).replaceFirst("^  ", ""));
      case "swap lines" -> {
        int other = pick % lines.size();
        String a = lines.get(at);
        lines.set(at, lines.get(other));
        lines.set(other, a);
      }
      case "rename key" -> lines.set(at, lines.get(at).replaceFirst("(\\w+)(\\s*:)",
          pick % 2 == 0 ? "$1x$2" : "zz$2"));
      case "wrong type" -> lines.set(at, replaceValue(lines.get(at), WRONG_TYPES[pick % WRONG_TYPES.length]));
      case "extreme number" -> lines.set(at, replaceNumber(lines.get(at), EXTREMES[pick % EXTREMES.length]));
      case "long string" -> lines.set(at, replaceValue(lines.get(at), "x".repeat(20_000 + pick)));
      case "junk bytes" -> lines.set(at, lines.get(at) + "\t@`%{[\"'\\");
      case "truncate" -> {
        String joined = String.join("\n", lines);
        return new Mutated(name, mutation, joined.substring(0, (position * 7) % Math.max(1, joined.length()))
            .getBytes(StandardCharsets.UTF_8), null);
      }
      case "empty file" -> {
        return new Mutated(name, mutation, new byte[0], null);
      }
      case "non-utf8" -> {
        byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(bytes, bytes.length + 3);
        int cut = bytes.length == 0 ? 0 : position % bytes.length;
        System.arraycopy(bytes, cut, out, cut + 3, bytes.length - cut);
        out[cut] = (byte) 0xC3;
        out[cut + 1] = (byte) 0x28;
        out[cut + 2] = (byte) 0xFF;
        return new Mutated(name, mutation, out, null);
      }
      case "trace row" -> {
        List<String> rows = new ArrayList<>(Arrays.asList(trace.split("\n", -1)));
        int row = 1 + position % Math.max(1, rows.size() - 1);
        rows.set(row, TRACE_ROWS[pick % TRACE_ROWS.length]);
        traceBytes = String.join("\n", rows).getBytes(StandardCharsets.UTF_8);
        String pointed = text.replace("traces/azure2021_first199.csv", "traces/fuzzed.csv");
        return new Mutated(name, mutation, pointed.getBytes(StandardCharsets.UTF_8), traceBytes);
      }
      default -> throw new IllegalStateException(mutation);
    }
    return new Mutated(name, mutation, String.join("\n", lines).getBytes(StandardCharsets.UTF_8),
        traceBytes);
  }

  /** Replaces the value after the first {@code key:} of a line, or appends one. */
  private static String replaceValue(String line, String value) {
    int colon = line.indexOf(": ");
    return colon < 0 ? line + " " + value : line.substring(0, colon + 2) + value;
  }

  /** Replaces the first number of a line, or the value when it has none. */
  private static String replaceNumber(String line, String number) {
    String replaced = line.replaceFirst("-?\\d+(\\.\\d+)?(e[-+]?\\d+)?", java.util.regex.Matcher.quoteReplacement(number));
    return replaced.equals(line) ? replaceValue(line, number) : replaced;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
