package dev.lambdasim.workload.trace;

import dev.lambdasim.spec.TraceOptions;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * {@code cloudwatch}: the JSON of a CloudWatch export of {@code Invocations} with the {@code Sum}
 * statistic, either {@code aws cloudwatch get-metric-statistics} ({@code Datapoints} with
 * {@code Timestamp} and {@code Sum}) or {@code aws cloudwatch get-metric-data}
 * ({@code MetricDataResults} with {@code Timestamps} and {@code Values}; {@code function}
 * picks a result by {@code Id} or {@code Label} when there are several). Timestamps are
 * ISO-8601 texts or epoch seconds; each is the start of its period.
 *
 * <p>The API returns datapoints newest first (get-metric-data) or in no order
 * (get-metric-statistics), so this reader, unlike the others, holds the export: two longs and a
 * line number per datapoint. An export is bounded by the API (1,440 datapoints per
 * get-metric-statistics call, 100,800 per get-metric-data page). The period is the
 * {@code period} option or, when absent, the greatest common divisor of the gaps between
 * datapoints (periods without invocations are missing from exports). Time 0 is the start of
 * the earliest period; each period's count is spread within it by a {@link PeriodSpreader}.
 */
final class CloudWatchReader implements TraceReader {

  private static final long SECOND = 1_000_000_000L;

  private final Series series;
  private final PeriodSpreader spreader;
  private int next;

  CloudWatchReader(TraceOptions options, RandomGenerator random, BadRows badRows) {
    this.series = parse(options, badRows);
    this.spreader = new PeriodSpreader(options.within(), random);
  }

  /** The selected datapoints in time order: offsets from the first, and counts. */
  record Series(long[] offsetNanos, long[] counts, long periodNanos) {}

  /** One datapoint as written. */
  private record Point(long epochNanos, long count, long line) {}

  /** Parses and checks the export with the rows a load-time check would fail on. */
  static Series parse(TraceOptions options) {
    return parse(options, new BadRows(options.onBadRow(), options.shownFile()));
  }

  static Series parse(TraceOptions options, BadRows badRows) {
    String shown = options.shownFile();
    List<Result> results = new ArrayList<>();
    String topLabel = null;
    try (InputStream in = LineSource.stream(options.file());
        JsonParser json = new JsonFactory().createParser(in)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new TraceException(shown, line(json), "expected a JSON object with Datapoints "
            + "(get-metric-statistics) or MetricDataResults (get-metric-data)");
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.getCurrentName();
        JsonToken value = json.nextToken();
        if (name.equals("Datapoints") && value == JsonToken.START_ARRAY) {
          results.add(datapoints(json, shown, badRows));
        } else if (name.equals("Label") && value == JsonToken.VALUE_STRING) {
          topLabel = json.getText();
        } else if (name.equals("MetricDataResults") && value == JsonToken.START_ARRAY) {
          while (json.nextToken() == JsonToken.START_OBJECT) {
            results.add(metricDataResult(json, shown, badRows));
          }
        } else {
          json.skipChildren();
        }
      }
    } catch (java.nio.file.NoSuchFileException e) {
      throw new TraceException(shown, 0, "no such file");
    } catch (JsonParseException e) {
      throw new TraceException(shown, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "is not valid JSON (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new TraceException(shown, 0, "cannot be read (" + e.getMessage() + ")");
    }
    for (Result r : results) {
      if (r.label == null) {
        r.label = topLabel;
      }
    }
    return series(select(results, options), options, badRows);
  }

  /** The datapoints of one metric. */
  private static final class Result {
    String id;
    String label;
    final List<Point> points = new ArrayList<>();
    final List<Object[]> timestamps = new ArrayList<>();
    final List<Object[]> values = new ArrayList<>();
  }

