package dev.lambdasim.scenario;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A trace's {@code offset}: nanoseconds added to every instant (negative to cut the start), or
 * {@code first}, which moves the first instant to 0s.
 */
record TraceOffset(long nanos, boolean first) {

  static final TraceOffset NONE = new TraceOffset(0, false);

  /** Binds the {@code offset} of a trace source. */
  static Bound<TraceOffset> of(Fields f) {
    if (!f.has("offset")) {
      return Bound.of(NONE);
    }
    Values values = f.values();
    Node n = f.node("offset");
    if (n instanceof Node.Scalar s && s.isString()) {
      String text = s.text().strip();
      if (text.equals("first")) {
        return Bound.of(new TraceOffset(0, true));
      }
      if (text.startsWith("-")) {
        Optional<BigDecimal> nanos = Units.nanos(text.substring(1));
        if (nanos.isPresent() && nanos.get().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
          return Bound.of(new TraceOffset(-Values.wholeNanos(nanos.get()), false));
        }
        return values.reject(n, f.path("offset"), s.shown() + " is not an offset; write a duration, "
            + "negative to cut the start (e.g. -1h), or 'first' to start the trace at 0s");
      }
    }
    return values.duration(n, f.path("offset")).map(nanos -> new TraceOffset(nanos, false));
  }
}
