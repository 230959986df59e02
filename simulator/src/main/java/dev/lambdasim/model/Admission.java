package dev.lambdasim.model;

import dev.lambdasim.metrics.ThrottleReason;
import dev.lambdasim.spec.ConcurrencySpec;
import dev.lambdasim.spec.ScalingSpec;

/**
 * The checks of one invocation against every limit, in the platform's order, and the capacity an
 * admitted invocation takes.
 *
 * <p>The order of checks for a request:
 * <ol>
 *   <li>an idle provisioned environment, if any, serves it (provisioned concurrency is used
 *       first, within its request rate);
 *   <li>otherwise on-demand concurrency must be free: the function's reserved concurrency less its
 *       provisioned concurrency, or else the account's unreserved pool;
 *   <li>an idle on-demand environment serves it warm; otherwise a new environment needs a token
 *       from the scaling-rate bucket;
 *   <li>the requests-per-second limits (account, and reserved) must have room — for sync
 *       calls only; async events and event source batches are not subject to them.
 * </ol>
 * {@link #check} answers with the reason of the first check that fails; {@link #take} then
 * takes what the request needs, like a token bucket's {@code hasToken} and {@code take}.
 */
final class Admission {

  private final ConcurrencySpec concurrency;
  private final Account account;
  /** New environments per second, or null when unlimited. */
  private final TokenBucket scaling;
  /** Sync requests per second under reserved concurrency, or null without it. */
  private final TokenBucket reservedRequestRate;
  private final ProvisionedConcurrency provisioned;
  private final EnvironmentPool pool;
  /** On-demand invocations of this function running now. */
  private int onDemandInFlight;

  // What the last check found, for the take that follows it at the same instant.
  private boolean onProvisioned;
  private boolean warm;

  Admission(ConcurrencySpec concurrency, Account account, ProvisionedConcurrency provisioned,
      EnvironmentPool pool) {
    this.concurrency = concurrency;
    this.account = account;
    this.provisioned = provisioned;
    this.pool = pool;
    ScalingSpec scalingSpec = account.spec().scaling();
    this.scaling = switch (scalingSpec.model()) {
      case PER_FUNCTION -> new TokenBucket(scalingSpec.bucketSize(), scalingSpec.refillPerSecond());
      case LEGACY_BURST -> account.legacyScaling();
      case UNLIMITED -> null;
    };
    if (concurrency.hasReserved()) {
      double rps = (double) Account.REQUESTS_PER_SECOND_PER_CONCURRENCY * concurrency.reserved();
      this.reservedRequestRate = new TokenBucket(rps, rps);
    } else {
      this.reservedRequestRate = null;
    }
  }

  /** Returns whether the function's reserved concurrency is 0: it can never run. */
  boolean neverRuns() {
    return concurrency.hasReserved() && concurrency.reserved() == 0;
  }

  /**
   * Returns why a request is throttled now, or null if it is admitted.
   *
   * @param sync whether it is a sync call (only those count against the requests-per-second
   *     limits, "Lambda quotas")
   */
  ThrottleReason check(long nowNanos, boolean sync) {
    onProvisioned = provisioned.hasIdle() && provisionedWithinLimits()
        && provisioned.hasRequestToken(nowNanos);
    warm = false;
    ThrottleReason reason = null;
    if (!onProvisioned) {
      if (concurrency.hasReserved()) {
        if (onDemandInFlight >= reservedOnDemandCapacity()) {
          reason = ThrottleReason.RESERVED_CONCURRENT_INVOCATION_LIMIT;
        }
      } else if (account.unreservedFull()) {
        reason = ThrottleReason.CONCURRENT_INVOCATION_LIMIT;
      }
      if (reason == null) {
        warm = pool.hasIdle();
        if (!warm && scaling != null && !scaling.hasToken(nowNanos)) {
          reason = ThrottleReason.SCALING_RATE_EXCEEDED;
        }
      }
    }
    if (reason == null && sync) {
      if (!account.requestRate().hasToken(nowNanos)) {
        reason = ThrottleReason.FUNCTION_INVOCATION_RATE_LIMIT;
      } else if (reservedRequestRate != null && !reservedRequestRate.hasToken(nowNanos)) {
        reason = ThrottleReason.RESERVED_INVOCATION_RATE_LIMIT;
      }
    }
    return reason;
  }

  /**
   * Takes the tokens and the concurrency of the request {@link #check} just admitted, and returns
   * the environment that serves it: provisioned, warm, or new.
   */
  ExecutionEnvironment take(long nowNanos, boolean sync) {
    if (sync) {
      account.requestRate().take();
      if (reservedRequestRate != null) {
        reservedRequestRate.take();
      }
    }
    if (onProvisioned) {
      return provisioned.take(nowNanos);
    }
    onDemandInFlight++;
    if (!concurrency.hasReserved()) {
      account.unreservedAcquire();
    }
    if (warm) {
      return pool.takeIdle(nowNanos);
    }
    if (scaling != null) {
      scaling.take();
    }
    return pool.create(nowNanos);
  }

  /** An on-demand invocation ended: its concurrency is free again. */
  void onDemandEnded() {
    onDemandInFlight--;
    if (!concurrency.hasReserved()) {
      account.unreservedRelease();
    }
  }

  /**
   * Returns whether a provisioned environment may take a request without the function passing
   * its reserved concurrency or the account its limit. Normally always: provisioned concurrency
   * is claimed inside both. But right after the configured value rises, on-demand requests
   * started under the old value may still be running.
   */
  private boolean provisionedWithinLimits() {
    if (concurrency.hasReserved()
        && provisioned.busy() + onDemandInFlight >= concurrency.reserved()) {
      return false;
    }
    return account.belowConcurrencyLimit();
  }

  /** Returns the on-demand concurrency a function with reserved concurrency may use now. */
  private int reservedOnDemandCapacity() {
    return concurrency.reserved() - provisioned.held();
  }
}
