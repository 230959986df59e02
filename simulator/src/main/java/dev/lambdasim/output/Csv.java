package dev.lambdasim.output;

/**
 * The text cells of the run's CSV files, written so that a spreadsheet opens them as text.
 *
 * <p>A spreadsheet evaluates a cell that starts with {@code =}, {@code +}, {@code -}, {@code @},
 * a tab or a carriage return as a formula, and a trace id or a function name ({@code -api}) may
 * start that way: such a cell gets a leading single quote, as OWASP's "CSV Injection" page
 * recommends. Then, per RFC 4180, a cell with a comma, a double quote or a line break is put in
 * double quotes, its own double quotes doubled. Numbers are written as they are: a spreadsheet
 * reads {@code -0.5} as the number it is.
 */
public final class Csv {

  /** The first characters that make a spreadsheet read a cell as a formula. */
  private static final String FORMULA_STARTS = "=+-@\t\r";

  private Csv() {}

  /** Returns {@code text} as one CSV cell. */
  public static String text(String text) {
    return quoted(startsAsFormula(text) ? "'" + text : text);
  }

  /**
   * Returns the text of a cell {@link #text} wrote, given the cell without its RFC 4180 quotes:
   * the guarding single quote removed. Any other cell, a number's too, is returned as it is.
   */
  public static String readText(String cell) {
    return cell.startsWith("'") && startsAsFormula(cell) ? cell.substring(1) : cell;
  }

  /**
   * Returns whether {@code text}, past any single quotes it starts with, starts as a formula.
   * Skipping them makes the guard reversible: {@code '=x} is written {@code ''=x}, so reading
   * removes exactly one quote and only from a guarded cell.
   */
  private static boolean startsAsFormula(String text) {
    int i = 0;
    while (i < text.length() && text.charAt(i) == '\'') {
      i++;
    }
    return i < text.length() && FORMULA_STARTS.indexOf(text.charAt(i)) >= 0;
  }

  private static String quoted(String cell) {
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return '"' + cell.replace("\"", "\"\"") + '"';
      }
    }
    return cell;
  }
}
