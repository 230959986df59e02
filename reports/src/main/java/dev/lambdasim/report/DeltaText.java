package dev.lambdasim.report;

import java.util.Locale;

/** Formats compared values and their deltas in one fixed locale, with a sign on every delta. */
final class DeltaText {
  private DeltaText() {}

  /** Returns a value with up to 6 significant decimals; whole numbers without decimals. */
  static String value(double value) {
    if (Double.isNaN(value)) {
      return NumberText.ABSENT;
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.format(Locale.US, "%,d", (long) value);
    }
    return Math.abs(value) >= 100.0
        ? String.format(Locale.US, "%,.1f", value)
        : String.format(Locale.US, "%.6g", value);
  }

  static String delta(double delta) {
    if (Double.isNaN(delta)) {
      return NumberText.ABSENT;
    }
    if (delta == 0.0) {
      return "0";
    }
    return (delta > 0 ? "+" : "-") + value(Math.abs(delta));
  }

  /** Formats a relative delta (a fraction) as a signed percentage. */
  static String relative(double fraction) {
    if (Double.isNaN(fraction)) {
      return NumberText.ABSENT;
    }
    if (fraction == 0.0) {
      return "0.0 %";
    }
    return String.format(Locale.US, "%+.1f %%", 100.0 * fraction);
  }
}
