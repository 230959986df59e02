package dev.lambdasim.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The summaries of several runs side by side: per subject (each function by name, the account,
 * the conservation ledger), every summary metric of any run with its value in each run. The
 * first run is the baseline of every delta. Functions are matched by name; a function missing
 * from a run has NaN there.
 */
final class Comparison {
  static final String ACCOUNT = "account";
  static final String CONSERVATION = "conservation";
  /** The metrics the terminal table shows, per function. */
  static final List<String> KEY_FUNCTION_METRICS = List.of("arrivals", "invocations",
      "coldStarts", "coldStartRate", "throttles", "durationMs.p99", "latencyMs.p99",
      "concurrency.peak", "costUsd.total");
  /** The metrics the terminal table shows for the account. */
  static final List<String> KEY_ACCOUNT_METRICS = List.of("peakConcurrency", "throttles", "costUsd");

  private final List<String> labels;
  private final List<String> functions;
  private final Map<String, List<MetricComparison>> subjects = new LinkedHashMap<>();

  /** Compares {@code summaries}, named by {@code labels}; the first is the baseline. */
  Comparison(List<String> labels, List<RunSummary> summaries) {
    if (labels.size() != summaries.size() || labels.size() < 2) {
      throw new IllegalArgumentException("need a label for each of at least two runs");
    }
    this.labels = List.copyOf(labels);
    Set<String> names = new LinkedHashSet<>();
    for (RunSummary summary : summaries) {
      names.addAll(summary.functionNames());
    }
    this.functions = List.copyOf(names);
    for (String function : functions) {
      List<Map<String, Double>> flat = new ArrayList<>();
      for (RunSummary summary : summaries) {
        flat.add(SummaryMetrics.flatten(summary.function(function)));
      }
      subjects.put(function, side(flat));
    }
    List<Map<String, Double>> account = new ArrayList<>();
    List<Map<String, Double>> conservation = new ArrayList<>();
    for (RunSummary summary : summaries) {
      account.add(SummaryMetrics.flatten(summary.account()));
      conservation.add(SummaryMetrics.flatten(summary.conservation()));
    }
    subjects.put(ACCOUNT, side(account));
    subjects.put(CONSERVATION, side(conservation));
  }

  List<String> labels() {
    return labels;
  }

  /** Returns the function names, those of the baseline first. */
  List<String> functions() {
    return functions;
  }

  /** Returns the rows of a function, of {@link #ACCOUNT} or of {@link #CONSERVATION}. */
  List<MetricComparison> rows(String subject) {
    return subjects.getOrDefault(subject, List.of());
  }

  /** Returns the row of one metric of a subject, or null when no run has it. */
  MetricComparison row(String subject, String metric) {
    for (MetricComparison row : rows(subject)) {
      if (row.metric().equals(metric)) {
        return row;
      }
    }
    return null;
  }

  private static List<MetricComparison> side(List<Map<String, Double>> runs) {
    Set<String> keys = new LinkedHashSet<>();
    for (Map<String, Double> run : runs) {
      keys.addAll(run.keySet());
    }
    List<MetricComparison> rows = new ArrayList<>();
    for (String key : keys) {
      double[] values = new double[runs.size()];
      for (int r = 0; r < runs.size(); r++) {
        Double value = runs.get(r).get(key);
        values[r] = value == null ? Double.NaN : value;
      }
      rows.add(new MetricComparison(key, values));
    }
    return rows;
  }
}
