package dev.lambdasim.scenario;

import dev.lambdasim.spec.CodeSpec;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Which of a fleet function's fields say {@code {from: trace}} (its memory from the app memory
 * file, its handler time from the duration-percentile file), and whether each gives a default
 * for a function the file has no row for.
 *
 * @param referenceWritten whether {@code referenceMemoryMb} is written; if not, handler time
 *                         from the trace is taken as measured at the app's own memory
 */
record FromTrace(boolean memory, boolean memoryDefault, boolean duration, boolean durationDefault,
    boolean referenceWritten) {

  static final FromTrace NONE = new FromTrace(false, false, false, false, false);
  /** The fields that may be {@code {from: trace}}. */
  static final List<String> FIELDS = List.of("memoryMb", "duration");
  /** The only source a field may be taken from. */
  static final String WORD = "trace";
  /** The keys of a {@code {from: trace}} mapping. */
  static final List<String> KEYS = List.of("from", "default");

  static FromTrace of(Node.Mapping m) {
    Node mem = m.values().get("memoryMb");
    Node dur = m.values().get("duration");
    return new FromTrace(isFrom(mem), isFrom(mem) && hasDefault(mem), isFrom(dur),
        isFrom(dur) && hasDefault(dur), m.values().containsKey("referenceMemoryMb"));
  }

  static boolean isFrom(Node n) {
    return n instanceof Node.Mapping m && m.values().containsKey("from");
  }

  private static boolean hasDefault(Node n) {
    return ((Node.Mapping) n).values().containsKey("default");
  }

  /**
   * Returns the mapping with each {@code {from: trace}} replaced by its default or, where it
   * has none, by a stand-in the trace's row then replaces, so that the rest binds: the default
   * memory, and a 1 ms constant for handler time (which has no default).
   */
  static Node.Mapping placeholders(Node.Mapping m) {
    if (!isFrom(m.values().get("memoryMb")) && !isFrom(m.values().get("duration"))) {
      return m;
    }
    Node.Mapping out = Node.Mapping.empty(m.at());
    m.values().forEach((k, v) -> {
      Node value = v;
      if (isFrom(v) && FIELDS.contains(k)) {
        Node.Mapping from = (Node.Mapping) v;
        value = from.values().containsKey("default") ? from.values().get("default")
            : k.equals("memoryMb") ? number(CodeSpec.DEFAULT_MEMORY_MB, from.at())
            : constant(from.at());
      }
      out.put(k, m.keys().get(k), value);
    });
    return out;
  }

  private static Node.Scalar number(int value, Location at) {
    return new Node.Scalar(Node.Scalar.Kind.NUMBER, String.valueOf(value), BigDecimal.valueOf(value), at);
  }

  private static Node.Mapping constant(Location at) {
    Node.Mapping d = Node.Mapping.empty(at);
    d.put("dist", at, new Node.Scalar(Node.Scalar.Kind.STRING, "constant", null, at));
    d.put("value", at, new Node.Scalar(Node.Scalar.Kind.STRING, "1ms", null, at));
    return d;
  }

  /**
   * Checks every {@code {from: trace, default: ...}} written in the template and overrides
   * (keys, the word trace, the side file it needs) and that each side file is used.
   */
  static void check(Node.Mapping template, List<Node.Mapping> overrides, FleetSideFiles side,
      Values values) {
    boolean memoryUsed = false;
    boolean durationsUsed = false;
    for (int i = -1; i < overrides.size(); i++) {
      Node.Mapping m = i < 0 ? template : overrides.get(i);
      String at = i < 0 ? "fleet.template" : "fleet.overrides[" + i + "]";
      for (String k : FIELDS) {
        Node v = m.values().get(k);
        if (!isFrom(v)) {
          continue;
        }
        Node.Mapping from = (Node.Mapping) v;
        String path = at + "." + k;
        boolean memory = k.equals("memoryMb");
        for (Map.Entry<String, Location> key : from.keys().entrySet()) {
          if (!KEYS.contains(key.getKey())) {
            values.problems().add(key.getValue(), path + "." + key.getKey(), "unknown field '"
                + key.getKey() + "'; allowed: " + String.join(", ", KEYS));
          }
        }
        Node word = from.values().get("from");
        if (!(word instanceof Node.Scalar s && s.text().equals(WORD))) {
          values.report(word, path + ".from", word.shown() + " is not allowed here (allowed: " + WORD + ")");
          continue;
        }
        if (from.values().get("default") instanceof Node.Mapping d && isFrom(d)) {
          values.report(d, path + ".default", "a default cannot itself be from the trace");
        }
        if (memory && side.memory() == null) {
          values.report(word, path + ".from", "memoryMb from the trace needs the app memory file: "
              + "add memory: <app_memory_percentiles.anon.dXX.csv> to fleet.trace (azure-2019)");
        } else if (!memory && side.durations() == null) {
          values.report(word, path + ".from", "duration from the trace needs the duration-percentile "
              + "file: add durations: <function_durations_percentiles.anon.dXX.csv> to fleet.trace "
              + "(azure-2019; for azure-2021 use useDurations: true and a duration here)");
        }
        memoryUsed |= memory;
        durationsUsed |= !memory;
      }
    }
    if (side.memory() != null && !memoryUsed) {
      values.report(side.memoryNode(), "fleet.trace.memory", "the memory file is read only for "
          + "memoryMb: {from: trace}, which neither the template nor an override says");
    }
    if (side.durations() != null && !durationsUsed) {
      values.report(side.durationsNode(), "fleet.trace.durations", "the duration file is read only for "
          + "duration: {from: trace}, which neither the template nor an override says");
    }
  }
}
