package dev.lambdasim.workload.trace;

import java.util.List;

/** Reads and checks the header line of a CSV trace. */
final class Headers {

  private Headers() {}

  /** Returns the fields of the first line (a UTF-8 byte order mark is dropped). */
  static List<String> read(LineSource lines) {
    String first = lines.next();
    if (first == null) {
      throw new TraceException(lines.shown(), 0, "the file is empty; expected a header line");
    }
    if (!first.isEmpty() && first.charAt(0) == '\uFEFF') {
      first = first.substring(1);
    }
    return CsvRow.fields(first);
  }

  /** Returns the index of the column called {@code name}, or throws naming the columns there are. */
  static int require(LineSource lines, List<String> header, String name, String format) {
    return require(lines.shown(), header, name, format);
  }

  static int require(String shown, List<String> header, String name, String format) {
    int i = header.indexOf(name);
    if (i < 0) {
      throw new TraceException(shown, 1, "the header has no column '" + name + "', which the "
          + format + " format needs (header: " + shorten(header) + ")");
    }
    return i;
  }

  /** Returns the header for a message, shortened when it is long (azure-2019 has 1,444 columns). */
  static String shorten(List<String> header) {
    if (header.size() <= 8) {
      return String.join(",", header);
    }
    return String.join(",", header.subList(0, 6)) + ",... (" + header.size() + " columns)";
  }
}
