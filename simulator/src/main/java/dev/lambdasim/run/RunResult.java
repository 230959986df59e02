package dev.lambdasim.run;

import dev.lambdasim.cost.FunctionCost;
import dev.lambdasim.spec.Scenario;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one run: per-function summaries, the account, and the conservation ledger over
 * the measured window.
 *
 * @param measuredSeconds    length of the measured window (duration − warm-up)
 * @param claimedConcurrency by function name: the concurrency it takes from the account's pool
 *                           (reserved, else provisioned), in scenario order
 * @param eventsHandled      engine events handled (for benchmarks)
 */
public record RunResult(
    Scenario scenario,
    double measuredSeconds,
    List<FunctionSummary> functions,
    long accountPeakConcurrency,
    double accountMeanConcurrency,
    Map<String, Long> accountThrottlesByReason,
    FunctionCost accountCost,
    Ledger conservation,
    Map<String, Integer> claimedConcurrency,
    long eventsHandled) {

  public RunResult {
    functions = List.copyOf(functions);
    claimedConcurrency = Collections.unmodifiableMap(new LinkedHashMap<>(claimedConcurrency));
  }

  public FunctionSummary function(String name) {
    for (FunctionSummary f : functions) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("no function named " + name);
  }

  public long accountThrottles() {
    return accountThrottlesByReason.values().stream().mapToLong(Long::longValue).sum();
  }

  public long accountInvocations() {
    return functions.stream().mapToLong(FunctionSummary::invocations).sum();
  }

  public long accountColdStarts() {
    return functions.stream().mapToLong(FunctionSummary::coldStarts).sum();
  }
}
