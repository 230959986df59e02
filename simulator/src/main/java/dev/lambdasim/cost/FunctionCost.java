package dev.lambdasim.cost;

/**
 * Charges in US dollars, for one function or for the whole account.
 *
 * @param requestsUsd    requests after the free tier
 * @param computeUsd     all duration charges: on-demand (tiered, after the free tier) plus
 *                       duration on provisioned environments at the provisioned duration price
 * @param provisionedUsd configured provisioned concurrency
 */
public record FunctionCost(double requestsUsd, double computeUsd, double provisionedUsd) {

  /** No charges. */
  public static final FunctionCost ZERO = new FunctionCost(0, 0, 0);

  /** Returns the sum of the three charges. */
  public double totalUsd() {
    return requestsUsd + computeUsd + provisionedUsd;
  }

  /** Returns the charge-by-charge sum of this and {@code other}. */
  public FunctionCost plus(FunctionCost other) {
    return new FunctionCost(requestsUsd + other.requestsUsd, computeUsd + other.computeUsd,
        provisionedUsd + other.provisionedUsd);
  }
}
