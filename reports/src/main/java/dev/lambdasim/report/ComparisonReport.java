package dev.lambdasim.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares finished run folders: reads each one's summary.json, metrics.csv and latency.csv and
 * writes comparison.json, comparison.html and the overlay charts (PNG and SVG) into a folder.
 * The first run is the baseline of every delta.
 */
public final class ComparisonReport {
  static final String JSON_FILE = "comparison.json";
  static final String HTML_FILE = "comparison.html";

  private final List<ComparedRun> runs;
  private final List<RunSummary> summaries = new ArrayList<>();
  private final List<ComparisonCharts.RunData> data = new ArrayList<>();
  private final Comparison comparison;

  private ComparisonReport(List<ComparedRun> runs) throws IOException {
    this.runs = List.copyOf(runs);
    List<String> labels = new ArrayList<>();
    for (ComparedRun run : runs) {
      RunSummary summary = RunSummary.read(run.folder().resolve("summary.json"));
      Map<String, MetricSeries> metrics = MetricsCsv.read(run.folder().resolve("metrics.csv"));
      double period = summary.metricsPeriodSeconds();
      if (!(period > 0.0)) {
        period = RunReport.FALLBACK_PERIOD_SECONDS;
      }
      summaries.add(summary);
      data.add(new ComparisonCharts.RunData(run.label(), metrics,
          LatencyCdf.read(run.folder().resolve("latency.csv")), summary, period));
      labels.add(run.label());
    }
    this.comparison = new Comparison(labels, summaries);
  }

  /** Reads the runs' folders; the first run is the baseline. */
  public static ComparisonReport of(List<ComparedRun> runs) throws IOException {
    if (runs.size() < 2) {
      throw new IllegalArgumentException("a comparison needs at least two runs");
    }
    return new ComparisonReport(runs);
  }

  /** Writes comparison.json, comparison.html and charts/ into {@code folder}. */
  public void write(Path folder) throws IOException {
    Files.createDirectories(folder.resolve(ChartFile.CHARTS_DIR));
    List<String> locations = new ArrayList<>();
    for (ComparedRun run : runs) {
      locations.add(location(folder, run.folder()));
    }
    ComparisonJson.write(comparison, runs, summaries, locations, folder.resolve(JSON_FILE));

    ComparisonCharts overlays = new ComparisonCharts(data);
    Map<String, List<ReportChart>> sections = new LinkedHashMap<>();
    int index = 0;
    for (String function : comparison.functions()) {
      index++;
      String heading = "function " + function;
      sections.put(heading, overlays.of(function, heading, ChartFile.stem(index, function)));
    }
    sections.put("account (all functions)",
        overlays.of(MetricSeries.ACCOUNT, "account", "account"));
    for (List<ReportChart> charts : sections.values()) {
      for (ReportChart chart : charts) {
        ChartFile.write(chart, folder);
      }
    }

    List<String> links = new ArrayList<>();
    for (ComparedRun run : runs) {
      Path report = run.folder().resolve(RunReport.REPORT_FILE);
      links.add(Files.isRegularFile(report) ? link(folder, report) : null);
    }
    String html = new ComparisonPage(comparison, runs, summaries, links, sections).render();
    Path temporary = folder.resolve(HTML_FILE + ".tmp");
    Files.writeString(temporary, html, StandardCharsets.UTF_8);
    Files.move(temporary, folder.resolve(HTML_FILE), StandardCopyOption.REPLACE_EXISTING);
  }

  /** Prints the key metrics of each function and of the account, with deltas, as a table. */
  public void printKeyDeltas(PrintWriter out) {
    List<String> labels = comparison.labels();
    out.printf(Locale.ROOT, "comparison of %d runs (baseline A)%n", labels.size());
    // Columns are lettered, with the labels in a legend: long labels that share a prefix
    // (scenario-1, scenario-2) would otherwise be cut to the same text.
    for (int r = 0; r < labels.size(); r++) {
      out.printf(Locale.ROOT, "  %s = %s%n", column(r), labels.get(r));
    }
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-22s", "metric"));
    for (int r = 0; r < labels.size(); r++) {
      header.append(String.format(Locale.ROOT, " %14s", column(r)));
    }
    for (int r = 1; r < labels.size(); r++) {
      header.append(String.format(Locale.ROOT, " %9s", "Δ% " + column(r)));
    }
    for (String function : comparison.functions()) {
      out.println("  function " + function);
      out.println(header);
      keyRows(out, function, Comparison.KEY_FUNCTION_METRICS);
    }
    out.println("  account");
    out.println(header);
    keyRows(out, Comparison.ACCOUNT, Comparison.KEY_ACCOUNT_METRICS);
    out.flush();
  }

  private void keyRows(PrintWriter out, String subject, List<String> metrics) {
    for (String metric : metrics) {
      MetricComparison row = comparison.row(subject, metric);
      if (row == null) {
        continue;
      }
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-22s", metric));
      for (double value : row.values()) {
        line.append(String.format(Locale.ROOT, " %14s", DeltaText.value(value)));
      }
      for (int r = 1; r < row.values().length; r++) {
        line.append(String.format(Locale.ROOT, " %9s", DeltaText.relative(row.relativeDelta(r))
            .replace(" %", "%")));
      }
      out.println(line);
    }
  }

  /** Returns the letter of the r-th run's column: A, B, ... Z, then A27, A28, ... */
  static String column(int r) {
    return r < 26 ? String.valueOf((char) ('A' + r)) : "A" + (r + 1);
  }

  /** Returns the run folder relative to the comparison folder when inside it, else absolute. */
  private static String location(Path folder, Path runFolder) {
    Path absoluteFolder = folder.toAbsolutePath().normalize();
    Path absoluteRun = runFolder.toAbsolutePath().normalize();
    return absoluteRun.startsWith(absoluteFolder)
        ? absoluteFolder.relativize(absoluteRun).toString().replace('\\', '/')
        : absoluteRun.toString();
  }

  /** Returns a relative href when the report sits under the folder, else a file URI. */
  private static String link(Path folder, Path report) {
    Path absoluteFolder = folder.toAbsolutePath().normalize();
    Path absoluteReport = report.toAbsolutePath().normalize();
    if (absoluteReport.startsWith(absoluteFolder)) {
      return absoluteFolder.relativize(absoluteReport).toString().replace('\\', '/');
    }
    return absoluteReport.toUri().toString();
  }
}
