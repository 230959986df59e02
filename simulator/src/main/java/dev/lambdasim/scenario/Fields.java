package dev.lambdasim.scenario;

import java.util.List;
import java.util.Map;

/**
 * The fields of one mapping at one path, e.g. {@code functions[0]}. Creating it reports every
 * unknown key (with a "did you mean"); the typed getters return the field's value, its default
 * when it is not written, or {@link Bound#reported()} after reporting a bad value.
 */
final class Fields {

  /** Reads one node at its path: one of {@link Values}' conversions. */
  @FunctionalInterface
  interface Reader<T> {
    Bound<T> read(Node node, String path);
  }

  private final Node.Mapping mapping;
  private final String path;
  private final Values values;

  private Fields(Node.Mapping mapping, String path, Values values) {
    this.mapping = mapping;
    this.path = path;
    this.values = values;
  }

  /**
   * Returns the fields of {@code node}, which must be a mapping with only {@code known} keys.
   * Anything else is reported, and an empty mapping stands in so that binding can go on.
   */
  static Fields of(Node node, String path, Values values, List<String> known) {
    if (!(node instanceof Node.Mapping m)) {
      values.report(node, path, node.shown() + " is not allowed here; expected a mapping with fields "
          + String.join(", ", known));
      return new Fields(Node.Mapping.empty(node.at()), path, values);
    }
    for (Map.Entry<String, Location> key : m.keys().entrySet()) {
      if (!known.contains(key.getKey())) {
        values.problems().add(key.getValue(), join(path, key.getKey()),
            "unknown field " + Node.clipped(key.getKey(), true) + Spelling.suggest(key.getKey(), known)
                + "; allowed: " + String.join(", ", known));
      }
    }
    return new Fields(m, path, values);
  }

  static String join(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  Values values() {
    return values;
  }

  String path() {
    return path;
  }

  Location at() {
    return mapping.at();
  }

  String path(String key) {
    return join(path, key);
  }

  boolean has(String key) {
    return mapping.values().containsKey(key);
  }

  /** Returns the value node, or null when absent. */
  Node node(String key) {
    return mapping.values().get(key);
  }

  /** Returns where the key was written. */
  Location keyAt(String key) {
    return mapping.keys().get(key);
  }

  /** Returns the value node; when absent, reports it at this mapping's location. */
  Bound<Node> required(String key, String what) {
    Node n = node(key);
    if (n == null) {
      values.problems().add(mapping.at(), path(key), "required field '" + key + "' is missing (" + what + ")");
      return Bound.reported();
    }
    return Bound.of(n);
  }

  /** Returns the value of a field that must be written, read by {@code reader}. */
  <T> Bound<T> required(String key, String what, Reader<T> reader) {
    return required(key, what).then(n -> reader.read(n, path(key)));
  }

  /** Returns the value read by {@code reader}, or {@code absent} when the field is not written. */
  <T> Bound<T> optional(String key, T absent, Reader<T> reader) {
    Node n = node(key);
    return n == null ? Bound.of(absent) : reader.read(n, path(key));
  }

  Bound<Long> integer(String key, Long absent, long min, long max) {
    return optional(key, absent, (n, p) -> values.integer(n, p, min, max));
  }

  Bound<Double> decimal(String key, Double absent, double min, double max) {
    return optional(key, absent, (n, p) -> values.decimal(n, p, min, max));
  }

  Bound<Long> duration(String key, Long absent, long minNanos, long maxNanos, String minText,
      String maxText) {
    return optional(key, absent, (n, p) -> values.duration(n, p, minNanos, maxNanos, minText, maxText));
  }

  Bound<Boolean> bool(String key, Boolean absent) {
    return optional(key, absent, values::bool);
  }

  Bound<String> text(String key, String absent) {
    return optional(key, absent, values::text);
  }

  <E> Bound<E> choice(String key, E absent, Labels<E> options) {
    return optional(key, absent, (n, p) -> values.choice(n, p, options));
  }
}
