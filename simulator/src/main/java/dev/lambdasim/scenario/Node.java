package dev.lambdasim.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML or JSON value that remembers where it was written. Jackson's own tree drops
 * locations, and every scenario error must name a line and column, hence this small tree.
 *
 * <p>Mappings and sequences are mutable only so that {@code --set} overrides can be applied
 * before validation; nothing outside this package sees them.
 */
sealed interface Node {

  Location at();

  /** The most characters of a value echoed in a message; a longer one is cut, with its length. */
  int SHOWN_CHARS = 80;

  /** Returns how the value reads in an error message. */
  String shown();

  /** Returns {@code text} cut to {@link #SHOWN_CHARS}, quoted when {@code quoted}: {@code 'xxxx…' (20,000 characters)}. */
  static String clipped(String text, boolean quoted) {
    String q = quoted ? "'" : "";
    if (text.length() <= SHOWN_CHARS) {
      return q + text + q;
    }
    return q + text.substring(0, SHOWN_CHARS) + "…" + q + " (" + InputLimits.grouped(text.length())
        + " characters)";
  }

  /** A string, number, boolean or null. {@code number} is set for numbers only (null if not finite). */
  record Scalar(Kind kind, String text, BigDecimal number, Location at) implements Node {

    enum Kind { STRING, NUMBER, BOOLEAN, NULL }

    public String shown() {
      return clipped(text, kind == Kind.STRING);
    }

    boolean isString() {
      return kind == Kind.STRING;
    }
  }

  /** A mapping; keeps document order and where each key was written. */
  record Mapping(Map<String, Node> values, Map<String, Location> keys, Location at)
      implements Node {

    static Mapping empty(Location at) {
      return new Mapping(new LinkedHashMap<>(), new LinkedHashMap<>(), at);
    }

    public String shown() {
      return "a mapping";
    }

    void put(String key, Location keyAt, Node value) {
      values.put(key, value);
      keys.put(key, keyAt);
    }
  }

  /** A list. */
  record Sequence(List<Node> items, Location at) implements Node {

    static Sequence empty(Location at) {
      return new Sequence(new ArrayList<>(), at);
    }

    public String shown() {
      return "a list";
    }
  }
}
