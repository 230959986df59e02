package dev.lambdasim.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Streams environments.csv ({@code function,environment,provisioned,state,start,end,ended}) into
 * per-function {@link GanttRows}. Malformed rows fail with their line number: a silently
 * shortened timeline would tell a wrong story.
 */
final class EnvironmentsCsv {
  /** Rows of the timeline chart: the first environments of each function. */
  static final int DEFAULT_ROWS = 40;
  /** Spans kept per function, as the simulator's default cap, so memory stays flat. */
  static final int MAX_SPANS_PER_FUNCTION = 20_000;

  private EnvironmentsCsv() {}

  /** Returns the timeline of every function in file order; empty if the file is absent. */
  static Map<String, GanttRows> read(Path file, int maxRows, int maxSpans) throws IOException {
    Map<String, GanttRows> timelines = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) {
      return timelines;
    }
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = reader.readLine();
      if (header == null) {
        return timelines;
      }
      List<String> names = CsvLine.split(header.replace("\uFEFF", ""));
      int function = index(names, "function", file);
      int environment = index(names, "environment", file);
      int provisioned = index(names, "provisioned", file);
      int state = index(names, "state", file);
      int start = index(names, "start", file);
      int end = index(names, "end", file);
      int ended = index(names, "ended", file);
      String line;
      int lineNumber = 1;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        List<String> cells;
        try {
          cells = CsvLine.split(line);
        } catch (IllegalArgumentException e) {
          throw new IOException(file + " line " + lineNumber + ": " + e.getMessage(), e);
        }
        if (cells.size() != names.size()) {
          throw new IOException(String.format(Locale.ROOT, "%s line %d: expected %d cells, found %d",
              file, lineNumber, names.size(), cells.size()));
        }
        long number;
        StateSpan span;
        try {
          number = Long.parseLong(cells.get(environment).strip());
          span = new StateSpan(cells.get(state).strip(),
              finite(cells.get(start)), finite(cells.get(end)));
        } catch (IllegalArgumentException e) {
          throw new IOException(file + " line " + lineNumber + ": " + e.getMessage(), e);
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

  private static int index(List<String> names, String name, Path file) throws IOException {
    int index = names.indexOf(name);
    if (index < 0) {
      throw new IOException(file + ": header has no '" + name + "' column");
    }
    return index;
  }
}
