package dev.lambdasim.workload.trace;

/**
 * Bad input inside a trace file, located as {@code file:line: what is wrong} (the line is left
 * out when the problem is the file as a whole). It stops a run; the command line prints the
 * message and exits with status 2, publishing no output folder.
 */
public final class TraceException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;
  private final String problem;

  /**
   * @param file    the trace as the user named it
   * @param line    1-based line, or 0 for the whole file
   * @param problem what is wrong, and what is allowed
   */
  public TraceException(String file, long line, String problem) {
    super(located(file, line, problem));
    this.file = file;
    this.line = line;
    this.problem = problem;
  }

  /** Returns {@code file:line: problem}, or {@code file: problem} when the line is 0. */
  static String located(String file, long line, String problem) {
    return file + (line > 0 ? ":" + line : "") + ": " + problem;
  }

  public String file() {
    return file;
  }

  /** Returns the 1-based line, or 0 when the problem concerns the whole file. */
  public long line() {
    return line;
  }

  /** Returns what is wrong, without the location. */
  public String problem() {
    return problem;
  }
}
