package dev.lambdasim.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The caller-seen latency CDF of one function, per kind ("warm", "cold"), read from latency.csv.
 * The simulator writes a few dozen percentiles per kind, so they are held whole, up to
 * {@link #MAX_POINTS_PER_KIND}: a file with more is not a run's and is refused rather than drawn
 * in unbounded memory.
 */
final class LatencyCdf {
  /** Most points one kind of one function may have. */
  static final int MAX_POINTS_PER_KIND = 1_000;

  /** One point of a CDF: the latency below which {@code percentile} % of requests finished. */
  record Point(double percentile, double latencyMs) {}

  private final Map<String, List<Point>> pointsByKind = new LinkedHashMap<>();

  /** Returns the CDFs of every function in latency.csv, in file order; empty if it is absent. */
  static Map<String, LatencyCdf> read(Path file) throws IOException {
    Map<String, LatencyCdf> cdfs = new LinkedHashMap<>();
    CsvFile csv = Files.isRegularFile(file) ? CsvFile.open(file) : null;
    if (csv == null) {
      return cdfs;
    }
    try (csv) {
      int function = csv.column("function");
      int kind = csv.column("kind");
      int percentile = csv.column("percentile");
      int latency = csv.column("latencyMs");
      List<String> cells;
      while ((cells = csv.next()) != null) {
        double p = csv.number(cells, percentile);
        double ms = csv.number(cells, latency);
        if (Double.isNaN(p) || Double.isNaN(ms)) {
          continue; // a kind with no observations (e.g. no cold starts) has no point to draw
        }
        if (p < 0.0 || p > 100.0) {
          throw csv.problem("percentile outside 0..100", null);
        }
        LatencyCdf cdf = cdfs.computeIfAbsent(cells.get(function), f -> new LatencyCdf());
        if (!cdf.add(cells.get(kind), new Point(p, ms))) {
          throw csv.problem(String.format(Locale.ROOT, "more than %,d points for one function "
              + "and kind; a run writes a few dozen percentiles", MAX_POINTS_PER_KIND), null);
        }
      }
    }
    return cdfs;
  }

  /** Adds a point of {@code kind}; returns false, adding nothing, when the kind is full. */
  boolean add(String kind, Point point) {
    List<Point> points = pointsByKind.computeIfAbsent(kind, k -> new ArrayList<>());
    if (points.size() >= MAX_POINTS_PER_KIND) {
      return false;
    }
    return points.add(point);
  }

  /** Returns the kinds present, in file order. */
  List<String> kinds() {
    return List.copyOf(pointsByKind.keySet());
  }

  /** Returns the points of a kind sorted by percentile. */
  List<Point> points(String kind) {
    List<Point> points = new ArrayList<>(pointsByKind.getOrDefault(kind, List.of()));
    points.sort(Comparator.comparingDouble(Point::percentile));
    return points;
  }

  /**
   * Returns the points a log latency axis can show: a log axis has no place for zero or negative
   * latencies, so those are left out rather than clamped to an invented value.
   */
  List<Point> logAxisPoints(String kind) {
    List<Point> points = new ArrayList<>();
    for (Point point : points(kind)) {
      if (point.latencyMs() > 0.0) {
        points.add(point);
      }
    }
    return points;
  }

  /** Returns the latency at {@code percentile}, interpolated linearly; NaN if the kind is empty. */
  double latencyAtMs(String kind, double percentile) {
    List<Point> points = points(kind);
    if (points.isEmpty()) {
      return Double.NaN;
    }
    Point previous = points.get(0);
    if (percentile <= previous.percentile()) {
      return previous.latencyMs();
    }
    for (Point point : points) {
      if (point.percentile() >= percentile) {
        double span = point.percentile() - previous.percentile();
        if (span <= 0.0) {
          return point.latencyMs();
        }
        double fraction = (percentile - previous.percentile()) / span;
        return previous.latencyMs() + fraction * (point.latencyMs() - previous.latencyMs());
      }
      previous = point;
    }
    return previous.latencyMs();
  }
}
