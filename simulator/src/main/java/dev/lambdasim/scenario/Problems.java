package dev.lambdasim.scenario;

import java.util.ArrayList;
import java.util.List;

/** The problems found so far in one load; validation goes on after the first one. */
final class Problems {

  private static final int MAX_PATH_CHARS = 160;

  private final List<Problem> found = new ArrayList<>();

  void add(Location at, String path, String message) {
    // A path holds the keys as written; an absurdly long key must not fill the terminal.
    String shownPath = path.length() > MAX_PATH_CHARS ? path.substring(0, MAX_PATH_CHARS) + "…" : path;
    found.add(new Problem(at.file(), at.line(), at.column(), shownPath, message));
  }

  boolean any() {
    return !found.isEmpty();
  }

  /** Returns a mark of how many problems there are now, to ask later whether more were found. */
  Mark mark() {
    return new Mark(this, found.size());
  }

  /** Throws every problem found at once, so the user can fix them in one pass. */
  void throwIfAny() throws ScenarioException {
    if (any()) {
      throw new ScenarioException(found);
    }
  }

  /** How many problems had been found when a block's binding began. */
  record Mark(Problems problems, int count) {

    /** Returns whether a problem has been found since the mark. */
    boolean reportedSince() {
      return problems.found.size() > count;
    }
  }
}
