package dev.lambdasim.output;

/** CSV quoting per RFC 4180: only fields with a comma, quote or line break are quoted. */
public final class Csv {

  private Csv() {}

  public static String quote(String field) {
    boolean needs = false;
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        needs = true;
        break;
      }
    }
    return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
  }
}
