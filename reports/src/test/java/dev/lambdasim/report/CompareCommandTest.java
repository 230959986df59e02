package dev.lambdasim.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdasim.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lambdasim compare} end to end: runs use common random numbers, so a scenario compared
 * with itself differs in nothing and a copy that only changes memory gets the same arrivals;
 * result folders compare as well as scenario files; bad input exits 2 and writes nothing.
 */
final class CompareCommandTest {
  private static final String SCENARIO = String.join("\n",
      "name: cmp",
      "seed: 7",
      "duration: 10m",
      "metricsPeriod: 1m",
      "functions:",
      "  - name: api",
      "    memoryMb: 512",
      "    referenceMemoryMb: 512",
      "    duration: {dist: lognormal, median: 80ms, p99: 400ms}",
      "    errorRate: 0.05",
      "    traffic:",
      "      - poisson: {rate: 20/s}",
      "      - burst: {at: 5m, count: 50}",
      "");

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void aScenarioComparedWithItselfHasZeroDeltas() throws IOException {
    Path a = write("a.yaml", SCENARIO);

    int code = compare(a.toString(), a.toString(), "--out", dir.resolve("cmp").toString());

    assertThat(code).as(err.toString()).isZero();
    JsonNode json = comparison("cmp");
    assertThat(json.path("runs")).hasSize(2);
    assertThat(json.path("runs").get(1).path("label").asText()).isEqualTo("a-2");
    int metrics = 0;
    for (JsonNode subject : new JsonNode[] {json.path("functions").path("api"),
        json.path("account"), json.path("conservation")}) {
      Iterator<Map.Entry<String, JsonNode>> fields = subject.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> metric = fields.next();
        metrics++;
        JsonNode values = metric.getValue().path("values");
        assertThat(values.get(1)).as(metric.getKey()).isEqualTo(values.get(0));
        JsonNode delta = metric.getValue().path("delta").get(1);
        assertThat(delta.isNull() || delta.asDouble() == 0.0).as(metric.getKey()).isTrue();
      }
    }
    assertThat(metrics).isGreaterThan(40);
    assertThat(json.at("/functions/api/arrivals/values/0").asLong()).isBetween(11_500L, 12_600L);
  }

  @Test
  void raisingOnlyMemoryKeepsTheArrivalsAndShortensTheHandler() throws IOException {
    Path a = write("base.yaml", SCENARIO);
    Path b = write("more-memory.yaml", SCENARIO.replace("memoryMb: 512\n", "memoryMb: 2048\n"));

    int code = compare(a.toString(), b.toString(), "--out", dir.resolve("cmp").toString());

    assertThat(code).as(err.toString()).isZero();
    JsonNode api = comparison("cmp").path("functions").path("api");
    assertThat(api.at("/arrivals/delta/1").asLong()).isZero();
    assertThat(api.at("/arrivals/values/0").asLong()).isBetween(11_500L, 12_600L);
    // Same draws: errors are drawn on arrival, so the same requests fail in both runs.
    assertThat(api.at("/errors/delta/1").asLong()).isZero();
    // 512 → 2048 MB gives a single-threaded, CPU-bound handler 1769/512 times the CPU (one
    // vCPU at 1,769 MB; it cannot use more): it takes 512/1769 = 29 % as long, a 71 % cut.
    assertThat(api.path("durationMs.p50").at("/relativeDelta/1").asDouble()).isBetween(-0.74, -0.68);
    assertThat(out.toString()).contains("base", "more-memory", "durationMs.p99", "costUsd.total");
  }

  /** Long labels that share a prefix stay apart in the terminal table: lettered, with a legend. */
  @Test
  void terminalTableLettersItsColumnsWithALegend() throws IOException {
    Path a = write("provisioned-autoscaling-fixed.yaml", SCENARIO);
    Path b = write("provisioned-autoscaling-schedule.yaml", SCENARIO);

    int code = compare(a.toString(), b.toString(), "--out", dir.resolve("cmp").toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("  A = provisioned-autoscaling-fixed\n")
        .contains("  B = provisioned-autoscaling-schedule\n")
        .containsPattern("metric +A +B +Δ% B");
  }

  @Test
  void resultFoldersCompareLikeScenarios() throws IOException {
    Path a = write("a.yaml", SCENARIO);
    assertThat(Main.execute(new String[] {"run", a.toString(), "--out", dir.resolve("runs").toString()},
        new PrintWriter(out), new PrintWriter(err))).isZero();
    Path folder = dir.resolve("runs").resolve("cmp");

    int code = compare(folder.toString(), a.toString(), "--out", dir.resolve("mixed").toString());

    assertThat(code).as(err.toString()).isZero();
    JsonNode json = comparison("mixed");
    assertThat(json.at("/functions/api/invocations/delta/1").asLong()).isZero();
    String html = Files.readString(dir.resolve("mixed/comparison.html"), StandardCharsets.UTF_8);
    assertThat(html).contains("runs/2/cmp/report.html", folder.toUri().toString());
    assertThat(dir.resolve("mixed/charts/f01-api-latency-cdf.png")).isRegularFile();
    assertThat(dir.resolve("mixed/charts/account-cost.svg")).isRegularFile();
    try (Stream<Path> entries = Files.list(dir)) {
      assertThat(entries.map(entry -> entry.getFileName().toString()))
          .as("partial folders left").noneMatch(name -> name.matches("\\..*\\.partial"));
    }
  }

  @Test
  void badInputExitsTwoAndWritesNothing() throws IOException {
    Path good = write("good.yaml", SCENARIO);
    Path broken = write("broken.yaml", SCENARIO.replace("memoryMb: 512", "memoryMb: 100"));
    Files.createDirectories(dir.resolve("empty-folder"));
    Path out1 = dir.resolve("never");

    assertThat(compare(good.toString(), dir.resolve("missing.yaml").toString(),
        "--out", out1.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("missing.yaml: no such file or folder");
    assertThat(compare(good.toString(), dir.resolve("empty-folder").toString(),
        "--out", out1.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("has no summary.json");
    assertThat(compare(good.toString(), broken.toString(), "--out", out1.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("memoryMb");
    assertThat(compare(good.toString(), "--out", out1.toString())).isEqualTo(2);
    assertThat(out1).doesNotExist();
  }

  @Test
  void inputNamesAreEscapedInThePageAndCleanedInLabels() throws IOException {
    // Function and scenario names are restricted to safe characters; file names are not.
    Path a = write("a<b>x&y.yaml", SCENARIO);

    int code = compare(a.toString(), a.toString(), "--out", dir.resolve("cmp").toString());

    assertThat(code).as(err.toString()).isZero();
    String html = Files.readString(dir.resolve("cmp/comparison.html"), StandardCharsets.UTF_8);
    assertThat(html).doesNotContain("<b>x").contains("a&lt;b&gt;x&amp;y.yaml", "a_b_x_y");
  }

  private int compare(String... args) {
    String[] full = new String[args.length + 1];
    full[0] = "compare";
    System.arraycopy(args, 0, full, 1, args.length);
    return Main.execute(full, new PrintWriter(out), new PrintWriter(err));
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private JsonNode comparison(String folder) throws IOException {
    return new ObjectMapper().readTree(dir.resolve(folder).resolve("comparison.json").toFile());
  }
}
