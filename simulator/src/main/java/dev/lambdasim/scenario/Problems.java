package dev.lambdasim.scenario;

import java.util.ArrayList;
import java.util.List;

/** The problems found so far in one load; validation goes on after the first one. */
final class Problems {

  private final List<Problem> found = new ArrayList<>();

  void add(Location at, String path, String message) {
    found.add(new Problem(at.file(), at.line(), at.column(), path, message));
  }

  boolean any() {
    return !found.isEmpty();
  }

  int count() {
    return found.size();
  }

  /** Throws every problem found at once, so the user can fix them in one pass. */
  void throwIfAny() throws ScenarioException {
    if (any()) {
      throw new ScenarioException(found);
    }
  }
}
