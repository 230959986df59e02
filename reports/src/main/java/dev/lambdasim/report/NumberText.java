package dev.lambdasim.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Formats numbers for the report in one fixed locale, so a report reads the same on every
 * machine. Values that are absent read as "n/a"; a non-numeric JSON value is shown as its text
 * (the page escapes it), so a surprising summary is visible rather than hidden.
 */
final class NumberText {
  static final String ABSENT = "n/a";

  private NumberText() {}

  /** Returns a fresh formatter with US grouping; DecimalFormat is not thread-safe, hence fresh. */
  static NumberFormat axisFormat() {
    return new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.US));
  }

  static String count(double value) {
    if (Double.isNaN(value)) {
      return ABSENT;
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.format(Locale.US, "%,d", (long) value);
    }
    return decimal(value, 2);
  }

  static String decimal(double value, int digits) {
    return Double.isNaN(value) ? ABSENT : String.format(Locale.US, "%,." + digits + "f", value);
  }

  /** Formats a fraction (0..1) as a percentage. */
  static String percentOfFraction(double fraction) {
    return Double.isNaN(fraction) ? ABSENT : String.format(Locale.US, "%.2f %%", 100.0 * fraction);
  }

  static String usd(double value) {
    if (Double.isNaN(value)) {
      return ABSENT;
    }
    // Small runs cost fractions of a cent; show enough digits that they do not read as zero.
    return Math.abs(value) >= 1.0
        ? String.format(Locale.US, "$%,.2f", value)
        : String.format(Locale.US, "$%.6f", value);
  }

  /** Returns the node's number, or NaN when it is absent, null or not a number. */
  static double value(JsonNode node) {
    return node != null && node.isNumber() ? node.doubleValue() : Double.NaN;
  }

  static String count(JsonNode node) {
    return node.isNumber() ? count(node.doubleValue()) : other(node);
  }

  static String decimal(JsonNode node, int digits) {
    return node.isNumber() ? decimal(node.doubleValue(), digits) : other(node);
  }

  static String percentOfFraction(JsonNode node) {
    return node.isNumber() ? percentOfFraction(node.doubleValue()) : other(node);
  }

  static String usd(JsonNode node) {
    return node.isNumber() ? usd(node.doubleValue()) : other(node);
  }

  private static String other(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return ABSENT;
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }
}
