package dev.lambdasim.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML or JSON text into a {@link Node} tree through Jackson's streaming parser, keeping
 * each value's line and column. Syntax errors become located problems, and so do the
 * {@link InputLimits}: strings too long, nesting too deep, aliases that expand too far.
 *
 * <p>YAML anchors and aliases ({@code &d} and {@code *d}) are expanded here: an alias becomes a
 * copy of the anchored value, located where the anchor was written, so that a {@code --set} on
 * one copy leaves the others alone.
 */
final class NodeReader {

  private final JsonFactory factory;
  private final String file;
  private final boolean positions;
  private final Problems problems;
  private final Map<String, Node> anchors = new HashMap<>();
  private int aliasValues;

  /**
   * Creates a reader of one text. {@code positions} is false for {@code --set} values, whose
   * line and column within the flag would mislead more than help.
   */
  NodeReader(JsonFactory factory, String file, boolean positions, Problems problems) {
    this.factory = factory;
    this.file = file;
    this.positions = positions;
    this.problems = problems;
  }

  /** Returns a JSON factory whose own limits lie beyond {@link InputLimits}, so that ours speak first. */
  static JsonFactory json() {
    return JsonFactory.builder().streamReadConstraints(constraints()).build();
  }

  /** Returns a YAML factory whose own limits lie beyond {@link InputLimits}, so that ours speak first. */
  static YAMLFactory yaml() {
    LoaderOptions options = new LoaderOptions();
    // SnakeYAML's own default (3 MB) is below the file limit; the file limit decides.
    options.setCodePointLimit(InputLimits.MAX_FILE_BYTES + 1);
    return YAMLFactory.builder().loaderOptions(options).streamReadConstraints(constraints()).build();
  }

  private static StreamReadConstraints constraints() {
    return StreamReadConstraints.builder().maxNestingDepth(InputLimits.MAX_NESTING + 1).build();
  }

  /** Returns the single document in {@code text}, or the mark of one that cannot be read. */
  Bound<Node> read(String text) {
    try (JsonParser parser = factory.createParser(text)) {
      if (parser.nextToken() == null) {
        problems.add(new Location(file, positions ? 1 : 0, positions ? 1 : 0), "",
            "the input is empty");
        return Bound.reported();
      }
      Node root = value(parser, 0);
      if (parser.nextToken() != null) {
        problems.add(here(parser), "", "only one document is allowed, but another one starts here");
      }
      return Bound.of(root);
    } catch (Refused e) {
      problems.add(e.at, "", e.getMessage());
      return Bound.reported();
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      Location at = loc == null || !positions
          ? Location.ofFile(file) : new Location(file, Math.max(loc.getLineNr(), 0), Math.max(loc.getColumnNr(), 0));
      problems.add(at, "", "syntax error: " + oneLine(e.getOriginalMessage()));
      return Bound.reported();
    } catch (IOException e) {
      // Reading from a String cannot fail for I/O reasons; report it anyway rather than crash.
      problems.add(Location.ofFile(file), "", "cannot read: " + e.getMessage());
      return Bound.reported();
    }
  }

