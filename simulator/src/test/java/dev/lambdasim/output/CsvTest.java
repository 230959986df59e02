package dev.lambdasim.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasim.run.ProgressListener;
import dev.lambdasim.run.TimelineLimits;
import dev.lambdasim.scenario.ScenarioLoader;
import dev.lambdasim.spec.Scenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text cells open as text in a spreadsheet (OWASP, "CSV Injection"): a cell that starts with a
 * formula character gets a single quote in front, cells with separators are quoted per RFC 4180,
 * and reading a cell back removes exactly the quote that writing added. In a run, a function and
 * a fleet's trace ids that start with {@code =}, {@code +}, {@code -} or {@code @} come out
 * guarded in every CSV file, while summary.json keeps them as they are.
 */
final class CsvTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"=1+1", "+1", "-api", "@SUM(A1)", "\tcmd", "=", "''=x", "'-1"})
  void aCellThatStartsAsAFormulaGetsOneQuoteInFront(String text) {
    String cell = Csv.text(text);
    String unquoted = cell.startsWith("\"") ? cell.substring(1, cell.length() - 1) : cell;

    assertThat(unquoted).isEqualTo("'" + text);
    assertThat(Csv.readText(unquoted)).isEqualTo(text);
  }

  @Test
  void aCarriageReturnFirstIsGuardedAndQuoted() {
    assertThat(Csv.text("\rcmd")).isEqualTo("\"'\rcmd\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"api", "f-1a2b3c4d", "*", "*others*", "warm", "", "'quoted", "a=b",
      "a-b", "'", "''"})
  void otherTextIsWrittenAndReadAsItIs(String text) {
    assertThat(Csv.text(text)).isEqualTo(text);
    assertThat(Csv.readText(text)).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "a,b            | \"a,b\"",
      "say \"hi\"     | \"say \"\"hi\"\"\"",
      "`=HYPERLINK(\"http://x\",\"y\")` | \"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
      "`-1,2`         | \"'-1,2\""})
  void cellsWithSeparatorsOrQuotesAreQuoted(String text, String cell) {
    assertThat(Csv.text(text)).isEqualTo(cell);
  }

  @Test
  void aLineBreakIsQuoted() {
    assertThat(Csv.text("a\nb")).isEqualTo("\"a\nb\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-0.5", "12", "", "1e-3"})
  void readingANumberCellChangesNothing(String cell) {
    assertThat(Csv.readText(cell)).isEqualTo(cell);
  }

  @Test
  void namesAndTraceIdsThatStartAsFormulasAreGuardedInEveryCsvFile() throws Exception {
    Files.writeString(dir.resolve("t.csv"), "app,func,end_timestamp,duration\n"
        + "=1+1,x,1.5,0.5\n+1,x,2.5,0.5\n-1,x,3.5,0.5\n@SUM(1),x,4.5,0.5\n",
        StandardCharsets.UTF_8);
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, """
        name: formulas
        duration: 1m
        functions:
          - name: -api
            duration: {dist: constant, value: 10ms}
            traffic: [{burst: {at: 1s, count: 3}}]
        fleet:
          trace: {file: t.csv, format: azure-2021}
          template: {duration: {dist: constant, value: 10ms}}
        """, StandardCharsets.UTF_8);
    Scenario s = new ScenarioLoader().load(file);
    RunFolder.run(s, dir, ProgressListener.none(), TimelineLimits.REPORT, (f, result) -> { });
    Path run = dir.resolve("formulas");

    List<String> functions = lines(run, "functions.csv");
    assertThat(functions).anyMatch(line -> line.startsWith("'-api,,"));
    assertThat(functions.stream().map(line -> line.split(",")[1]))
        .contains("'=1+1/x", "'+1/x", "'-1/x", "'@SUM(1)/x");
    assertThat(lines(run, "metrics.csv")).anyMatch(line -> line.startsWith("0,'-api,"))
        .noneMatch(line -> line.startsWith("0,-api,"));
    for (String name : List.of("latency.csv", "environments.csv")) {
      List<String> rows = lines(run, name);
      assertThat(rows).as(name).anyMatch(line -> line.startsWith("'-api,"))
          .noneMatch(line -> line.startsWith("-api,"));
    }
    String summary = Files.readString(run.resolve("summary.json"), StandardCharsets.UTF_8);
    assertThat(summary).contains("\"-api\"", "\"=1+1/x\"", "\"@SUM(1)/x\"")
        .doesNotContain("'-api", "'=1+1");
  }

  private static List<String> lines(Path run, String name) throws Exception {
    return Files.readAllLines(run.resolve(name), StandardCharsets.UTF_8);
  }
}
