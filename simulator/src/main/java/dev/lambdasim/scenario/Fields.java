package dev.lambdasim.scenario;

import java.util.List;
import java.util.Map;

/**
 * The fields of one mapping at one path, e.g. {@code functions[0]}. Creating it reports every
 * unknown key (with a "did you mean"); the typed getters report bad values and return null.
 */
final class Fields {

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
            "unknown field '" + key.getKey() + "'" + Spelling.suggest(key.getKey(), known)
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
  Node required(String key, String what) {
    Node n = node(key);
    if (n == null) {
      values.problems().add(mapping.at(), path(key), "required field '" + key + "' is missing (" + what + ")");
    }
    return n;
  }

  Long integer(String key, Long absent, long min, long max) {
    Node n = node(key);
    return n == null ? absent : values.integer(n, path(key), min, max);
  }

  Double decimal(String key, Double absent, double min, double max) {
    Node n = node(key);
    return n == null ? absent : values.decimal(n, path(key), min, max);
  }

  Long duration(String key, Long absent, long minNanos, long maxNanos, String minText, String maxText) {
    Node n = node(key);
    return n == null ? absent : values.duration(n, path(key), minNanos, maxNanos, minText, maxText);
  }

  Boolean bool(String key, Boolean absent) {
    Node n = node(key);
    return n == null ? absent : values.bool(n, path(key));
  }

  String text(String key, String absent) {
    Node n = node(key);
    return n == null ? absent : values.text(n, path(key));
  }

  <E> E choice(String key, E absent, Map<String, E> options) {
    Node n = node(key);
    return n == null ? absent : values.choice(n, path(key), options);
  }
}
