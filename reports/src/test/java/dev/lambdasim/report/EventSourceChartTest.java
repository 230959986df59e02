package dev.lambdasim.report;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The event source mapping chart (SQS queue or stream): which subjects get it and its lines are
 * decided without drawing; the chart renders to a real image, and the page gains the sqs and
 * stream tables with every input string escaped.
 */
final class EventSourceChartTest {
  private static final String HOSTILE = "<script>alert(1)</script>";

  @TempDir Path dir;

  @Test
  void theKindComesFromTheSummaryOrTheColumns() throws Exception {
    MetricSeries quiet = series(false, false);

    assertThat(EventSourceData.of(json("{}"), quiet)).isEqualTo(EventSourceData.NONE);
    assertThat(EventSourceData.of(json("{\"sqs\":{}}"), quiet))
        .isEqualTo(new EventSourceData(true, false, true));
    assertThat(EventSourceData.of(json("{\"stream\":{}}"), quiet))
        .isEqualTo(new EventSourceData(false, true, true));
    assertThat(EventSourceData.of(json("{}"), series(true, false)))
        .isEqualTo(new EventSourceData(true, false, true));
    assertThat(EventSourceData.of(json("{}"), series(false, true)))
        .isEqualTo(new EventSourceData(false, true, true));
  }

  @Test
  void sqsLinesAreBacklogBatchesAllowanceAndMessageAgesInSeconds() {
    MetricSeries series = series(true, false);
    EventSourceData sqs = new EventSourceData(true, false, true);

    assertThat(sqs.backlog(series)).extracting(EventSourceData.Line::column)
        .containsExactly(MetricColumn.ESM_BACKLOG_MAX);
    assertThat(sqs.batches(series)).extracting(EventSourceData.Line::column).containsExactly(
        MetricColumn.ESM_CONCURRENCY_MAX, MetricColumn.SQS_POLLER_CONCURRENCY_MAX);
    List<EventSourceData.Line> ages = sqs.ages(series);
    assertThat(ages).extracting(EventSourceData.Line::column)
        .containsExactly(MetricColumn.MESSAGE_AGE_MAX, MetricColumn.MESSAGE_AGE_AVG);
    assertThat(ages.get(0).points().y()[2]).isEqualTo(30.0); // 30,000 ms
    assertThat(ages.get(1).points().y()[2]).isEqualTo(15.0);
    assertThat(sqs.caption()).contains("300 a minute", "poller allowance")
        .doesNotContain("Iterator age");
  }

  @Test
  void streamLinesHaveIteratorAgesAndNoPollerAllowance() {
    MetricSeries series = series(false, true);
    EventSourceData stream = new EventSourceData(false, true, true);

    assertThat(stream.batches(series)).extracting(EventSourceData.Line::column)
        .containsExactly(MetricColumn.ESM_CONCURRENCY_MAX);
    List<EventSourceData.Line> ages = stream.ages(series);
    assertThat(ages).extracting(EventSourceData.Line::column)
        .containsExactly(MetricColumn.ITERATOR_AGE_MAX, MetricColumn.ITERATOR_AGE_AVG);
    assertThat(ages.get(0).points().y()[3]).isEqualTo(40.0);
    assertThat(stream.caption()).contains("straight line", "falling behind")
        .doesNotContain("poller allowance");
  }

  @Test
  void theChartHasBacklogBatchesAndAgesOnTheirOwnAxes() {
    SubjectCharts charts = new SubjectCharts(series(true, false), "function orders", "f01-orders",
        new LimitLines(Double.NaN, Double.NaN, 1000), null, 60.0, ScalingMarks.NONE, false,
        new EventSourceData(true, false, true));

    assertThat(charts.all()).extracting(ReportChart::fileStem).contains("f01-orders-event-source");
    XYPlot plot = charts.eventSourceMapping().chart().getXYPlot();

    assertThat(plot.getDataset(0).getSeriesKey(0)).isEqualTo("Messages visible (max)");
    assertThat(plot.getDataset(2).getSeriesCount()).isEqualTo(2);
    assertThat(plot.getRangeAxis(1).getLabel()).isEqualTo("Age (s)");
    assertThat(plot.getRangeAxis(2).getLabel()).isEqualTo("Batches (count)");
    assertThat(plot.getRangeAxisForDataset(1)).isSameAs(plot.getRangeAxis(1));
    assertThat(plot.getRangeAxisForDataset(2)).isSameAs(plot.getRangeAxis(2));
    assertThat(plot.getRangeAxis(1).getUpperBound()).isGreaterThanOrEqualTo(90.0);
  }

