package dev.lambdasim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provisioned concurrency over time and the async queue in the report: the step and mark data
 * are computed without drawing, the charts render to real images, and the page gains the
 * provisioned and async tables with every input string escaped.
 */
final class ProvisionedAndAsyncChartTest {
  private static final String HOSTILE = "<script>alert(1)</script>";

  @TempDir Path dir;

  @Test
  void stepLineHoldsEachPeriodsValueToTheEndOfItsPeriod() {
    StepLine step = StepLine.of(
        new SeriesPoints(new double[] {0, 1, 2}, new double[] {5, Double.NaN, 7}), 3.0);

    assertThat(step.x()).containsExactly(0.0, 1.0, 2.0, 3.0);
    assertThat(step.y()[0]).isEqualTo(5.0);
    assertThat(step.y()[1]).isNaN();
    assertThat(step.y()[2]).isEqualTo(7.0);
    assertThat(step.y()[3]).isEqualTo(7.0);
    assertThat(step.anyPositive()).isTrue();
    assertThat(StepLine.of(new SeriesPoints(new double[] {0}, new double[] {0}), 1.0)
        .anyPositive()).isFalse();
    assertThat(StepLine.of(new SeriesPoints(new double[0], new double[0]), 1.0).x()).isEmpty();
    assertThatThrownBy(() -> new SeriesPoints(new double[2], new double[3]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyActionIsMarkedInTimeOrderWithFromAndTo() throws Exception {
    ScalingMarks marks = ScalingMarks.of(json(provisioned(
        "{\"timeSeconds\":600,\"from\":10,\"to\":4,\"reason\":\"b\"},"
            + "{\"timeSeconds\":60,\"from\":0,\"to\":10,\"reason\":\"a\"}", 2)),
        3_600, ScalingMarks.MAX_LABELS);

    assertThat(marks.marks()).extracting(ScalingMarks.Mark::timeSeconds)
        .containsExactly(60.0, 600.0);
    assertThat(marks.marks().get(0).label()).isEqualTo("0\u219210");
    assertThat(marks.marks().get(0).scaleOut()).isTrue();
    assertThat(marks.marks().get(1).scaleOut()).isFalse();
    assertThat(marks.marks()).allMatch(ScalingMarks.Mark::labelled);
    assertThat(marks.note()).isEmpty();
  }

  @Test
  void hundredsOfActionsGetABoundedNumberOfLabelsSpreadOverTheRun() throws Exception {
    StringBuilder actions = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      actions.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
          "{\"timeSeconds\":%d,\"from\":%d,\"to\":%d,\"reason\":\"r\"}", 10 * i, i, i + 1));
    }
    ScalingMarks marks = ScalingMarks.of(json(provisioned(actions.toString(), 1_500)),
        5_000, 12);

    assertThat(marks.marks()).hasSize(500);
    assertThat(marks.total()).isEqualTo(1_500);
    List<Double> labelled = marks.marks().stream().filter(ScalingMarks.Mark::labelled)
        .map(ScalingMarks.Mark::timeSeconds).toList();
    assertThat(labelled).hasSizeLessThanOrEqualTo(12).hasSizeGreaterThanOrEqualTo(10)
        .startsWith(0.0);
    for (int i = 1; i < labelled.size(); i++) {
      assertThat(labelled.get(i) - labelled.get(i - 1)).isGreaterThanOrEqualTo(5_000.0 / 12);
    }
    assertThat(marks.note()).contains("1,500 scaling actions", "(500)", "labelled");
  }

  @Test
  void malformedOrMissingActionsAreNoMarks() throws Exception {
    assertThat(ScalingMarks.of(json("{}"), 100, 12).isEmpty()).isTrue();
    ScalingMarks marks = ScalingMarks.of(json(provisioned(
        "{\"timeSeconds\":\"soon\",\"from\":1,\"to\":2},{\"timeSeconds\":5,\"to\":2}", 0)),
        100, 12);
    assertThat(marks.isEmpty()).isTrue();
  }

