package dev.lambdasim.scenario;

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
      "ns", 1L, "us", 1_000L, "ms", 1_000_000L, "s", 1_000_000_000L,
      "m", 60_000_000_000L, "h", 3_600_000_000_000L, "d", 86_400_000_000_000L);
  private static final Map<String, Double> SECONDS_PER_UNIT = Map.of(
      "s", 1.0, "min", 60.0, "h", 3600.0, "d", 86_400.0);

  private Units() {}

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
    return Optional.of(Double.parseDouble(m.group(1)) / SECONDS_PER_UNIT.get(m.group(2)));
  }
}
