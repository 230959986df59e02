package dev.lambdasim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The per-run report: reads a finished run folder (summary.json, metrics.csv, latency.csv and
 * environments.csv and the echoed scenario) and writes report.html with its charts under charts/. It reads only those
 * files, so a report can be rebuilt from any run folder without re-running the simulation.
 *
 * <p>Every chart is written as PNG (shown in the page) and SVG (linked under it). Rendering needs a headless AWT where there is no display (-Djava.awt.headless=true).
 */
public final class RunReport {
  static final String REPORT_FILE = "report.html";
  static final String CHARTS_DIR = ChartFile.CHARTS_DIR;
  /** Larger scenario echoes are cut: the page is for reading, and the input is untrusted. */
  static final int MAX_SCENARIO_CHARS = 256 * 1024;
  /** Used for bar widths when neither summary.json nor the periods say how long a period is. */
  static final double FALLBACK_PERIOD_SECONDS = 60.0;

  private RunReport() {}

  /** Writes {@code runDir/report.html} and {@code runDir/charts/*.png|svg} from the run's files. */
  public static void write(Path runDir) throws IOException {
    RunSummary summary = RunSummary.read(runDir.resolve("summary.json"));
    Map<String, MetricSeries> metrics = MetricsCsv.read(runDir.resolve("metrics.csv"));
    Map<String, LatencyCdf> latency = LatencyCdf.read(runDir.resolve("latency.csv"));
    Map<String, GanttRows> timelines = EnvironmentsCsv.read(runDir.resolve("environments.csv"),
        EnvironmentsCsv.DEFAULT_ROWS, EnvironmentsCsv.MAX_SPANS_PER_FUNCTION);
    Files.createDirectories(runDir.resolve(CHARTS_DIR));

    List<ReportPage.ChartSection> sections = new ArrayList<>();
    int index = 0;
    for (MetricSeries series : orderedSubjects(metrics, summary)) {
      index++;
      boolean account = series.isAccount();
      String heading = account ? "account (all functions)" : "function " + series.function();
      LimitLines limits = account
          ? LimitLines.forAccount(summary)
          : LimitLines.forFunction(summary, series.function());
      String stem = account ? "account" : ChartFile.stem(index, series.function());
      com.fasterxml.jackson.databind.JsonNode function = account
          ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
          : summary.function(series.function());
      ScalingMarks scaling = account ? ScalingMarks.NONE : ScalingMarks.of(
          function.path("provisioned"), spanSeconds(summary, series), ScalingMarks.MAX_LABELS);
      SubjectCharts subject = new SubjectCharts(series, heading, stem, limits,
          latency.get(series.function()), periodSeconds(summary, series), scaling,
          AsyncQueueData.received(function.path("async"), series),
          account ? EventSourceData.forAccount(summary, series)
              : EventSourceData.of(function, series));
      List<ReportChart> charts = new ArrayList<>(subject.all());
      GanttRows timeline = account ? null : timelines.get(series.function());
      if (timeline != null && timeline.spanCount() > 0) {
        charts.add(TimelineChart.of(timeline, heading, stem, horizonSeconds(summary)));
      }
      for (ReportChart chart : charts) {
        ChartFile.write(chart, runDir);
      }
      sections.add(new ReportPage.ChartSection(heading, charts));
    }

    ScenarioEcho scenario = ScenarioEcho.find(runDir, MAX_SCENARIO_CHARS);
    String html = new ReportPage(summary, sections,
        scenario == null ? null : scenario.fileName(),
        scenario == null ? null : scenario.text()).render();
    Path target = runDir.resolve(REPORT_FILE);
    Path temporary = runDir.resolve(REPORT_FILE + ".tmp");
    Files.writeString(temporary, html, StandardCharsets.UTF_8);
    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Returns the functions first, in file order, then the account rows. */
  static List<MetricSeries> orderedSubjects(Map<String, MetricSeries> metrics, RunSummary summary) {
    List<MetricSeries> ordered = new ArrayList<>();
    MetricSeries account = null;
    for (MetricSeries series : metrics.values()) {
      if (series.isAccount()) {
        account = series;
      } else {
        ordered.add(series);
      }
    }
    if (account != null) {
      ordered.add(account);
    }
    return ordered;
  }

  /** Returns the run's length: the scenario's duration, else the end of the last period. */
  static double spanSeconds(RunSummary summary, MetricSeries series) {
    double horizon = horizonSeconds(summary);
    if (!Double.isNaN(horizon) && horizon > 0.0) {
      return horizon;
    }
    return series.periodCount() == 0 ? 0.0
        : series.periods().lastStartSeconds() + periodSeconds(summary, series);
  }

  /** Returns the scenario's duration from summary.json, or NaN when it does not say. */
  static double horizonSeconds(RunSummary summary) {
    double duration = NumberText.value(summary.get("durationSeconds"));
    return Double.isNaN(duration) ? NumberText.value(summary.get("simulatedSeconds")) : duration;
  }

  /** Returns the period from summary.json, else the gap between the first two periods. */
  static double periodSeconds(RunSummary summary, MetricSeries series) {
    double declared = summary.metricsPeriodSeconds();
    if (declared > 0.0) {
      return declared;
    }
    PeriodBuckets periods = series.periods();
    if (periods.periodCount() >= 2 && periods.secondStartSeconds() > periods.firstStartSeconds()) {
      return periods.secondStartSeconds() - periods.firstStartSeconds();
    }
    return FALLBACK_PERIOD_SECONDS;
  }
}
