package dev.lambdasim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** metrics.csv is split into per-function series by column name; bad rows fail with their line. */
final class MetricsCsvTest {
  @TempDir Path dir;

  @Test
  void splitsRowsByFunctionAndKeepsAccountRows() throws IOException {
    Path file = write(RunFolder.HEADER, RunFolder.row(0, "api", 0, false),
        RunFolder.row(0, "*", 0, false), RunFolder.row(60, "api", 1, false),
        RunFolder.row(60, "*", 1, false));

    Map<String, MetricSeries> series = MetricsCsv.read(file);

    assertThat(series).containsOnlyKeys("api", "*");
    assertThat(series.get("*").isAccount()).isTrue();
    MetricSeries api = series.get("api");
    assertThat(api.periods().bucketStartsSeconds()).containsExactly(0.0, 60.0);
    assertThat(api.extremes(MetricColumn.INVOCATIONS).y()).containsExactly(100.0, 140.0);
    assertThat(api.extremes(MetricColumn.DURATION_P99).y()).containsExactly(300.0, 305.0);
    assertThat(api.extremes(MetricColumn.ENVIRONMENTS_BUSY).y()).containsExactly(2.5, 3.5);
    assertThat(api.extremes(MetricColumn.THROTTLES_SCALING).y()).containsExactly(0.0, 0.0);
  }

  @Test
  void emptyStatisticCellsAreNaN() throws IOException {
    Path file = write(RunFolder.HEADER, RunFolder.row(0, "api", 0, true));

    MetricSeries api = MetricsCsv.read(file).get("api");

    assertThat(api.extremes(MetricColumn.DURATION_AVG).y()[0]).isNaN();
    assertThat(api.extremes(MetricColumn.INIT_DURATION_P99).y()[0]).isNaN();
    assertThat(api.extremes(MetricColumn.INVOCATIONS).y()).containsExactly(0.0);
    assertThat(api.hasData(MetricColumn.DURATION_MAX)).isFalse();
    assertThat(api.max(MetricColumn.ITERATOR_AGE_MAX)).isNaN();
  }

  @Test
  void missingColumnReadsAsEmpty() throws IOException {
    Path file = write("periodStart,function,Invocations", "0,api,7");

    MetricSeries api = MetricsCsv.read(file).get("api");

    assertThat(api.extremes(MetricColumn.INVOCATIONS).y()).containsExactly(7.0);
    assertThat(api.extremes(MetricColumn.COLD_STARTS).y()[0]).isNaN();
  }

  @Test
  void shortRowFailsWithItsLineNumber() throws IOException {
    Path file = write(RunFolder.HEADER, RunFolder.row(0, "api", 0, false), "60,api,1,2");

    assertThatThrownBy(() -> MetricsCsv.read(file))
        .isInstanceOf(IOException.class).hasMessageContaining("line 3");
  }

  @Test
  void nonNumericCellFailsWithoutEchoingIt() throws IOException {
    Path file = write("periodStart,function,Invocations", "0,api,<script>");

    assertThatThrownBy(() -> MetricsCsv.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("Invocations")
        .hasMessageNotContaining("<script>");
  }

  @Test
  void headerWithoutFunctionColumnFails() throws IOException {
    Path file = write("periodStart,Invocations", "0,1");

    assertThatThrownBy(() -> MetricsCsv.read(file)).hasMessageContaining("'function'");
  }

  @Test
  void quotedCellsMaySpanCommas() {
    assertThat(CsvLine.split("a,\"b,c\",\"d\"\"e\",")).containsExactly("a", "b,c", "d\"e", "");
  }

  private Path write(String... lines) throws IOException {
    return Files.write(dir.resolve("metrics.csv"), List.of(lines));
  }
}
