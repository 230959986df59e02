package dev.lambdasim.scenario;

import dev.lambdasim.spec.TrafficSpec;

/** A source's window [from, to): by default from the start of the run, with no end. */
record Window(long fromNanos, long toNanos) {

  /** Binds a source's {@code from} and {@code to}. */
  static Bound<Window> of(Fields f) {
    Values values = f.values();
    Bound<Long> from = f.optional("from", 0L, values::duration);
    Bound<Long> to = f.optional("to", TrafficSpec.OPEN, values::duration);
    if (!Bound.allOk(from, to)) {
      return Bound.reported();
    }
    if (from.get() >= to.get()) {
      return values.reject(f.node("to"), f.path("to"), f.node("to").shown() + " is not after from "
          + (f.has("from") ? f.node("from").shown() : "0s") + " (allowed: from < to)");
    }
    return Bound.of(new Window(from.get(), to.get()));
  }
}
