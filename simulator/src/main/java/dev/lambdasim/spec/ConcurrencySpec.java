package dev.lambdasim.spec;

import java.util.Objects;

/**
 * A function's share of the account's concurrency.
 *
 * @param reserved    the function's cap and guarantee, or {@link #NO_RESERVED}
 * @param provisioned provisioned concurrency: initialised and ready from time 0, and its
 *                    schedule and auto scaling
 */
public record ConcurrencySpec(int reserved, ProvisionedSpec provisioned) {

  /** Marks a function without reserved concurrency. */
  public static final int NO_RESERVED = -1;
  public static final ConcurrencySpec DEFAULTS =
      new ConcurrencySpec(NO_RESERVED, ProvisionedSpec.fixed(0));

  public ConcurrencySpec {
    Objects.requireNonNull(provisioned, "provisioned");
    if (reserved < NO_RESERVED) {
      throw new IllegalArgumentException("reserved concurrency must be >= 0: " + reserved);
    }
  }

  public boolean hasReserved() {
    return reserved != NO_RESERVED;
  }

  /**
   * Returns the concurrency the function takes out of the account, used or not, while
   * {@code provisionedCount} of its environments are provisioned: its reserved concurrency if it
   * has some, else those (Lambda's ClaimedAccountConcurrency).
   */
  public int claimWith(int provisionedCount) {
    return hasReserved() ? reserved : provisionedCount;
  }

  /** Returns the claim at the start of the run. */
  public int initialClaim() {
    return claimWith(provisioned.initial());
  }

  /** Returns the largest claim the function can ever make, what the account's limit must hold. */
  public int largestClaim() {
    return claimWith(provisioned.maxPossible());
  }

  public ConcurrencySpec withReserved(int value) {
    return new ConcurrencySpec(value, provisioned);
  }

  public ConcurrencySpec withProvisioned(ProvisionedSpec value) {
    return new ConcurrencySpec(reserved, value);
  }
}
