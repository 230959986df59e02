package dev.lambdasim.spec;

import java.util.List;

/** A CSV column named by its header text or by its 0-based index. */
public record Column(String name, int index) {

  public Column {
    if ((name == null) == (index < 0)) {
      throw new IllegalArgumentException("a column has a name or an index >= 0, not both");
    }
  }

  public static Column named(String name) {
    return new Column(name, -1);
  }

  public static Column at(int index) {
    return new Column(null, index);
  }

  /** Returns its index in {@code header}, or -1 if the header has no such column. */
  public int indexIn(List<String> header) {
    if (name == null) {
      return index < header.size() ? index : -1;
    }
    return header.indexOf(name);
  }

  /** Returns how the scenario wrote it: the name, or the index. */
  @Override
  public String toString() {
    return name != null ? "'" + name + "'" : Integer.toString(index);
  }
}
