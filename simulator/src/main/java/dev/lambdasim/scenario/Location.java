package dev.lambdasim.scenario;

/**
 * Where a value was written: a file as the user named it, and a 1-based line and column
 * (0 when unknown, e.g. for values given with {@code --set}).
 */
record Location(String file, int line, int column) {

  /** Returns a location in {@code file} with no line or column. */
  static Location ofFile(String file) {
    return new Location(file, 0, 0);
  }
}
