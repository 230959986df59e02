package dev.lambdasim.report;

/** Escapes untrusted text for HTML element content and quoted attribute values. */
final class HtmlText {
  private HtmlText() {}

  /** Returns {@code text} safe to place between tags or inside a double- or single-quoted attribute. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          // Control characters other than tab and line breaks are invalid in HTML text.
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
