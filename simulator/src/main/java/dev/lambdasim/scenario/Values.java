package dev.lambdasim.scenario;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Converts single nodes to typed values, reporting what is wrong and what is allowed. Every
 * method returns null when the value is unusable; the problem has been recorded by then.
 */
final class Values {

  private final Problems problems;

  Values(Problems problems) {
    this.problems = problems;
  }

  Problems problems() {
    return problems;
  }

  void report(Node node, String path, String message) {
    problems.add(node.at(), path, message);
  }

  /** Returns a whole number in {@code min..max}. */
  Long integer(Node node, String path, long min, long max) {
    String allowed = allowed(String.valueOf(min), max == Long.MAX_VALUE ? null : String.valueOf(max));
    BigDecimal n = number(node, path, "an integer", allowed);
    if (n == null) {
      return null;
    }
    if (n.stripTrailingZeros().scale() > 0) {
      report(node, path, node.shown() + " is not an integer (allowed " + allowed + ")");
      return null;
    }
    if (!inRange(node, path, n, BigDecimal.valueOf(min), BigDecimal.valueOf(max),
        String.valueOf(min), max == Long.MAX_VALUE ? null : String.valueOf(max))) {
      return null;
    }
    return n.longValueExact();
  }

  /** Returns a number in {@code min..max}. */
  Double decimal(Node node, String path, double min, double max) {
    String allowed = plain(min) + ".." + plain(max);
    BigDecimal n = number(node, path, "a number", allowed);
    if (n == null || !inRange(node, path, n, BigDecimal.valueOf(min), BigDecimal.valueOf(max),
        plain(min), plain(max))) {
      return null;
    }
    return n.doubleValue();
  }

  /** Returns any finite number (e.g. the mu of a lognormal). */
  Double anyDecimal(Node node, String path) {
    BigDecimal n = number(node, path, "a number", "any finite number");
    return n == null ? null : n.doubleValue();
  }

  /** Returns a number greater than 0. */
  Double positive(Node node, String path) {
    BigDecimal n = number(node, path, "a number", "a number greater than 0");
    if (n == null) {
      return null;
    }
    if (n.signum() <= 0) {
      report(node, path, node.shown() + " is not allowed (must be greater than 0)");
      return null;
    }
    return n.doubleValue();
  }

  /** Returns a duration in exact nanoseconds (possibly fractional), without range checks. */
  BigDecimal durationExact(Node node, String path) {
    if (!(node instanceof Node.Scalar s) || s.kind() == Node.Scalar.Kind.NULL
        || s.kind() == Node.Scalar.Kind.BOOLEAN) {
      report(node, path, node.shown() + " is not a duration; write <number><unit> with unit "
          + Units.DURATION_UNITS + " (e.g. '250ms')");
      return null;
    }
    if (s.kind() == Node.Scalar.Kind.NUMBER) {
      report(node, path, s.text() + " has no unit; a duration needs one of " + Units.DURATION_UNITS
          + " (e.g. '" + s.text() + "s')");
      return null;
    }
    Optional<BigDecimal> nanos = Units.nanos(s.text());
    if (nanos.isEmpty()) {
      report(node, path, s.shown() + " is not a duration; write <number><unit> with unit "
          + Units.DURATION_UNITS + " (e.g. '250ms')");
      return null;
    }
    return nanos.get();
  }

  /** Returns a duration in whole nanoseconds within {@code min..max} (texts as the user would write them). */
  Long duration(Node node, String path, long minNanos, long maxNanos, String minText, String maxText) {
    BigDecimal exact = durationExact(node, path);
    if (exact == null) {
      return null;
    }
    String allowed = allowed(minText, maxNanos == Long.MAX_VALUE ? null : maxText);
    if (exact.compareTo(BigDecimal.valueOf(minNanos)) < 0) {
      report(node, path, node.shown() + " is below the minimum " + minText + " (allowed " + allowed + ")");
      return null;
    }
    if (exact.compareTo(BigDecimal.valueOf(maxNanos)) > 0) {
      report(node, path, node.shown() + " is above the maximum " + maxText + " (allowed " + allowed + ")");
      return null;
    }
    return exact.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
  }

  /** Returns a duration of at least 0 in whole nanoseconds. */
  Long duration(Node node, String path) {
    return duration(node, path, 0, Long.MAX_VALUE, "0s", "");
  }

