package dev.lambdasim.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;

/**
 * Converts single nodes to typed values, reporting what is wrong and what is allowed. Every
 * method returns the value, or {@link Bound#reported()} once the problem has been recorded.
 */
final class Values {

  private final Problems problems;

  Values(Problems problems) {
    this.problems = problems;
  }

  Problems problems() {
    return problems;
  }

  /** Returns a mark to ask later whether a block's binding reported anything. */
  Problems.Mark mark() {
    return problems.mark();
  }

  void report(Node node, String path, String message) {
    problems.add(node.at(), path, message);
  }

  /** Reports and returns the mark of a reported value. */
  <T> Bound<T> reject(Node node, String path, String message) {
    report(node, path, message);
    return Bound.reported();
  }

  /** Returns a whole number in {@code min..max}. */
  Bound<Long> integer(Node node, String path, long min, long max) {
    // Without a maximum of its own the field still has one, a long's; shown only when crossed,
    // or when the minimum is a long's too (the seed), since "at least -9223372036854775808" says nothing.
    String maxText = max == Long.MAX_VALUE && min != Long.MIN_VALUE ? null : String.valueOf(max);
    String allowed = allowed(String.valueOf(min), maxText);
    return number(node, path, "an integer", allowed).then(n -> {
      if (n.stripTrailingZeros().scale() > 0) {
        return reject(node, path, node.shown() + " is not an integer (allowed " + allowed + ")");
      }
      return inRange(node, path, n, BigDecimal.valueOf(min), BigDecimal.valueOf(max),
          String.valueOf(min), String.valueOf(max), allowed).map(BigDecimal::longValueExact);
    });
  }

  /** Returns a number in {@code min..max}. */
  Bound<Double> decimal(Node node, String path, double min, double max) {
    String allowed = plain(min) + ".." + plain(max);
    return number(node, path, "a number", allowed)
        .then(n -> inRange(node, path, n, BigDecimal.valueOf(min), BigDecimal.valueOf(max),
            plain(min), plain(max), allowed))
        .map(BigDecimal::doubleValue);
  }

  /** Returns any finite number (e.g. the mu of a lognormal). */
  Bound<Double> anyDecimal(Node node, String path) {
    return number(node, path, "a number", "any finite number").map(BigDecimal::doubleValue);
  }

  /** Returns a number greater than 0. */
  Bound<Double> positive(Node node, String path) {
    return number(node, path, "a number", "a number greater than 0").then(n -> n.signum() <= 0
        ? reject(node, path, node.shown() + " is not allowed (must be greater than 0)")
        : Bound.of(n.doubleValue()));
  }

  /**
   * Returns a duration in exact nanoseconds (possibly fractional), without range checks: a
   * distribution's parameter, so a bare number is suggested in milliseconds.
   */
  Bound<BigDecimal> durationExact(Node node, String path) {
    return durationExact(node, path, "ms", 0, Long.MAX_VALUE);
  }

  /**
   * As {@link #durationExact(Node, String)}, suggesting for a bare number the {@code preferred}
   * unit, or another that puts it within {@code minNanos..maxNanos}.
   */
  private Bound<BigDecimal> durationExact(Node node, String path, String preferred, long minNanos,
      long maxNanos) {
    if (!(node instanceof Node.Scalar s) || s.kind() == Node.Scalar.Kind.NULL
        || s.kind() == Node.Scalar.Kind.BOOLEAN) {
      return reject(node, path, node.shown() + " is not a duration; write <number><unit> with unit "
          + Units.DURATION_UNITS + " (e.g. '250ms')");
    }
    if (s.kind() == Node.Scalar.Kind.NUMBER) {
      return reject(node, path, s.shown() + " has no unit; a duration needs one of "
          + Units.DURATION_UNITS + " (e.g. " + Node.clipped(s.text()
          + Units.suggested(preferred, s.number(), minNanos, maxNanos), true) + ")");
    }
    Optional<BigDecimal> nanos = Units.nanos(s.text());
    if (nanos.isEmpty()) {
      return reject(node, path, s.shown() + " is not a duration; write <number><unit> with unit "
          + Units.DURATION_UNITS + " (e.g. '250ms')");
    }
    return Bound.of(nanos.get());
  }

  /** Returns a duration in whole nanoseconds within {@code min..max} (texts as the user would write them). */
  Bound<Long> duration(Node node, String path, long minNanos, long maxNanos, String minText,
      String maxText) {
    return durationExact(node, path, Units.preferred(path, minNanos), minNanos, maxNanos).then(exact -> {
      boolean noMaximum = maxNanos == Long.MAX_VALUE || maxText == null || maxText.isEmpty();
      String allowed = allowed(minText, noMaximum ? null : maxText);
      if (exact.compareTo(BigDecimal.valueOf(minNanos)) < 0) {
        return reject(node, path, node.shown() + " is below the minimum " + minText
            + " (allowed " + allowed + ")");
      }
      if (exact.compareTo(BigDecimal.valueOf(maxNanos)) > 0) {
        return maxNanos == Long.MAX_VALUE ? tooLong(node, path, minText)
            : reject(node, path, node.shown() + " is above the maximum " + maxText
                + " (allowed " + allowed + ")");
      }
      return Bound.of(wholeNanos(exact));
    });
  }

