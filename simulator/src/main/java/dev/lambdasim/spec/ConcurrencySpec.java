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

  public ConcurrencySpec withReserved(int value) {
    return new ConcurrencySpec(value, provisioned);
  }

  public ConcurrencySpec withProvisioned(ProvisionedSpec value) {
    return new ConcurrencySpec(reserved, value);
  }
}
