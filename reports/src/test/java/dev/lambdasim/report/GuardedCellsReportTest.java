package dev.lambdasim.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasim.output.Csv;
import dev.lambdasim.run.ProgressListener;
import dev.lambdasim.run.TimelineLimits;
import dev.lambdasim.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run's CSV files guard text cells that start as spreadsheet formulas with a single quote;
 * the report reads them back as the text they were, so a function named {@code -api} is shown
 * as {@code -api}, with its charts, never as {@code '-api}.
 */
final class GuardedCellsReportTest {

  @TempDir Path dir;

  @Test
  void aCellReadBackIsTheTextThatWasWritten() throws IOException {
    List<String> texts = List.of("=HYPERLINK(\"http://x\",\"y\")", "+1", "-api", "@SUM(A1)",
        "\tcmd", "''=x", "'plain", "plain");
    Path file = dir.resolve("cells.csv");
    Files.writeString(file, "text\n" + String.join("\n", texts.stream().map(Csv::text).toList())
        + "\n", StandardCharsets.UTF_8);

    try (CsvFile csv = CsvFile.open(file)) {
      for (String text : texts) {
        assertThat(csv.next()).containsExactly(text);
      }
      assertThat(csv.next()).isNull();
    }
  }

  @Test
  void theReportShowsAGuardedFunctionNameAsItIs() throws Exception {
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, """
        name: formulas
        duration: 2m
        functions:
          - name: -api
            duration: {dist: constant, value: 10ms}
            traffic: [{poisson: {rate: 2/s}}]
        """, StandardCharsets.UTF_8);
    dev.lambdasim.output.RunFolder.run(new ScenarioLoader().load(file), dir,
        ProgressListener.none(), TimelineLimits.REPORT,
        (folder, result) -> RunReport.write(folder));
    Path run = dir.resolve("formulas");
    assertThat(Files.readString(run.resolve("metrics.csv"), StandardCharsets.UTF_8))
        .contains(",'-api,");

    String html = Files.readString(run.resolve("report.html"), StandardCharsets.UTF_8);

    assertThat(html).contains("Charts: function -api").doesNotContain("&#39;-api");
    assertThat(html).containsPattern("<img src=\"charts/[^\"]*api[^\"]*latency[^\"]*\\.png\"");
  }
}
