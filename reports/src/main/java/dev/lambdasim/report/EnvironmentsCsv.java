package dev.lambdasim.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams environments.csv ({@code function,environment,provisioned,state,start,end,ended}) into
 * per-function {@link GanttRows}. Malformed rows fail with their line number: a silently
 * shortened timeline would tell a wrong story.
 */
final class EnvironmentsCsv {
  /** Rows of the timeline chart: the first environments of each function. */
  static final int DEFAULT_ROWS = 40;
  /**
   * Spans kept per function: the simulator's cap for the report's timeline, so memory stays
   * flat and a timeline at the cap is known to be cut short.
   */
  static final int MAX_SPANS_PER_FUNCTION = 20_000;

  private EnvironmentsCsv() {}

  /** Returns the timeline of every function in file order; empty if the file is absent. */
  static Map<String, GanttRows> read(Path file, int maxRows, int maxSpans) throws IOException {
    Map<String, GanttRows> timelines = new LinkedHashMap<>();
    CsvFile csv = Files.isRegularFile(file) ? CsvFile.open(file) : null;
    if (csv == null) {
      return timelines;
    }
    try (csv) {
      int function = csv.column("function");
      int environment = csv.column("environment");
      int provisioned = csv.column("provisioned");
      int state = csv.column("state");
      int start = csv.column("start");
      int end = csv.column("end");
      int ended = csv.column("ended");
      List<String> cells;
      while ((cells = csv.next()) != null) {
        long number;
        StateSpan span;
        try {
          number = Long.parseLong(cells.get(environment).strip());
          span = new StateSpan(StateSpan.named(cells.get(state).strip()),
              finite(cells.get(start)), finite(cells.get(end)));
        } catch (IllegalArgumentException e) {
          throw csv.problem(e.getMessage(), e);
        }
        timelines.computeIfAbsent(cells.get(function), f -> new GanttRows(maxRows, maxSpans))
            .add(number, Boolean.parseBoolean(cells.get(provisioned).strip()), span,
                cells.get(ended).strip());
      }
    }
    return timelines;
  }

  private static double finite(String cell) {
    double value = Double.parseDouble(cell.strip());
    if (!Double.isFinite(value)) {
      throw new NumberFormatException("not a finite number: " + cell);
    }
    return value;
  }
}
