package dev.lambdasim.scenario;

import java.util.Collection;
import java.util.Locale;

/** Suggests the known word closest to a misspelt one ("did you mean"). */
final class Spelling {

  private Spelling() {}

  /** Returns {@code " (did you mean 'x'?)"} when a known word is close, else {@code ""}. */
  static String suggest(String word, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String w = word.toLowerCase(Locale.ROOT);
    // A third of the word may be wrong, at least two edits: catches "timeOut" -> "timeout"
    // without offering unrelated words for short typos.
    int tolerance = Math.max(2, word.length() / 3);
    for (String candidate : known) {
      String c = candidate.toLowerCase(Locale.ROOT);
      int d = distance(w, c);
      // A shared stem also counts: "memorySize" -> "memoryMb", "maximum" -> "max".
      boolean close = d <= tolerance || commonPrefix(w, c) >= Math.max(3, (c.length() + 1) / 2);
      if (close && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best != null ? " (did you mean '" + best + "'?)" : "";
  }

  private static int commonPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }

  /** Returns the Levenshtein distance between two strings. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
