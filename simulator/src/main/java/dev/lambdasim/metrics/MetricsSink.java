package dev.lambdasim.metrics;

import java.io.IOException;

/** Receives period rows as the run produces them, so no period is kept in memory. */
public interface MetricsSink {

  void accept(PeriodRow row) throws IOException;

  /** A sink that drops every row (benchmarks, tests that only need the summary). */
  static MetricsSink discarding() {
    return row -> { };
  }
}
