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
 * (CloudWatch's {@code ClaimedAccountConcurrency}, "Monitoring concurrency"). What is left is
 * the unreserved pool that functions without reserved concurrency share for on-demand
 * environments.
 *
 * <p>The account counts the invocations running in it itself and decides from that count; the
 * account's concurrency gauges only receive it.
 */
public final class Account {

  /** Synchronous requests per second allowed per unit of concurrency ("Lambda quotas"). */
  public static final int REQUESTS_PER_SECOND_PER_CONCURRENCY = 10;

  private final AccountSpec spec;
  private int unreservedCapacity;
  private final TokenBucket requestRate;
  private final TokenBucket legacyScaling;
  private final Gauge concurrency;
  private final Gauge provisionedBusy;
  private int unreservedInFlight;
  /** Invocations running in the account now, on-demand and provisioned. */
  private int inFlight;

  /**
   * @param concurrency receives the account's concurrent executions
   * @param provisionedBusy receives those of them on provisioned environments
   */
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

  /** An invocation started in the account now, on a provisioned environment or not. */
  void invocationStarted(long nowNanos, boolean provisioned) {
    inFlight++;
    concurrency.add(nowNanos, 1);
    if (provisioned) {
      provisionedBusy.add(nowNanos, 1);
    }
  }

  /** An invocation that {@link #invocationStarted} ended now. */
  void invocationEnded(long nowNanos, boolean provisioned) {
    inFlight--;
    concurrency.add(nowNanos, -1);
    if (provisioned) {
      provisionedBusy.add(nowNanos, -1);
    }
  }

  /** Returns whether one more invocation stays within the account's concurrency limit. */
  boolean belowConcurrencyLimit() {
    return inFlight < spec.concurrencyLimit();
  }
}
