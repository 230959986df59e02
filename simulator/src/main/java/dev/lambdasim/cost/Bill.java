package dev.lambdasim.cost;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The charges of one billing period.
 *
 * @param byFunction each function's share, in the order the usages were given (unmodifiable)
 * @param account    the account's charges; each component is the sum over {@code byFunction}
 */
public record Bill(Map<String, FunctionCost> byFunction, FunctionCost account) {

  public Bill {
    // Map.copyOf would lose the insertion order that reports rely on.
    byFunction = Collections.unmodifiableMap(new LinkedHashMap<>(byFunction));
    Objects.requireNonNull(account, "account");
  }
}