  @Test
  void aSubjectWithoutAMappingHasNoChart() {
    SubjectCharts charts = new SubjectCharts(series(false, false), "function api", "f01-api",
        new LimitLines(Double.NaN, Double.NaN, 1000), null, 60.0, ScalingMarks.NONE, false,
        EventSourceData.NONE);

    assertThat(charts.all()).extracting(ReportChart::fileStem)
        .doesNotContain("f01-api-event-source");
  }

  @Test
  void reportOfSqsAndStreamFunctionsHasTheChartsAndTablesEscaped() throws Exception {
    RunFolder.write(dir, List.of("orders", "clicks"), 6, "plain");
    addEventSources(dir);

    RunReport.write(dir);

    String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
    assertThat(html).contains("<h3>SQS event source mapping</h3>",
        "<h3>Stream event source mapping</h3>", "Dead-lettered messages", "6.8",
        "640 / 1,250", "Failed: &lt;b&gt;odd&lt;/b&gt;", "Delivered to dlq",
        "Iterator age (ms) mean / p50", "Backlog at end", "90,546",
        "charts/f01-orders-event-source.png", "charts/f02-clicks-event-source.png",
        "charts/account-event-source.png", "300 a minute", "falling behind");
    assertThat(html).doesNotContain(HOSTILE).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script");
    for (String chart : new String[] {"f01-orders-event-source", "f02-clicks-event-source",
        "account-event-source"}) {
      ChartImages.assertDrawn(dir.resolve("charts/" + chart + ".png"));
      assertThat(dir.resolve("charts/" + chart + ".svg")).isRegularFile();
    }
  }

  @Test
  void aRunWithoutMappingsHasNoEventSourceSections() throws Exception {
    RunFolder.write(dir, List.of("api"), 4, "plain");

    RunReport.write(dir);

    String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
    assertThat(html).doesNotContain("event source mapping</h3>", "event-source");
  }

