package dev.lambdasim.output;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formatting for outputs: fixed precision, no locale, NaN as an empty cell. */
public final class Numbers {

  private Numbers() {}

  /** Returns {@code value} with at most 3 decimals and no trailing zeros; "" for NaN. */
  public static String decimal(double value) {
    if (Double.isNaN(value)) {
      return "";
    }
    return round(value, 3).toPlainString();
  }

  /** Returns {@code value} rounded half-up to {@code decimals} places, trailing zeros stripped. */
  public static BigDecimal round(double value, int decimals) {
    if (Double.isInfinite(value) || Double.isNaN(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP)
        .stripTrailingZeros();
    return rounded.signum() == 0 ? BigDecimal.ZERO : rounded;
  }
}
