package dev.lambdasim.spec;

/**
 * The {@code onBadRow} option: what a trace reader does with a row it cannot use (malformed, or
 * out of order where order is required) — stop the run, or skip the row and count it.
 */
public enum BadRowPolicy {
  FAIL("fail"), SKIP("skip");

  private final String label;

  BadRowPolicy(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
