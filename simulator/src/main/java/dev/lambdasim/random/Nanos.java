package dev.lambdasim.random;

/** Conversion of real-valued draws to whole nanoseconds. */
final class Nanos {

  private Nanos() {}

  /**
   * Returns {@code value} rounded to the nearest nanosecond, clamped at 0. NaN maps to 0 and
   * values beyond {@code Long.MAX_VALUE} saturate, so a far tail draw never wraps negative.
   */
  static long round(double value) {
    return value > 0 ? Math.round(value) : 0L;
  }

  /** Returns {@code value} unchanged after checking that it is a finite, non-negative time. */
  static double requireTime(String what, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          what + " must be a finite, non-negative time in nanoseconds, got " + value);
    }
    return value;
  }
}