  private Node value(JsonParser parser, int depth) throws IOException, Refused {
    Location at = here(parser);
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      return alias(parser.getText(), at);
    }
    String anchor = parser.canReadObjectId() ? (String) parser.getObjectId() : null;
    Node node = unanchored(parser, depth, at);
    if (anchor != null) {
      anchors.put(anchor, node);
    }
    return node;
  }

  private Node unanchored(JsonParser parser, int depth, Location at) throws IOException, Refused {
    JsonToken token = parser.currentToken();
    if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)
        && depth == InputLimits.MAX_NESTING) {
      throw new Refused(at, "mappings and lists are nested deeper than "
          + InputLimits.grouped(InputLimits.MAX_NESTING) + " levels (the maximum)");
    }
    switch (token) {
      case START_OBJECT: {
        Node.Mapping mapping = Node.Mapping.empty(at);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          Location keyAt = here(parser);
          checkLength(key, keyAt);
          parser.nextToken();
          Node child = value(parser, depth + 1);
          if (mapping.values().containsKey(key)) {
            Location first = mapping.keys().get(key);
            problems.add(keyAt, key, "duplicate key '" + key + "' (first written at line " + first.line() + ")");
          } else {
            mapping.put(key, keyAt, child);
          }
        }
        return mapping;
      }
      case START_ARRAY: {
        Node.Sequence sequence = Node.Sequence.empty(at);
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          sequence.items().add(value(parser, depth + 1));
        }
        return sequence;
      }
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return new Node.Scalar(Node.Scalar.Kind.NUMBER, parser.getText(), decimal(parser), at);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new Node.Scalar(Node.Scalar.Kind.BOOLEAN, parser.getText(), null, at);
      case VALUE_NULL:
        return new Node.Scalar(Node.Scalar.Kind.NULL, "null", null, at);
      default:
        String text = parser.getText();
        checkLength(text, at);
        return new Node.Scalar(Node.Scalar.Kind.STRING, text, null, at);
    }
  }

  private static void checkLength(String text, Location at) throws Refused {
    if (text.length() > InputLimits.MAX_STRING_CHARS) {
      throw new Refused(at, "a string of " + InputLimits.grouped(text.length()) + " characters is "
          + "longer than the maximum of " + InputLimits.grouped(InputLimits.MAX_STRING_CHARS));
    }
  }

  /** Returns a copy of the value anchored as {@code name}, counting it against the alias budget. */
  private Node alias(String name, Location at) throws Refused {
    Node anchored = anchors.get(name);
    if (anchored == null) {
      throw new Refused(at, "unknown alias '*" + name + "' (an alias names an anchor '&" + name
          + "' written before it)");
    }
    return copy(anchored, name, at);
  }

  private Node copy(Node node, String name, Location aliasAt) throws Refused {
    if (++aliasValues > InputLimits.MAX_ALIAS_VALUES) {
      throw new Refused(aliasAt, "aliases expand to more than "
          + InputLimits.grouped(InputLimits.MAX_ALIAS_VALUES) + " values in total (the maximum) at '*"
          + name + "'; write the values out, or use fewer aliases of large values");
    }
    if (node instanceof Node.Mapping m) {
      Node.Mapping copy = Node.Mapping.empty(m.at());
      for (Map.Entry<String, Node> e : m.values().entrySet()) {
        copy.put(e.getKey(), m.keys().get(e.getKey()), copy(e.getValue(), name, aliasAt));
      }
      return copy;
    }
    if (node instanceof Node.Sequence seq) {
      Node.Sequence copy = Node.Sequence.empty(seq.at());
      for (Node item : seq.items()) {
        copy.items().add(copy(item, name, aliasAt));
      }
      return copy;
    }
    return node; // scalars are immutable records
  }

  /** A limit crossed: the read stops there, with one located problem. */
  private static final class Refused extends Exception {

    private final transient Location at;

    Refused(Location at, String message) {
      super(message, null, false, false);
      this.at = at;
    }
  }

  private static BigDecimal decimal(JsonParser parser) throws IOException {
    try {
      return parser.getDecimalValue();
    } catch (NumberFormatException e) {
      return null; // .inf and .nan: reported as "not a finite number" by whoever reads it
    }
  }

  private Location here(JsonParser parser) {
    if (!positions) {
      return Location.ofFile(file);
    }
    JsonLocation loc = parser.currentTokenLocation();
    return new Location(file, Math.max(loc.getLineNr(), 0), Math.max(loc.getColumnNr(), 0));
  }

  /** Jackson and SnakeYAML messages span lines and echo the source; keep the gist. */
  private static String oneLine(String message) {
    if (message == null) {
      return "malformed input";
    }
    StringBuilder sb = new StringBuilder();
    boolean snippetNext = false;
    for (String line : message.split("\\R")) {
      String t = line.strip();
      // SnakeYAML follows each "in 'reader', line L, column C:" with an echo of the source line.
      boolean snippet = snippetNext;
      snippetNext = t.startsWith("in '");
      if (t.isEmpty() || snippet || snippetNext || t.startsWith("at [") || t.equals("^")) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(t);
      if (sb.length() > 160) {
        break;
      }
    }
    return sb.toString();
  }
}
