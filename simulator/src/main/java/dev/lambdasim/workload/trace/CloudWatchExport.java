package dev.lambdasim.workload.trace;

import dev.lambdasim.spec.TraceOptions;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CloudWatch export read whole (see {@link CloudWatchReader} for the two JSON shapes): its
 * results, the one the options select, and that result's datapoints in time order. What is
 * held is a few longs per datapoint, and at most {@link TraceLimits#CLOUDWATCH_DATAPOINTS} of
 * them. Timestamps must lie between 1970 and 2262 (epoch nanoseconds in a long); a count must
 * be a whole number no greater than {@link TraceLimits#invocationsPer} the period.
 */
final class CloudWatchExport {

  /** The selected datapoints in time order: offsets from the first, and counts. */
  record Series(long[] offsetNanos, long[] counts, long periodNanos) {}

  /** One datapoint as written. */
  private record Point(long epochNanos, long count, long line) {}

  private static final long SECOND = 1_000_000_000L;
  /** Marks a count that is not a whole number >= 0. */
  private static final long NOT_A_COUNT = -1;
  /** Marks a whole count too big for a long. */
  private static final long TOO_BIG = Long.MAX_VALUE;
  private static final String EPOCH_RANGE = "allowed: epoch seconds from 0 to " + CsvRow.MAX_SECONDS
      + ", or ISO-8601 from " + Instant.EPOCH + " to " + Instant.ofEpochSecond(CsvRow.MAX_SECONDS);

  private final String shown;
  private final BadRows badRows;
  private long datapoints;

  private CloudWatchExport(String shown, BadRows badRows) {
    this.shown = shown;
    this.badRows = badRows;
  }

  /** Parses and checks the export; bad datapoints go to {@code badRows}. */
  static Series read(TraceOptions options, BadRows badRows) {
    return new CloudWatchExport(options.shownFile(), badRows).parse(options);
  }

  private Series parse(TraceOptions options) {
    List<Result> results = new ArrayList<>();
    String topLabel = null;
    try (InputStream in = LineSource.stream(options.file(), shown);
        JsonParser json = new JsonFactory().createParser(in)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new TraceException(shown, line(json), "expected a JSON object with Datapoints "
            + "(get-metric-statistics) or MetricDataResults (get-metric-data)");
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.getCurrentName();
        JsonToken value = json.nextToken();
        if (name.equals("Datapoints") && value == JsonToken.START_ARRAY) {
          results.add(datapoints(json));
        } else if (name.equals("Label") && value == JsonToken.VALUE_STRING) {
          topLabel = json.getText();
        } else if (name.equals("MetricDataResults") && value == JsonToken.START_ARRAY) {
          while (json.nextToken() == JsonToken.START_OBJECT) {
            results.add(metricDataResult(json));
          }
        } else {
          json.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      // Also Jackson's own bounds (a string or number too long, nesting too deep).
      throw new TraceException(shown, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "is not valid JSON (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw LineSource.failure(shown, 0, e);
    }
    for (Result r : results) {
      if (r.label == null) {
        r.label = topLabel;
      }
    }
    return series(select(results, options), options);
  }

  /** The datapoints of one metric. */
  private static final class Result {
    String id;
    String label;
    /** How its counts are called in the file, for messages. */
    final String countName;
    final List<Point> points = new ArrayList<>();

    Result(String countName) {
      this.countName = countName;
    }
  }

  private Result datapoints(JsonParser json) throws IOException {
    Result result = new Result("Sum");
    while (json.nextToken() == JsonToken.START_OBJECT) {
      long line = line(json);
      count(line);
      Long epoch = null;
      String epochText = null;
      String sumText = null;
      long sum = NOT_A_COUNT;
      boolean bad = false;
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.getCurrentName();
        json.nextToken();
        if (name.equals("Timestamp")) {
          epochText = json.getText();
          epoch = epochNanos(json);
          bad |= epoch == CsvRow.MALFORMED;
        } else if (name.equals("Sum")) {
          sumText = json.getText();
          bad |= !json.currentToken().isNumeric();
          sum = json.currentToken().isNumeric() ? count(json.getDecimalValue()) : NOT_A_COUNT;
        } else {
          json.skipChildren();
        }
      }
      if (bad || epoch == null || sumText == null) {
        badRows.bad(line, bad ? "the datapoint's Timestamp or Sum is malformed"
            : "the datapoint has no " + (epoch == null ? "Timestamp" : "Sum")
                + " (export the Sum statistic of Invocations)");
      } else if (epoch == CsvRow.OUT_OF_RANGE) {
        badRows.bad(line, "Timestamp " + epochText + " is out of range (" + EPOCH_RANGE + ")");
      } else if (usable("Sum " + sumText, sum, line)) {
        result.points.add(new Point(epoch, sum, line));
      }
    }
    return result;
  }

  /** Returns whether {@code count} is usable, after reporting it as a bad row when it is not. */
  private boolean usable(String what, long count, long line) {
    if (count == NOT_A_COUNT) {
      badRows.bad(line, what + " is not a count (a whole number >= 0)");
      return false;
    }
    if (count == TOO_BIG) {
      badRows.bad(line, what + " is out of range (" + TraceLimits.allowedInvocations(60 * SECOND) + ")");
      return false;
    }
    return true;
  }

  /** Counts one more datapoint against the maximum. */
  private void count(long line) {
    if (++datapoints > TraceLimits.CLOUDWATCH_DATAPOINTS) {
      throw new TraceException(shown, line, "the export holds more than "
          + TraceLimits.CLOUDWATCH_DATAPOINTS + " datapoints, the most a cloudwatch trace may "
          + "hold; export a longer period or a shorter time range");
    }
  }

  private Result metricDataResult(JsonParser json) throws IOException {
    Result result = new Result("value");
    Pairs timestamps = new Pairs();
    Pairs values = new Pairs();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.getCurrentName();
      JsonToken value = json.nextToken();
      if (name.equals("Id") && value == JsonToken.VALUE_STRING) {
        result.id = json.getText();
      } else if (name.equals("Label") && value == JsonToken.VALUE_STRING) {
        result.label = json.getText();
      } else if (name.equals("Timestamps") && value == JsonToken.START_ARRAY) {
        while (json.nextToken() != JsonToken.END_ARRAY) {
          count(line(json));
          long epoch = epochNanos(json);
          timestamps.add(epoch, line(json), epoch < 0 ? json.getText() : null);
        }
      } else if (name.equals("Values") && value == JsonToken.START_ARRAY) {
        while (json.nextToken() != JsonToken.END_ARRAY) {
          long count = json.currentToken().isNumeric() ? count(json.getDecimalValue()) : NOT_A_COUNT;
          values.add(count, line(json), count == NOT_A_COUNT || count == TOO_BIG ? json.getText() : null);
        }
      } else {
        json.skipChildren();
      }
    }
    if (timestamps.size != values.size) {
      throw new TraceException(shown, 0, "result '" + result.id + "' has " + timestamps.size
          + " Timestamps but " + values.size + " Values");
    }
    for (int i = 0; i < timestamps.size; i++) {
      long epoch = timestamps.value(i);
      if (epoch == CsvRow.MALFORMED) {
        badRows.bad(timestamps.line(i), "timestamp '" + timestamps.text(i) + "' is not ISO-8601 or epoch seconds");
      } else if (epoch == CsvRow.OUT_OF_RANGE) {
        badRows.bad(timestamps.line(i), "timestamp '" + timestamps.text(i) + "' is out of range ("
            + EPOCH_RANGE + ")");
      } else if (usable("value '" + values.text(i) + "'", values.value(i), values.line(i))) {
        result.points.add(new Point(epoch, values.value(i), timestamps.line(i)));
      }
    }
    return result;
  }

  /** A growing list of (value, line) pairs, with the texts of the bad values only. */
  private static final class Pairs {
    private long[] data = new long[64];
    private final Map<Integer, String> texts = new HashMap<>();
    int size;

    void add(long value, long line, String text) {
      if (2 * size + 2 > data.length) {
        data = Arrays.copyOf(data, 2 * data.length);
      }
      data[2 * size] = value;
      data[2 * size + 1] = line;
      if (text != null) {
        texts.put(size, text);
      }
      size++;
    }

    long value(int i) {
      return data[2 * i];
    }

    long line(int i) {
      return data[2 * i + 1];
    }

    String text(int i) {
      return texts.get(i);
    }
  }

  /** Returns a whole count >= 0, {@link #TOO_BIG} for one beyond a long, or {@link #NOT_A_COUNT}. */
  private static long count(BigDecimal sum) {
    if (sum.signum() < 0) {
      return NOT_A_COUNT;
    }
    try {
      return sum.longValueExact();
    } catch (ArithmeticException e) {
      // longValueExact refuses a fraction as "rounding necessary", anything else as overflow.
      return sum.stripTrailingZeros().scale() > 0 ? NOT_A_COUNT : TOO_BIG;
    }
  }

  /**
   * Returns the epoch nanoseconds of the current token, {@link CsvRow#MALFORMED} if it is not a
   * timestamp, or {@link CsvRow#OUT_OF_RANGE} if it is before 1970 or after 2262.
   */
  private static long epochNanos(JsonParser json) throws IOException {
    if (json.currentToken().isNumeric()) {
      long nanos = CsvRow.nanos(json.getDecimalValue(), SECOND);
      return nanos < 0 ? CsvRow.OUT_OF_RANGE : nanos;
    }
    if (json.currentToken() != JsonToken.VALUE_STRING) {
      return CsvRow.MALFORMED;
    }
    String text = json.getText();
    Instant instant;
    try {
      instant = OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        instant = Instant.parse(text);
      } catch (DateTimeParseException e2) {
        return CsvRow.MALFORMED;
      }
    }
    if (instant.getEpochSecond() < 0 || instant.getEpochSecond() > CsvRow.MAX_SECONDS) {
      return CsvRow.OUT_OF_RANGE;
    }
    try {
      return Math.addExact(instant.getEpochSecond() * SECOND, instant.getNano());
    } catch (ArithmeticException e) {
      return CsvRow.OUT_OF_RANGE; // in the last second a long can hold
    }
  }

  private static long line(JsonParser json) {
    return json.getTokenLocation().getLineNr();
  }

  private Result select(List<Result> results, TraceOptions options) {
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
    ClosestId closest = new ClosestId(wanted);
    for (Result r : results) {
      if (wanted.equals(r.id) || wanted.equals(r.label)) {
        return r;
      }
      closest.offer(names(r));
    }
    throw new TraceException(shown, 0, "no result with Id or Label '" + wanted + "'"
        + closest.hint() + " (there are " + ids(results) + ")");
  }

  private static List<String> names(Result r) {
    List<String> out = new ArrayList<>(2);
    if (r.id != null) {
      out.add(r.id);
    }
    if (r.label != null) {
      out.add(r.label);
    }
    return out;
  }

  private static String ids(List<Result> results) {
    return String.join(", ", results.stream().map(r -> r.id != null ? r.id
        : r.label != null ? r.label : "(unnamed)").toList());
  }

  private Series series(Result result, TraceOptions options) {
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
    long most = TraceLimits.invocationsPer(period);
    long[] offsets = new long[kept.size()];
    long[] counts = new long[kept.size()];
    int n = 0;
    for (Point p : kept) {
      long offset = p.epochNanos() - origin;
      if (offset % period != 0) {
        badRows.bad(p.line(), "the timestamp is not a whole number of periods after the first");
        continue;
      }
      if (offset > Long.MAX_VALUE - period) {
        // Its arrivals would lie past the last nanosecond a long holds.
        badRows.bad(p.line(), "the datapoint's period ends out of range (" + EPOCH_RANGE + ")");
        continue;
      }
      if (p.count() > most) {
        badRows.bad(p.line(), result.countName + " " + p.count() + " is out of range ("
            + TraceLimits.allowedInvocations(period) + ")");
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
}
