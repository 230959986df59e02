package dev.lambdasim.model;

import dev.lambdasim.metrics.Gauge;
import dev.lambdasim.spec.AccountSpec;
import dev.lambdasim.spec.FunctionSpec;
import dev.lambdasim.spec.ScalingSpec;
import java.util.List;

/**
 * The account's shared limits in one Region: the concurrency limit less what functions claim,
 * the synchronous requests-per-second limit, and the legacy account-wide burst bucket.
 *
 * <p>A function claims its reserved concurrency, or, without it, its provisioned concurrency
 * (lambda-facts.md §2-§3, D-monc {@code ClaimedAccountConcurrency}). What is left is the
 * unreserved pool that functions without reserved concurrency share for on-demand environments.
 */
public final class Account {

  /** Synchronous requests per second allowed per unit of concurrency (D-quota). */
  public static final int REQUESTS_PER_SECOND_PER_CONCURRENCY = 10;

  private final AccountSpec spec;
  private int unreservedCapacity;
  private final TokenBucket requestRate;
  private final TokenBucket legacyScaling;
  private final Gauge concurrency;
  private final Gauge provisionedBusy;
  private int unreservedInFlight;

  public Account(AccountSpec spec, List<FunctionSpec> functions, Gauge concurrency,
      Gauge provisionedBusy) {
    this.spec = spec;
    int claimed = 0;
    for (FunctionSpec f : functions) {
      claimed += claim(f);
    }
    this.unreservedCapacity = spec.concurrencyLimit() - claimed;
    double rps = (double) REQUESTS_PER_SECOND_PER_CONCURRENCY * spec.concurrencyLimit();
    this.requestRate = new TokenBucket(rps, rps);
    ScalingSpec scaling = spec.scaling();
    this.legacyScaling = scaling.model() == ScalingSpec.ScalingModel.LEGACY_BURST
        ? new TokenBucket(scaling.initialBurst(), scaling.perMinute() / 60.0)
        : null;
    this.concurrency = concurrency;
    this.provisionedBusy = provisionedBusy;
  }

  /** Returns the concurrency a function takes out of the account whether it uses it or not. */
  public static int claim(FunctionSpec f) {
    return f.concurrency().initialClaim();
  }

  public AccountSpec spec() {
    return spec;
  }

  public int unreservedCapacity() {
    return unreservedCapacity;
  }

  public int unreservedInFlight() {
    return unreservedInFlight;
  }

  /**
   * A function without reserved concurrency changed how much provisioned concurrency it claims;
   * the unreserved pool shrinks or grows by as much.
   */
  void adjustClaim(int delta) {
    unreservedCapacity -= delta;
  }

  boolean unreservedFull() {
    return unreservedInFlight >= unreservedCapacity;
  }

  void unreservedAcquire() {
    unreservedInFlight++;
  }

  void unreservedRelease() {
    unreservedInFlight--;
  }

  TokenBucket requestRate() {
    return requestRate;
  }

  /** Returns the account-wide scaling bucket of the legacy model, or null. */
  TokenBucket legacyScaling() {
    return legacyScaling;
  }

  Gauge concurrency() {
    return concurrency;
  }

  Gauge provisionedBusy() {
    return provisionedBusy;
  }
}