  /** Appends the ESM columns (orders reads a queue, clicks a stream) and summary sections. */
  private static void addEventSources(Path dir) throws Exception {
    Path metrics = dir.resolve("metrics.csv");
    List<String> lines = Files.readAllLines(metrics, StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>();
    out.add(lines.get(0) + ",IteratorAge_avg,EsmBacklog_max,MessageAge_max,MessageAge_avg,"
        + "EsmConcurrency_max,SqsPollerConcurrency_max");
    for (int i = 1; i < lines.size(); i++) {
      int p = (i - 1) / 3;
      List<String> cells = new ArrayList<>(Arrays.asList(lines.get(i).split(",", -1)));
      String function = cells.get(1);
      boolean sqs = function.equals("orders") || function.equals("*");
      boolean stream = function.equals("clicks") || function.equals("*");
      // IteratorAge_max is cell 16 of the contract.
      cells.set(16, stream ? String.valueOf(10_000.0 * p) : "0");
      out.add(String.join(",", cells) + String.format(Locale.ROOT, ",%s,%d,%s,%s,%d,%d",
          stream && !sqs ? String.valueOf(5_000.0 * p) : "", 20_000 - 3_000 * p,
          sqs ? String.valueOf(60_000.0 - 9_000 * p) : "",
          sqs && !stream ? String.valueOf(30_000.0 - 4_000 * p) : "",
          Math.min(5 + 300 * p, 640), sqs ? Math.min(5 + 300 * p, 1_250) : 0));
    }
    Files.write(metrics, out, StandardCharsets.UTF_8);
    String hostile = new ObjectMapper().writeValueAsString(HOSTILE);
    String sqsSection = "\"sqs\":{\"received\":218000,\"batches\":32180,\"meanBatchSize\":6.774,"
        + "\"throttledBatches\":0,\"failedBatches\":3,\"receives\":217996,\"deadLettered\":4,"
        + "\"messageAgeMs\":{\"mean\":72320.9,\"p50\":79364.1,\"p90\":113311.7,\"p99\":119734.3,"
        + "\"max\":120389.6},\"queueDepthPeak\":200001,\"concurrencyPeak\":640,"
        + "\"pollerConcurrencyPeak\":1250,\"failuresByCondition\":{\"<b>odd</b>\":4},"
        + "\"deliveries\":{\"dlq\":4}},";
    String streamSection = "\"stream\":{\"received\":1080000,\"batches\":7197,"
        + "\"meanBatchSize\":99.986,\"throttledBatches\":0,\"failedBatches\":1,\"retries\":2,"
        + "\"bisections\":1,\"failed\":1,\"iteratorAgeMs\":{\"mean\":300124.3,\"p50\":300154.9,"
        + "\"p90\":540016.6,\"p99\":594542.6,\"max\":601882.6},\"backlogPeak\":360799,"
        + "\"concurrencyPeak\":4,\"failuresByCondition\":{\"RetriesExhausted\":1},"
        + "\"deliveries\":{},\"failureRecordCount\":1,\"failureRecords\":[{\"timeSeconds\":12.5,"
        + "\"shard\":0,\"firstSequence\":7,\"lastSequence\":7,\"records\":1,\"condition\":"
        + hostile + ",\"approximateInvokeCount\":3}],\"shards\":[{\"shard\":0,\"received\":270346,"
        + "\"succeeded\":179800,\"givenUp\":1,\"backlogAtEnd\":90546,\"iteratorAgeMaxMs\":601409.1,"
        + "\"poisoned\":1}]},";
    Path summary = dir.resolve("summary.json");
    String json = Files.readString(summary, StandardCharsets.UTF_8);
    // RunFolder writes the functions in order; each has one "billedGbSeconds".
    int first = json.indexOf("\"billedGbSeconds\"");
    int second = json.indexOf("\"billedGbSeconds\"", first + 1);
    json = json.substring(0, first) + sqsSection + json.substring(first, second) + streamSection
        + json.substring(second);
    Files.writeString(summary, json, StandardCharsets.UTF_8);
  }

  private static JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text);
  }

  /** Ten one-minute periods; the flags fill the SQS or the stream columns. */
  private static MetricSeries series(boolean sqs, boolean stream) {
    MetricSeries series = new MetricSeries("orders");
    for (int p = 0; p < 10; p++) {
      double[] values = new double[MetricColumn.values().length];
      Arrays.fill(values, Double.NaN);
      values[MetricColumn.ITERATOR_AGE_MAX.ordinal()] = stream ? 10_000.0 * p + 10_000 : 0.0;
      values[MetricColumn.ITERATOR_AGE_AVG.ordinal()] = stream ? 5_000.0 * p : Double.NaN;
      values[MetricColumn.ESM_BACKLOG_MAX.ordinal()] = sqs || stream ? 20_000 - 1_000 * p : 0;
      values[MetricColumn.MESSAGE_AGE_MAX.ordinal()] = sqs ? 15_000.0 * p : Double.NaN;
      values[MetricColumn.MESSAGE_AGE_AVG.ordinal()] = sqs ? 7_500.0 * p : Double.NaN;
      values[MetricColumn.ESM_CONCURRENCY_MAX.ordinal()] = sqs || stream ? 5 + 10 * p : 0;
      values[MetricColumn.SQS_POLLER_CONCURRENCY_MAX.ordinal()] = sqs ? 5 + 300 * p : 0;
      series.addPeriod(60.0 * p, values);
    }
    return series;
  }
}