  @Test
  void asyncChartIsForSubjectsThatReceivedEventsAndAgesAreSeconds() throws Exception {
    MetricSeries quiet = series(0, false);
    MetricSeries busy = series(0, true);

    assertThat(AsyncQueueData.received(json("{\"received\":0}"), quiet)).isFalse();
    assertThat(AsyncQueueData.received(json("{\"received\":3}"), quiet)).isTrue();
    assertThat(AsyncQueueData.received(json("{}"), busy)).isTrue();
    double[] seconds = AsyncQueueData.seconds(
        new SeriesPoints(new double[] {0, 60}, new double[] {1_500, Double.NaN})).y();
    assertThat(seconds[0]).isEqualTo(1.5);
    assertThat(seconds[1]).isNaN();
  }

  @Test
  void concurrencyChartDrawsConfiguredAndReadyStepsAndTheMarks() throws Exception {
    MetricSeries series = series(8, false);
    ScalingMarks marks = ScalingMarks.of(json(provisioned(
        "{\"timeSeconds\":120,\"from\":2,\"to\":8,\"reason\":\"r\"}", 1)), 600, 12);
    SubjectCharts charts = new SubjectCharts(series, "function api", "f01-api",
        new LimitLines(Double.NaN, 2, 1000), null, 60.0, marks, false);

    XYPlot plot = charts.concurrency().chart().getXYPlot();

    assertThat(charts.showsProvisioned()).isTrue();
    assertThat(plot.getDataset(0).getSeriesKey(1))
        .isEqualTo(MetricColumn.PROVISIONED_CONCURRENT_EXECUTIONS.label());
    assertThat(plot.getDataset(1).getSeriesCount()).isEqualTo(2); // configured, ready
    assertThat(plot.getDataset(1).getItemCount(0)).isEqualTo(series.periodCount() + 1);
    assertThat(plot.getDataset(2).getSeriesKey(0)).isEqualTo("Scale-out");
    assertThat(plot.getAnnotations()).hasSize(1);
    assertThat(plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND)).isNull();
    assertThat(plot.getRangeAxis().getUpperBound()).isGreaterThanOrEqualTo(8.0);
  }

  @Test
  void withoutProvisionedConcurrencyTheChartIsAsBefore() {
    SubjectCharts charts = new SubjectCharts(series(0, false), "function api", "f01-api",
        new LimitLines(Double.NaN, Double.NaN, 1000), null, 60.0, ScalingMarks.NONE, false);

    assertThat(charts.showsProvisioned()).isFalse();
    assertThat(charts.concurrency().chart().getXYPlot().getDataset(1)).isNull();
    assertThat(charts.all()).extracting(ReportChart::fileStem)
        .doesNotContain("f01-api-async-queue");
  }

  @Test
  void reportOfAProvisionedAsyncRunHasTheChartsAndTablesEscaped() throws Exception {
    RunFolder.write(dir, List.of("api"), 6, "plain");
    addProvisionedAndAsync(dir, 25, HOSTILE);

    RunReport.write(dir);

    String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
    assertThat(html).contains("<h3>Provisioned concurrency</h3>", "<h3>Asynchronous invocation</h3>",
        "Configured GB-seconds", "72,000.0", "41.00 % / 100.00 %", "Queue depth peak",
        "Dropped: EventAgeExceeded", "Dropped: &lt;b&gt;odd&lt;/b&gt;", "Delivered to dlq",
        "Throttled attempts", "The first 20 of 25 scaling actions",
        "charts/f01-api-async-queue.png", "Triangles");
    assertThat(html).doesNotContain(HOSTILE).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script");
    assertThat(html.split("<td>&lt;script&gt;", -1)).hasSize(21); // 20 listed reasons
    for (String chart : new String[] {"f01-api-concurrency", "f01-api-async-queue",
        "account-async-queue"}) {
      ChartImages.assertDrawn(dir.resolve("charts/" + chart + ".png"));
      assertThat(dir.resolve("charts/" + chart + ".svg")).isRegularFile();
    }
  }

  @Test
  void aRunWithoutTheNewColumnsOrKeysHasNoNewSections() throws Exception {
    RunFolder.write(dir, List.of("api"), 4, "plain");

    RunReport.write(dir);

    String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
    assertThat(html).doesNotContain("<h3>Provisioned concurrency</h3>",
        "<h3>Asynchronous invocation</h3>", "async-queue");
  }

  /** Appends the new metrics.csv columns and summary.json keys to a {@link RunFolder} run. */
  static void addProvisionedAndAsync(Path dir, int actions, String reason) throws Exception {
    Path metrics = dir.resolve("metrics.csv");
    List<String> lines = Files.readAllLines(metrics, StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>();
    out.add(lines.get(0) + ",ProvisionedConcurrencyConfigured,ProvisionedConcurrencyReady,"
        + "AsyncQueueDepth_max");
    for (int i = 1; i < lines.size(); i++) {
      int p = (i - 1) / 2;
      String row = lines.get(i);
      // AsyncEventsReceived and AsyncEventAge_max are cells 17 and 18 of the contract.
      List<String> cells = new ArrayList<>(Arrays.asList(row.split(",", -1)));
      cells.set(17, String.valueOf(50 + 10 * p));
      cells.set(18, String.valueOf(1_000.0 * (p + 1)));
      cells.set(19, String.valueOf(p % 2));
      out.add(String.join(",", cells) + String.format(Locale.ROOT, ",%d,%d,%d",
          p < 2 ? 2 : 8, p < 3 ? 2 : 8, 40 * p));
    }
    Files.write(metrics, out, StandardCharsets.UTF_8);
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < actions; i++) {
      list.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
          "{\"timeSeconds\":%d,\"from\":%d,\"to\":%d,\"reason\":%s}", 10 * i + 30, 2 + i % 2,
          3 - i % 2, new ObjectMapper().writeValueAsString(reason)));
    }
    Path summary = dir.resolve("summary.json");
    String json = Files.readString(summary, StandardCharsets.UTF_8).replaceFirst(
        "\"billedGbSeconds\"", "\"provisioned\":{\"configuredGbSeconds\":72000,"
            + "\"utilisation\":{\"mean\":0.41,\"max\":1},\"scalingActions\":" + actions
            + ",\"actions\":[" + list + "]},"
            + "\"async\":{\"received\":400,\"dropped\":7,\"retried\":12,\"throttledAttempts\":90,"
            + "\"ageMs\":{\"mean\":900,\"p50\":0,\"p90\":2000,\"p99\":61000,\"max\":180000},"
            + "\"queueDepthPeak\":240,\"failuresByCondition\":{\"EventAgeExceeded\":5,"
            + "\"<b>odd</b>\":2},\"failedInvokeCounts\":{\"3\":2},"
            + "\"deliveries\":{\"dlq\":7}},\"billedGbSeconds\"");
    Files.writeString(summary, json, StandardCharsets.UTF_8);
  }

  private static String provisioned(String actions, int count) {
    return "{\"configuredGbSeconds\":1,\"scalingActions\":" + count + ",\"actions\":[" + actions
        + "]}";
  }

  private static JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text);
  }

  /** Returns ten one-minute periods; {@code provisioned} > 0 fills the provisioned columns. */
  private static MetricSeries series(int provisioned, boolean async) {
    MetricSeries series = new MetricSeries("api");
    for (int p = 0; p < 10; p++) {
      double[] values = new double[MetricColumn.values().length];
      Arrays.fill(values, Double.NaN);
      values[MetricColumn.CONCURRENT_EXECUTIONS.ordinal()] = 3 + p % 4;
      values[MetricColumn.PROVISIONED_CONCURRENT_EXECUTIONS.ordinal()] = provisioned > 0 ? 2 : 0;
      values[MetricColumn.PROVISIONED_CONFIGURED.ordinal()] = p < 2 ? provisioned / 4 : provisioned;
      values[MetricColumn.PROVISIONED_READY.ordinal()] = p < 3 ? provisioned / 4 : provisioned;
      values[MetricColumn.ASYNC_EVENTS_RECEIVED.ordinal()] = async ? 5 : 0;
      series.addPeriod(60.0 * p, values);
    }
    return series;
  }
}