  /** Returns a duration of at least 0 in whole nanoseconds. */
  Bound<Long> duration(Node node, String path) {
    return duration(node, path, 0, Long.MAX_VALUE, "0s", "");
  }

  /** Returns a duration greater than 0 in whole nanoseconds. */
  Bound<Long> positiveDuration(Node node, String path) {
    return duration(node, path).then(nanos -> nanos <= 0
        ? reject(node, path, node.shown() + " is not allowed (must be greater than 0s)")
        : Bound.of(nanos));
  }

  /** Returns a rate greater than 0, in events per second. */
  Bound<Double> rate(Node node, String path) {
    return rate(node, path, false);
  }

  /** Returns a rate in events per second, greater than 0 or, when {@code zeroAllowed}, at least 0. */
  Bound<Double> rate(Node node, String path, boolean zeroAllowed) {
    String how = "; write <number>/<unit> with unit " + Units.RATE_UNITS + " (e.g. '20/s')";
    if (node instanceof Node.Scalar s && s.kind() == Node.Scalar.Kind.NUMBER) {
      return reject(node, path, s.shown() + " has no unit; a rate needs one of " + Units.RATE_UNITS
          + " (e.g. " + Node.clipped(s.text() + "/s", true) + ")");
    }
    if (!(node instanceof Node.Scalar s) || !s.isString()) {
      return reject(node, path, node.shown() + " is not a rate" + how);
    }
    Optional<Double> rate = Units.perSecond(s.text());
    if (rate.isEmpty()) {
      return reject(node, path, s.shown() + " is not a rate" + how);
    }
    if (rate.get() <= 0 && !zeroAllowed) {
      return reject(node, path, s.shown() + " is not allowed (a rate must be greater than 0)");
    }
    return Bound.of(rate.get());
  }

  /** Returns true or false. */
  Bound<Boolean> bool(Node node, String path) {
    if (node instanceof Node.Scalar s && s.kind() == Node.Scalar.Kind.BOOLEAN) {
      return Bound.of(Boolean.parseBoolean(s.text().toLowerCase(Locale.ROOT)));
    }
    return reject(node, path, node.shown() + " is not a boolean (allowed true, false)");
  }

  /** Returns the text of a scalar (numbers are accepted as text, e.g. {@code description: 42}). */
  Bound<String> text(Node node, String path) {
    if (node instanceof Node.Scalar s && s.kind() != Node.Scalar.Kind.NULL) {
      return Bound.of(s.text());
    }
    return reject(node, path, node.shown() + " is not a string");
  }

  /** Returns the option named by a string scalar. */
  <E> Bound<E> choice(Node node, String path, Labels<E> options) {
    String allowed = options.joined(" | ");
    if (!(node instanceof Node.Scalar s) || s.kind() == Node.Scalar.Kind.NULL) {
      return reject(node, path, node.shown() + " is not allowed (allowed " + allowed + ")");
    }
    E e = options.get(s.text());
    if (e == null) {
      return reject(node, path, s.shown() + " is not allowed"
          + Spelling.suggest(s.text(), options.names()) + " (allowed " + allowed + ")");
    }
    return Bound.of(e);
  }

  private Bound<BigDecimal> number(Node node, String path, String what, String allowed) {
    if (node instanceof Node.Scalar s && s.kind() == Node.Scalar.Kind.NUMBER) {
      if (s.number() == null) {
        return reject(node, path, s.shown() + " is not a finite number (allowed " + allowed + ")");
      }
      return Bound.of(s.number());
    }
    String hint = node instanceof Node.Scalar s && s.isString() && Units.nanos(s.text()).isPresent()
        ? " (this field is a plain number, without a unit)" : "";
    return reject(node, path, node.shown() + " is not " + what + " (allowed " + allowed + ")" + hint);
  }

  private Bound<BigDecimal> inRange(Node node, String path, BigDecimal n, BigDecimal min,
      BigDecimal max, String minText, String maxText, String allowed) {
    if (n.compareTo(min) < 0) {
      return reject(node, path, node.shown() + " is below the minimum " + minText
          + " (allowed " + allowed + ")");
    }
    if (n.compareTo(max) > 0) {
      return reject(node, path, node.shown() + " is above the maximum " + maxText
          + " (allowed " + allowed + ")");
    }
    return Bound.of(n);
  }

  /** Returns exact nanoseconds rounded to whole ones, half up. */
  static long wholeNanos(BigDecimal exact) {
    return exact.setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  /** Returns "min..max", or "at least min" when there is no maximum (null). */
  static String allowed(String minText, String maxText) {
    return maxText == null ? "at least " + minText : minText + ".." + maxText;
  }

  /** Formats 1.0 as "1" and 0.5 as "0.5", as a user would write them. */
  static String plain(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  // --- Bounds of durations whose field has no maximum of its own (h-bounds) ---

  /** The longest duration whose nanoseconds fit the simulator's clock (a long), in whole days. */
  static final String LONGEST_DURATION_TEXT = "106751d";

  /** Reports a duration whose nanoseconds would overflow the clock, with the real bound. */
  private <T> Bound<T> tooLong(Node node, String path, String minText) {
    return reject(node, path, node.shown() + " is too long for the simulator's clock (allowed "
        + minText + ".." + LONGEST_DURATION_TEXT + ")");
  }
}
