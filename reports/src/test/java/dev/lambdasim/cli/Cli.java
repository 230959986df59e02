package dev.lambdasim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@link Main#execute} in process and captures its exit code and streams, for the tests. */
final class Cli {

  /** A small two-function scenario: ten one-minute periods, errors, timeouts and throttles. */
  static final String SMALL = String.join("\n",
      "name: small",
      "seed: 42",
      "duration: 10m",
      "metricsPeriod: 1m",
      "functions:",
      "  - name: api",
      "    timeout: 1s",
      "    errorRate: 0.05",
      "    duration: {dist: lognormal, median: 50ms, p99: 2s}",
      "    traffic:",
      "      - poisson: {rate: 5/s}",
      "      - burst: {at: 5m, count: 30}",
      "  - name: slow",
      "    timeout: 30s",
      "    reservedConcurrency: 10",
      "    duration: {dist: constant, value: 25s}",
      "    traffic:",
      "      - poisson: {rate: 1/s}",
      "");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The outcome of one command line. */
  record Result(int code, String out, String err) {

    /** Returns stderr split into lines, without empty ones. */
    List<String> errLines() {
      List<String> lines = new ArrayList<>();
      for (String line : err.split("\\R")) {
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
      return lines;
    }
  }

  private Cli() {}

  /** Returns the outcome of {@code lambdasim args...}. */
  static Result execute(Object... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] strings = new String[args.length];
    for (int i = 0; i < args.length; i++) {
      strings[i] = args[i].toString();
    }
    int code = Main.execute(strings, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  /**
   * Starts {@code java [jvmOptions] dev.lambdasim.cli.Main args...} in {@code workDir}, as a
   * user's shell would (signals, exit codes and the process's own pid are real), with stdout and
   * stderr going to files in {@code logDir}.
   */
  static Launched launch(Path workDir, Path logDir, List<String> jvmOptions, Object... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    for (Object arg : args) {
      command.add(arg.toString());
    }
    Files.createDirectories(logDir);
    Path out = Files.createTempFile(logDir, "stdout", ".txt");
    Path err = Files.createTempFile(logDir, "stderr", ".txt");
    Process process = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    return new Launched(process, out, err);
  }

  /** A command line running in its own process. */
  record Launched(Process process, Path out, Path err) {

    /** Waits for the process to end; returns its outcome. */
    Result await() throws IOException, InterruptedException {
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("lambdasim did not end within 5 minutes");
      }
      return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    }
  }

  /** Returns the path of {@code text} written to {@code dir/fileName}. */
  static Path write(Path dir, String fileName, String text) throws IOException {
    return Files.writeString(dir.resolve(fileName), text, StandardCharsets.UTF_8);
  }

  /** Returns the parsed {@code summary.json} of a result folder. */
  static JsonNode summary(Path folder) throws IOException {
    return JSON.readTree(folder.resolve("summary.json").toFile());
  }
}
