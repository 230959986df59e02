package dev.lambdasim.workload.trace;

import dev.lambdasim.spec.BadRowPolicy;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reader does with a row it cannot use (malformed, or out of order where order is
 * required): stop the run ({@link BadRowPolicy#FAIL}, the default) or skip the row and count it
 * ({@link BadRowPolicy#SKIP}). Skipped rows are counted and the first {@value #KEPT} are kept, located,
 * for the summary: nothing is dropped silently.
 */
public final class BadRows {

  /** How many skipped rows are kept with their location and message. */
  public static final int KEPT = 10;

  private final BadRowPolicy policy;
  private final String file;
  private final List<String> first = new ArrayList<>();
  private long skipped;

  public BadRows(BadRowPolicy policy, String file) {
    this.policy = policy;
    this.file = file;
  }

  /** Reports the bad row at {@code line}: throws {@link TraceException} under FAIL, else counts it. */
  public void bad(long line, String problem) {
    if (policy == BadRowPolicy.FAIL) {
      throw new TraceException(file, line, problem);
    }
    skipped++;
    if (first.size() < KEPT) {
      first.add(TraceException.located(file, line, problem));
    }
  }

  /** Returns how many rows were skipped. */
  public long skipped() {
    return skipped;
  }

  /** Returns the first {@value #KEPT} skipped rows as {@code file:line: problem}. */
  public List<String> firstSkipped() {
    return List.copyOf(first);
  }
}
