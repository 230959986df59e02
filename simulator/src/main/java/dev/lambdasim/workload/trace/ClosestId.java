package dev.lambdasim.workload.trace;

import dev.lambdasim.spec.BadRowPolicy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The id nearest to a function selector that matched nothing, for a "did you mean" hint. An id
 * is near when it is a few edits away (a typo, a hash cut short when copied) or when the
 * selector is one of its parts written in the wrong form (a function hash where azure-2021
 * wants {@code app/func}).
 */
final class ClosestId {

  /**
   * The key columns of a CSV format and the selector forms they allow: the last 1..n parts
   * (azure-2019: HashFunction, HashApp/HashFunction, ...) or the first (azure-2021: app, app/func).
   */
  record Key(List<String> columns, boolean trailing) {

    /** Returns the selector forms of a row's key parts, shortest first. */
    List<String> forms(List<String> parts) {
      List<String> out = new ArrayList<>(parts.size());
      for (int k = 1; k <= parts.size(); k++) {
        out.add(String.join("/", trailing ? parts.subList(parts.size() - k, parts.size()) : parts.subList(0, k)));
      }
      return out;
    }
  }

  private final String wanted;
  private final int limit;
  private String best;
  private int bestDistance;

  ClosestId(String wanted) {
    this.wanted = wanted;
    // A quarter of the selector: a hash of 64 characters may have 16 edits, while two random
    // ones are some 50 apart, so an unrelated id is not offered.
    this.limit = Math.max(1, wanted.length() / 4);
    this.bestDistance = limit + 1;
  }

  /** Considers the forms of one id, shortest first; the first of the nearest is kept. */
  void offer(List<String> forms) {
    for (String form : forms) {
      int d = hasPart(form, wanted) ? 0 : distance(wanted, form, limit);
      if (d < bestDistance && d < wanted.length()) {
        best = form;
        bestDistance = d;
      }
    }
  }

  /** Returns {@code "; did you mean 'id'?"}, or "" when no id is near. */
  String hint() {
    return best == null ? "" : "; did you mean '" + best + "'?";
  }

  /**
   * Reads the rows of {@code file} again for the id nearest to {@code wanted} and returns its
   * hint (or ""). Only called once the selector has matched nothing, so the happy path never
   * pays for it; a file that cannot be read again simply gives no hint.
   */
  static String hint(Path file, String shown, String wanted, Key key) {
    ClosestId closest = new ClosestId(wanted);
    try (LineSource lines = LineSource.open(file, shown)) {
      List<String> header = Headers.read(lines);
      int[] c = new int[key.columns().size()];
      for (int i = 0; i < c.length; i++) {
        c[i] = header.indexOf(key.columns().get(i));
        if (c[i] < 0) {
          return "";
        }
      }
      CsvRow row = new CsvRow(header.size());
      BadRows ignored = new BadRows(BadRowPolicy.SKIP, shown);
      List<String> parts = new ArrayList<>(c.length);
      String line;
      while ((line = lines.nextRow(ignored)) != null) {
        if (row.split(line) < header.size()) {
          continue;
        }
        parts.clear();
        for (int i : c) {
          parts.add(row.field(i));
        }
        closest.offer(key.forms(parts));
      }
    } catch (TraceException e) {
      return closest.hint();
    }
    return closest.hint();
  }

  private static boolean hasPart(String form, String part) {
    int at = form.indexOf(part);
    while (at >= 0) {
      int end = at + part.length();
      if ((at == 0 || form.charAt(at - 1) == '/') && (end == form.length() || form.charAt(end) == '/')) {
        return true;
      }
      at = form.indexOf(part, at + 1);
    }
    return false;
  }

  /** Returns the edit (Levenshtein) distance of {@code a} and {@code b}, or {@code limit + 1} when it is more. */
  static int distance(String a, String b, int limit) {
    int n = a.length();
    int m = b.length();
    int over = limit + 1;
    if (Math.abs(n - m) > limit) {
      return over;
    }
    int[] previous = new int[m + 1];
    int[] current = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      previous[j] = Math.min(j, over);
    }
    // Only cells within `limit` of the diagonal can stay within the limit.
    for (int i = 1; i <= n; i++) {
      int from = Math.max(1, i - limit);
      int to = Math.min(m, i + limit);
      current[from - 1] = from == 1 ? Math.min(i, over) : over;
      int rowMin = current[from - 1];
      for (int j = from; j <= to; j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        int v = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
        current[j] = Math.min(v, over);
        rowMin = Math.min(rowMin, current[j]);
      }
      if (to < m) {
        current[to + 1] = over;
      }
      if (rowMin > limit) {
        return over;
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[m];
  }
}
