package dev.lambdasim.workload.trace;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * One CSV line split into field bounds, reused from row to row so that reading allocates
 * nothing but the line itself. Fields are separated by commas and trimmed of spaces and tabs;
 * a line holding a double quote takes a slower path that understands RFC 4180 quoting.
 */
final class CsvRow {

  /** Returned by {@link #nanos} for a field that is not a plain decimal number. */
  static final long MALFORMED = Long.MIN_VALUE;

  /** Returned by {@link #nanos} for a number whose nanoseconds a long cannot hold (about ±292 years). */
  static final long OUT_OF_RANGE = Long.MIN_VALUE + 1;

  /** The most whole seconds a nanosecond instant or duration can hold, for messages. */
  static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000_000L;

  private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L,
      10_000_000L, 100_000_000L, 1_000_000_000L};

  private final int[] starts;
  private final int[] ends;
  private String text = "";
  private int count;

  /** A row that keeps the bounds of at most {@code capacity} fields. */
  CsvRow(int capacity) {
    starts = new int[capacity];
    ends = new int[capacity];
  }

  /** Splits {@code line}; returns the number of fields in it (which may exceed the capacity). */
  int split(String line) {
    if (line.indexOf('"') >= 0) {
      return splitQuoted(line);
    }
    text = line;
    int n = 0;
    int start = 0;
    int length = line.length();
    while (true) {
      int comma = line.indexOf(',', start);
      int end = comma < 0 ? length : comma;
      if (n < starts.length) {
        bound(n, start, end);
      }
      n++;
      if (comma < 0) {
        break;
      }
      start = comma + 1;
    }
    count = n;
    return n;
  }

  private void bound(int i, int start, int end) {
    while (start < end && isBlank(text.charAt(start))) {
      start++;
    }
    while (end > start && isBlank(text.charAt(end - 1))) {
      end--;
    }
    starts[i] = start;
    ends[i] = end;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  /** The slow path: unquotes the fields into one string and bounds them there. */
  private int splitQuoted(String line) {
    List<String> fields = fields(line);
    StringBuilder joined = new StringBuilder(line.length());
    int n = 0;
    for (String field : fields) {
      if (n < starts.length) {
        starts[n] = joined.length();
        joined.append(field);
        ends[n] = joined.length();
      }
      n++;
    }
    text = joined.toString();
    count = n;
    return n;
  }

  /** Returns the fields of a line, unquoted (RFC 4180: "" inside quotes is one quote) and trimmed. */
  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(field.toString().strip());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString().strip());
    return out;
  }

  /** Returns the number of fields of the line last split. */
  int count() {
    return count;
  }

  /** Returns field {@code i} (below the capacity) as a string. */
  String field(int i) {
    return text.substring(starts[i], ends[i]);
  }

  /** Returns whether field {@code i} is exactly {@code value}, without allocating. */
  boolean fieldEquals(int i, String value) {
    int length = ends[i] - starts[i];
    return length == value.length() && text.regionMatches(starts[i], value, 0, length);
  }

  /**
   * Returns field {@code i}, a decimal number of units of {@code unitNanos} nanoseconds (such
   * as {@code 12}, {@code -3.25} or {@code 1.5e3}), in whole nanoseconds rounded toward zero,
   * {@link #MALFORMED}, or {@link #OUT_OF_RANGE}. Plain decimals are converted exactly, without
   * floating point.
   */
  long nanos(int i, long unitNanos) {
    int start = starts[i];
    int end = ends[i];
    if (start == end) {
      return MALFORMED;
    }
    boolean negative = text.charAt(start) == '-';
    int p = negative || text.charAt(start) == '+' ? start + 1 : start;
    long whole = 0;
    boolean overflow = false;
    int digits = 0;
    for (; p < end; p++) {
      char c = text.charAt(p);
      if (c < '0' || c > '9') {
        break;
      }
      // Keep reading the digits of a number too big, so that junk after them is still malformed.
      overflow |= whole > (Long.MAX_VALUE - 9) / 10;
      whole = overflow ? whole : whole * 10 + (c - '0');
      digits++;
    }
    long fraction = 0;
    int fractionDigits = 0;
    if (p < end && text.charAt(p) == '.') {
      for (p++; p < end; p++) {
        char c = text.charAt(p);
        if (c < '0' || c > '9') {
          break;
        }
        digits++;
        // Nine decimals resolve a nanosecond even in seconds; later ones are truncated.
        if (fractionDigits < 9) {
          fraction = fraction * 10 + (c - '0');
          fractionDigits++;
        }
      }
    }
    if (digits == 0) {
      return MALFORMED;
    }
    if (p < end) {
      char c = text.charAt(p);
      return c == 'e' || c == 'E' ? exponentNanos(start, end, unitNanos) : MALFORMED;
    }
    if (overflow) {
      return OUT_OF_RANGE;
    }
    long nanos;
    try {
      nanos = Math.addExact(Math.multiplyExact(whole, unitNanos),
          fraction * unitNanos / POW10[fractionDigits]);
    } catch (ArithmeticException e) {
      return OUT_OF_RANGE;
    }
    return negative ? -nanos : nanos;
  }

  /** The slow path for numbers in scientific notation, such as Python's {@code 5e-05}. */
  private long exponentNanos(int start, int end, long unitNanos) {
    BigDecimal value;
    try {
      value = new BigDecimal(text.substring(start, end));
    } catch (NumberFormatException e) {
      return MALFORMED;
    }
    return nanos(value, unitNanos);
  }

  /**
   * Returns {@code value} units of {@code unitNanos} in whole nanoseconds rounded toward zero,
   * or {@link #OUT_OF_RANGE} (for CSV fields and JSON numbers alike).
   */
  static long nanos(BigDecimal value, long unitNanos) {
    if (value.signum() == 0) {
      return 0;
    }
    // value < 10^magnitude. Deciding the extremes first keeps 1e-999999999 from costing a
    // division by 10^999999999 (minutes of work), and 1e300 from wrapping around.
    long magnitude = (long) value.precision() - value.scale();
    if (magnitude > 20) {
      return OUT_OF_RANGE;
    }
    if (magnitude < -20) {
      return 0; // below 10^-20 units: less than a nanosecond in any unit a long can hold
    }
    try {
      long nanos = value.multiply(BigDecimal.valueOf(unitNanos)).setScale(0, RoundingMode.DOWN)
          .longValueExact();
      return Math.max(nanos, OUT_OF_RANGE); // the two lowest longs are the markers
    } catch (ArithmeticException e) {
      return OUT_OF_RANGE;
    }
  }

  /**
   * Returns field {@code i} as an integer of at least 0, {@link Long#MAX_VALUE} for one too big
   * for a long (so that a range check refuses it as too big), or -1 if it is not one.
   */
  long count(int i) {
    int start = starts[i];
    int end = ends[i];
    if (start == end) {
      return -1;
    }
    long value = 0;
    for (int p = start; p < end; p++) {
      char c = text.charAt(p);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : value * 10 + (c - '0');
    }
    return value;
  }
}