  private static Result datapoints(JsonParser json, String shown, BadRows badRows) throws IOException {
    Result result = new Result();
    while (json.nextToken() == JsonToken.START_OBJECT) {
      long line = line(json);
      Long epoch = null;
      BigDecimal sum = null;
      boolean bad = false;
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.getCurrentName();
        json.nextToken();
        if (name.equals("Timestamp")) {
          epoch = epochNanos(json);
          bad |= epoch == null;
        } else if (name.equals("Sum")) {
          sum = json.currentToken().isNumeric() ? json.getDecimalValue() : null;
          bad |= sum == null;
        } else {
          json.skipChildren();
        }
      }
      if (epoch == null || sum == null) {
        badRows.bad(line, bad ? "the datapoint's Timestamp or Sum is malformed"
            : "the datapoint has no " + (epoch == null ? "Timestamp" : "Sum")
                + " (export the Sum statistic of Invocations)");
        continue;
      }
      Long count = count(sum);
      if (count == null) {
        badRows.bad(line, "Sum " + sum.toPlainString() + " is not a count (a whole number >= 0)");
        continue;
      }
      result.points.add(new Point(epoch, count, line));
    }
    return result;
  }

  private static Result metricDataResult(JsonParser json, String shown, BadRows badRows)
      throws IOException {
    Result result = new Result();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.getCurrentName();
      JsonToken value = json.nextToken();
      if (name.equals("Id") && value == JsonToken.VALUE_STRING) {
        result.id = json.getText();
      } else if (name.equals("Label") && value == JsonToken.VALUE_STRING) {
        result.label = json.getText();
      } else if (name.equals("Timestamps") && value == JsonToken.START_ARRAY) {
        while (json.nextToken() != JsonToken.END_ARRAY) {
          result.timestamps.add(new Object[] {epochNanos(json), line(json), json.getText()});
        }
      } else if (name.equals("Values") && value == JsonToken.START_ARRAY) {
        while (json.nextToken() != JsonToken.END_ARRAY) {
          BigDecimal v = json.currentToken().isNumeric() ? json.getDecimalValue() : null;
          result.values.add(new Object[] {v, line(json), json.getText()});
        }
      } else {
        json.skipChildren();
      }
    }
    if (result.timestamps.size() != result.values.size()) {
      throw new TraceException(shown, 0, "result '" + result.id + "' has "
          + result.timestamps.size() + " Timestamps but " + result.values.size() + " Values");
    }
    for (int i = 0; i < result.timestamps.size(); i++) {
      Object[] t = result.timestamps.get(i);
      Object[] v = result.values.get(i);
      if (t[0] == null) {
        badRows.bad((Long) t[1], "timestamp '" + t[2] + "' is not ISO-8601 or epoch seconds");
        continue;
      }
      Long count = v[0] == null ? null : count((BigDecimal) v[0]);
      if (count == null) {
        badRows.bad((Long) v[1], "value '" + v[2] + "' is not a count (a whole number >= 0)");
        continue;
      }
      result.points.add(new Point((Long) t[0], count, (Long) t[1]));
    }
    result.timestamps.clear();
    result.values.clear();
    return result;
  }

  private static Long count(BigDecimal sum) {
    try {
      return sum.signum() < 0 ? null : sum.longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /** Returns the epoch nanoseconds of the current token, or null if it is not a timestamp. */
  private static Long epochNanos(JsonParser json) throws IOException {
    try {
      if (json.currentToken().isNumeric()) {
        return json.getDecimalValue().multiply(BigDecimal.valueOf(SECOND)).longValue();
      }
      if (json.currentToken() == JsonToken.VALUE_STRING) {
        String text = json.getText();
        Instant instant;
        try {
          instant = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
          instant = Instant.parse(text);
        }
        return instant.getEpochSecond() * SECOND + instant.getNano();
      }
    } catch (DateTimeParseException | ArithmeticException e) {
      return null;
    }
    return null;
  }

  private static long line(JsonParser json) {
    return json.getTokenLocation().getLineNr();
  }

  private static Result select(List<Result> results, TraceOptions options) {
    String shown = options.shownFile();
    String wanted = options.function();
    if (results.isEmpty()) {
      throw new TraceException(shown, 0, "no Datapoints (get-metric-statistics) or "
          + "MetricDataResults (get-metric-data) in the file");
    }
    if (wanted == null) {
      if (results.size() > 1) {
        throw new TraceException(shown, 0, "the export holds " + results.size() + " results ("
            + ids(results) + "); choose one with function: <Id or Label>");
      }
      return results.get(0);
    }
    for (Result r : results) {
      if (wanted.equals(r.id) || wanted.equals(r.label)) {
        return r;
      }
    }
    throw new TraceException(shown, 0, "no result with Id or Label '" + wanted + "' (there are "
        + ids(results) + ")");
  }

  private static String ids(List<Result> results) {
    return String.join(", ", results.stream().map(r -> r.id != null ? r.id
        : r.label != null ? r.label : "(unnamed)").toList());
  }

  private static Series series(Result result, TraceOptions options, BadRows badRows) {
    String shown = options.shownFile();
    Point[] points = result.points.toArray(new Point[0]);
    Arrays.sort(points, Comparator.comparingLong(Point::epochNanos).thenComparingLong(Point::line));
    List<Point> kept = new ArrayList<>(points.length);
    for (Point p : points) {
      if (!kept.isEmpty() && kept.get(kept.size() - 1).epochNanos() == p.epochNanos()) {
        badRows.bad(p.line(), "a second datapoint for the period at the same timestamp as line "
            + kept.get(kept.size() - 1).line());
      } else {
        kept.add(p);
      }
    }
    if (kept.isEmpty()) {
      throw new TraceException(shown, 0, "the export has no datapoints");
    }
    long period = options.periodNanos();
    long origin = kept.get(0).epochNanos();
    if (period == 0) {
      for (Point p : kept) {
        period = gcd(period, p.epochNanos() - origin);
      }
      if (period == 0) {
        throw new TraceException(shown, 0, "with a single datapoint the period cannot be "
            + "inferred; set the period option (e.g. period: 1m)");
      }
    }
    long[] offsets = new long[kept.size()];
    long[] counts = new long[kept.size()];
    int n = 0;
    for (Point p : kept) {
      long offset = p.epochNanos() - origin;
      if (offset % period != 0) {
        badRows.bad(p.line(), "the timestamp is not a whole number of periods after the first");
        continue;
      }
      offsets[n] = offset;
      counts[n++] = p.count();
    }
    return new Series(Arrays.copyOf(offsets, n), Arrays.copyOf(counts, n), period);
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  @Override
  public long nextInstantNanos() {
    while (!spreader.hasNext()) {
      if (next >= series.counts().length) {
        return END;
      }
      spreader.begin(series.offsetNanos()[next], series.periodNanos(), series.counts()[next]);
      next++;
    }
    return spreader.next();
  }

  @Override
  public void close() {
    // The export was read whole when the reader opened.
  }
}
