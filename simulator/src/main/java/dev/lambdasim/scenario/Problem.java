package dev.lambdasim.scenario;

/**
 * One thing wrong with an input file, located as precisely as the input allows.
 *
 * @param file   the file as the user named it (or {@code <set>} for a {@code --set} override)
 * @param line   1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param path   the field path, e.g. {@code functions[0].memoryMb}; empty for the whole file
 * @param message what is wrong and what is allowed
 */
public record Problem(String file, int line, int column, String path, String message) {

  /** Returns the one-line form: {@code file:line:col: path: message}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    sb.append(": ");
    if (!path.isEmpty()) {
      sb.append(path).append(": ");
    }
    return sb.append(message).toString();
  }
}