  /** Returns a duration greater than 0 in whole nanoseconds. */
  Long positiveDuration(Node node, String path) {
    Long nanos = duration(node, path);
    if (nanos != null && nanos <= 0) {
      report(node, path, node.shown() + " is not allowed (must be greater than 0s)");
      return null;
    }
    return nanos;
  }

  /** Returns a rate greater than 0, in events per second. */
  Double rate(Node node, String path) {
    return rate(node, path, false);
  }

  /** Returns a rate in events per second, greater than 0 or, when {@code zeroAllowed}, at least 0. */
  Double rate(Node node, String path, boolean zeroAllowed) {
    String how = "; write <number>/<unit> with unit " + Units.RATE_UNITS + " (e.g. '20/s')";
    if (node instanceof Node.Scalar s && s.kind() == Node.Scalar.Kind.NUMBER) {
      report(node, path, s.text() + " has no unit; a rate needs one of " + Units.RATE_UNITS
          + " (e.g. '" + s.text() + "/s')");
      return null;
    }
    if (!(node instanceof Node.Scalar s) || !s.isString()) {
      report(node, path, node.shown() + " is not a rate" + how);
      return null;
    }
    Optional<Double> rate = Units.perSecond(s.text());
    if (rate.isEmpty()) {
      report(node, path, s.shown() + " is not a rate" + how);
      return null;
    }
    if (rate.get() <= 0 && !zeroAllowed) {
      report(node, path, s.shown() + " is not allowed (a rate must be greater than 0)");
      return null;
    }
    return rate.get();
  }

  /** Returns true or false. */
  Boolean bool(Node node, String path) {
    if (node instanceof Node.Scalar s && s.kind() == Node.Scalar.Kind.BOOLEAN) {
      return Boolean.parseBoolean(s.text().toLowerCase(java.util.Locale.ROOT));
    }
    report(node, path, node.shown() + " is not a boolean (allowed true, false)");
    return null;
  }

  /** Returns the text of a scalar (numbers are accepted as text, e.g. {@code description: 42}). */
  String text(Node node, String path) {
    if (node instanceof Node.Scalar s && s.kind() != Node.Scalar.Kind.NULL) {
      return s.text();
    }
    report(node, path, node.shown() + " is not a string");
    return null;
  }

  /** Returns the option named by a string scalar. */
  <E> E choice(Node node, String path, Map<String, E> options) {
    String allowed = String.join(" | ", options.keySet());
    if (!(node instanceof Node.Scalar s) || s.kind() == Node.Scalar.Kind.NULL) {
      report(node, path, node.shown() + " is not allowed (allowed " + allowed + ")");
      return null;
    }
    E e = options.get(s.text());
    if (e == null) {
      report(node, path, s.shown() + " is not allowed" + Spelling.suggest(s.text(), options.keySet())
          + " (allowed " + allowed + ")");
    }
    return e;
  }

  private BigDecimal number(Node node, String path, String what, String allowed) {
    if (node instanceof Node.Scalar s && s.kind() == Node.Scalar.Kind.NUMBER) {
      if (s.number() == null) {
        report(node, path, s.text() + " is not a finite number (allowed " + allowed + ")");
      }
      return s.number();
    }
    String hint = node instanceof Node.Scalar s && s.isString() && Units.nanos(s.text()).isPresent()
        ? " (this field is a plain number, without a unit)" : "";
    report(node, path, node.shown() + " is not " + what + " (allowed " + allowed + ")" + hint);
    return null;
  }

  private boolean inRange(Node node, String path, BigDecimal n, BigDecimal min, BigDecimal max,
      String minText, String maxText) {
    if (n.compareTo(min) < 0) {
      report(node, path, node.shown() + " is below the minimum " + minText
          + " (allowed " + allowed(minText, maxText) + ")");
      return false;
    }
    if (n.compareTo(max) > 0) {
      report(node, path, node.shown() + " is above the maximum " + maxText
          + " (allowed " + allowed(minText, maxText) + ")");
      return false;
    }
    return true;
  }

  /** Returns "min..max", or "at least min" when there is no maximum (null). */
  static String allowed(String minText, String maxText) {
    return maxText == null ? "at least " + minText : minText + ".." + maxText;
  }

  /** Formats 1.0 as "1" and 0.5 as "0.5", as a user would write them. */
  static String plain(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
