package dev.lambdasim.scenario;

import dev.lambdasim.spec.AccountSpec;
import dev.lambdasim.spec.FunctionSpec;

/**
 * The account's concurrency claims added up function by function, to find the first function
 * whose claim leaves less than the unreserved minimum for everyone else. Each function counts
 * its largest claim ({@link dev.lambdasim.spec.ConcurrencySpec#largestClaim}): provisioned
 * concurrency that changes over time claims the most it can ever reach.
 */
final class ConcurrencyClaims {

  private final AccountSpec account;
  private long total;

  ConcurrencyClaims(AccountSpec account) {
    this.account = account;
  }

  /** Adds the function's largest claim and returns it. */
  long add(FunctionSpec function) {
    long claim = function.concurrency().largestClaim();
    total += claim;
    return claim;
  }

  long total() {
    return total;
  }

  /** Returns whether the claims so far leave less than the unreserved minimum. */
  boolean exceeded() {
    return total > account.claimableConcurrency();
  }

  /** Returns the tail of the message that reports the claims: the limit they pass. */
  String limitText() {
    long available = account.claimableConcurrency();
    return "more than concurrencyLimit " + account.concurrencyLimit() + " - unreservedMinimum "
        + account.unreservedMinimum() + " = " + available + " (allowed: total <= " + available + ")";
  }

  /** Returns the field a function's claim is written in. */
  static String claimField(FunctionSpec function) {
    return function.concurrency().hasReserved() ? "reservedConcurrency" : "provisionedConcurrency";
  }
}
