package dev.lambdasim.spec;

/** Which idle execution environment a request gets when several are warm (undocumented by AWS). */
public enum ReusePolicy {
  /** The one that became idle last (SimFaaS's assumption; keeps the pool small). */
  MOST_RECENT("most-recent"),
  /** The one idle longest (spreads load; keeps more environments alive). */
  LEAST_RECENT("least-recent"),
  /** Any idle one, uniformly at random, from the function's reuse stream. */
  RANDOM("random");

  private final String label;

  ReusePolicy(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
