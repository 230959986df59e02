package dev.lambdasim.scenario;

import dev.lambdasim.spec.TimeUnits;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations ({@code 250ms}, {@code 1.5s}) and rates ({@code 20/s}) as scenario files write
 * them. Units are mandatory, so that {@code timeout: 30} can never silently mean 30 ns.
 */
final class Units {

  static final String DURATION_UNITS = "ns, us, ms, s, m, h, d";
  static final String RATE_UNITS = "/s, /min, /h, /d";

  private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ns|us|ms|s|m|h|d)");
  private static final Pattern RATE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)/(s|min|h|d)");

  private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
      "ns", 1L, "us", TimeUnits.MICROSECOND, "ms", TimeUnits.MILLISECOND, "s", TimeUnits.SECOND,
      "m", TimeUnits.MINUTE, "h", TimeUnits.HOUR, "d", TimeUnits.DAY);
  private static final Map<String, Long> NANOS_PER_RATE_UNIT = Map.of(
      "s", TimeUnits.SECOND, "min", TimeUnits.MINUTE, "h", TimeUnits.HOUR, "d", TimeUnits.DAY);

  private Units() {}

  /** Returns the nanoseconds per {@code unit}, one of {@link #DURATION_UNITS}. */
  static long nanosPer(String unit) {
    return NANOS_PER_UNIT.get(unit);
  }

  /** Returns a whole duration as a scenario would write it, in its largest exact unit: 30s, 1d. */
  static String shown(long nanos) {
    if (nanos == 0) {
      return "0s";
    }
    String best = "ns";
    for (Map.Entry<String, Long> unit : NANOS_PER_UNIT.entrySet()) {
      if (nanos % unit.getValue() == 0 && unit.getValue() > NANOS_PER_UNIT.get(best)) {
        best = unit.getKey();
      }
    }
    return nanos / NANOS_PER_UNIT.get(best) + best;
  }

  /**
   * Returns {@code nanos} in its largest unit of which it holds at least one, rounded down, as a
   * maximum is written: Long.MAX_VALUE ns reads 106751d.
   */
  static String shownDown(long nanos) {
    String best = "ns";
    for (Map.Entry<String, Long> unit : NANOS_PER_UNIT.entrySet()) {
      if (nanos >= unit.getValue() && unit.getValue() > NANOS_PER_UNIT.get(best)) {
        best = unit.getKey();
      }
    }
    return nanos / NANOS_PER_UNIT.get(best) + best;
  }

  /**
   * Returns the unit a bare number written in the duration field {@code path} most likely
   * meant: hours for the horizon, milliseconds for delays, minutes for fields of at least a
   * minute (lifetimes, ages, repeats), else seconds (timeouts, windows, periods).
   */
  static String preferred(String path, long minNanos) {
    String field = path.substring(path.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
    if (path.equals("duration")) {
      return "h";
    }
    if (field.contains("delay")) {
      return "ms";
    }
    return minNanos >= TimeUnits.MINUTE ? "m" : "s";
  }

  /**
   * Returns the unit to suggest for the bare {@code number}: {@code preferred} when the number
   * in it lies within {@code minNanos..maxNanos}, else the first of s, ms, m, h in which it
   * does ({@code preferred} when none does).
   */
  static String suggested(String preferred, BigDecimal number, long minNanos, long maxNanos) {
    if (number == null) {
      return preferred;
    }
    for (String unit : new String[] {preferred, "s", "ms", "m", "h"}) {
      BigDecimal nanos = number.multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(unit)));
      if (nanos.compareTo(BigDecimal.valueOf(minNanos)) >= 0
          && nanos.compareTo(BigDecimal.valueOf(maxNanos)) <= 0) {
        return unit;
      }
    }
    return preferred;
  }

  /** Returns the exact nanoseconds of a duration text, or empty if it is not one. */
  static Optional<BigDecimal> nanos(String text) {
    Matcher m = DURATION.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(m.group(2)))));
  }

  /** Returns the events per second of a rate text, or empty if it is not one. */
  static Optional<Double> perSecond(String text) {
    Matcher m = RATE.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    // Seconds per unit as a double, exactly as 1.0, 60.0, 3600.0 and 86400.0.
    double secondsPerUnit = (double) (NANOS_PER_RATE_UNIT.get(m.group(2)) / TimeUnits.SECOND);
    return Optional.of(Double.parseDouble(m.group(1)) / secondsPerUnit);
  }
}
