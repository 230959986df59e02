package dev.lambdasim.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads YAML or JSON text into a {@link Node} tree through Jackson's streaming parser, keeping
 * each value's line and column. Syntax errors become located problems.
 */
final class NodeReader {

  private final JsonFactory factory;
  private final String file;
  private final boolean positions;
  private final Problems problems;

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

  /** Returns the single document in {@code text}, or the mark of one that cannot be read. */
  Bound<Node> read(String text) {
    try (JsonParser parser = factory.createParser(text)) {
      if (parser.nextToken() == null) {
        problems.add(new Location(file, positions ? 1 : 0, positions ? 1 : 0), "",
            "the input is empty");
        return Bound.reported();
      }
      Node root = value(parser);
      if (parser.nextToken() != null) {
        problems.add(here(parser), "", "only one document is allowed, but another one starts here");
      }
      return Bound.of(root);
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

  private Node value(JsonParser parser) throws IOException {
    Location at = here(parser);
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT: {
        Node.Mapping mapping = Node.Mapping.empty(at);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          Location keyAt = here(parser);
          parser.nextToken();
          Node child = value(parser);
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
          sequence.items().add(value(parser));
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
        return new Node.Scalar(Node.Scalar.Kind.STRING, parser.getText(), null, at);
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
