package dev.lambdasim.model;

import dev.lambdasim.cost.CostModel;
import dev.lambdasim.engine.Event;
import dev.lambdasim.engine.EventKind;
import dev.lambdasim.engine.EventLoop;
import dev.lambdasim.metrics.FunctionMetrics;
import dev.lambdasim.metrics.ScalingAction;
import dev.lambdasim.spec.FunctionSpec;
import dev.lambdasim.spec.ProvisionedSpec;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A function's provisioned concurrency over time: environments allocated after the preparation
 * delay and the allocation ramp, released when the configured value is cut, recycled within
 * their maximum lifetime (the replacement's Init billed), the claim on the account's unreserved
 * pool, and the request rate they take.
 *
 * <p>It counts its environments busy and ready itself, feeds those counts to the metrics, and
 * gives the auto scaler its utilisation through {@link #takeUtilisationWindow}.
 */
final class ProvisionedConcurrency {

  private final String functionName;
  private final ProvisionedSpec spec;
  private final EventLoop loop;
  private final FunctionMetrics metrics;
  private final Account account;
  /** Without reserved concurrency, provisioned concurrency is claimed from the unreserved pool. */
  private final boolean claimsUnreserved;
  private final Environments environments;
  private final IdlePool idle;
  private final FunctionCode code;
  private final RandomGenerator lifetimeStream;
  private final long maxLifetimeNanos;
  private final int memoryMb;
  private final boolean billInit;
  private final ProvisionedBilling billing;
  private final ProvisionedController controller;
  private final ProvisionedUtilisation utilisation = new ProvisionedUtilisation();
  /**
   * Requests per second that provisioned environments take: 10 × the ready provisioned
   * concurrency ("Lambda quotas"); above it requests spill over to on-demand environments.
   */
  private final TokenBucket requestRate = new TokenBucket(0, 0);

  /** The configured value. */
  private int configured;
  /** Provisioned environments alive: ready (idle or busy) or preparing a replacement. */
  private int alive;
  /** What this function takes out of the account's unreserved pool for provisioned concurrency. */
  private int claim;

  /** Fires when a raised provisioned concurrency has been allocated in full. */
  private final Event allocationDone = new Event(EventKind.CONTROL) {
    @Override
    protected void fire() {
      onAllocationDone();
    }

    @Override
    public String toString() {
      return "provisioned allocation of " + functionName;
    }
  };

  /**
   * @param idle the pool (and its reuse policy) that holds the idle provisioned environments
   * @param lifetimeStream draws each environment's share of the maximum lifetime
   */
  ProvisionedConcurrency(FunctionSpec function, EventLoop loop, FunctionMetrics metrics,
      Account account, Environments environments, IdlePool idle, FunctionCode code,
      RandomGenerator lifetimeStream, boolean billInit, long warmupNanos, long horizonNanos) {
    this.functionName = function.name();
    this.spec = function.concurrency().provisioned();
    this.loop = loop;
    this.metrics = metrics;
    this.account = account;
    this.claimsUnreserved = !function.concurrency().hasReserved();
    this.environments = environments;
    this.idle = idle;
    this.code = code;
    this.lifetimeStream = lifetimeStream;
    this.maxLifetimeNanos = function.environments().maxLifetimeNanos();
    this.memoryMb = function.code().memoryMb();
    this.billInit = billInit;
    this.billing = new ProvisionedBilling(memoryMb, warmupNanos);
    this.controller = spec.isFixed() ? null
        : new ProvisionedController(this, loop, spec, horizonNanos, functionName);
    // The account counted the initial value as this function's claim.
    this.claim = claimsUnreserved ? spec.initial() : 0;
  }

  /**
   * Creates the initial provisioned environments, initialised and idle at the current time, and
   * starts the schedule and the auto scaler.
   */
  void provision() {
    long now = loop.nowNanos();
    configured = spec.initial();
    metrics.provisionedConfigured.add(now, configured);
    billing.change(now, configured);
    for (int i = 0; i < configured; i++) {
      addReady(now);
    }
    if (controller != null) {
      controller.start();
    }
  }

  /** Returns the configured provisioned concurrency. */
  int configured() {
    return configured;
  }

  /**
   * Returns the concurrency provisioned concurrency holds now: the configured value, or more
   * while released environments finish their requests.
   */
  int held() {
    return Math.max(configured, alive);
  }

  /** Returns the provisioned environments serving a request now. */
  long busy() {
    return utilisation.busy();
  }

  /** Returns whether a raised provisioned concurrency is still being allocated. */
  boolean allocationInProgress() {
    return allocationDone.isScheduled();
  }

  /** Returns the configured provisioned concurrency GB-seconds billed up to {@code endNanos}. */
  double configuredGbSeconds(long endNanos) {
    return billing.gbSeconds(endNanos);
  }

  /** Returns the auto scaler's utilisation over the window ending now, and starts the next. */
  ProvisionedUtilisation.Window takeUtilisationWindow(long nowNanos) {
    return utilisation.takeWindow(nowNanos);
  }

  /**
   * Sets the configured provisioned concurrency now. A raise is allocated after the preparation
   * delay and the allocation ramp, all at once (none of it is usable before all of it is); a cut
   * releases idle environments at once and busy ones when their request ends.
   */
  void configure(int value, String reason) {
    long now = loop.nowNanos();
    int old = configured;
    if (value == old) {
      return;
    }
    configured = value;
    metrics.provisionedConfigured.add(now, value - old);
    billing.change(now, value);
    metrics.scalingAction(new ScalingAction(now, old, value, reason));
    loop.cancel(allocationDone);
    int missing = value - alive;
    if (missing > 0) {
      loop.schedule(allocationDone,
          now + spec.allocationDelayNanos() + allocationRampNanos(missing));
    } else {
      while (alive > configured && !idle.isEmpty()) {
        ExecutionEnvironment e = idle.take();
        metrics.provisionedIdle.add(now, -1);
        retire(e, now, true);
      }
    }
    updateClaim();
  }

  /** Returns how long allocating {@code count} environments takes after the delay. */
  long allocationRampNanos(int count) {
    return switch (spec.ramp()) {
      // Up to 6,000 environments per minute per function: 10 ms each.
      case CURRENT -> count * 10_000_000L;
      // A burst of 3,000 at once, then 500 per minute: 120 ms each beyond the burst.
      case LEGACY -> Math.max(0, count - 3000) * 120_000_000L;
    };
  }

  /** Returns whether an idle provisioned environment is there to take a request. */
  boolean hasIdle() {
    return !idle.isEmpty();
  }

  /** Returns whether the provisioned request rate has room for one more request now. */
  boolean hasRequestToken(long nowNanos) {
    return requestRate.hasToken(nowNanos);
  }

  /**
   * Takes a request-rate token and the idle environment the reuse policy picks; call only after
   * {@link #hasIdle} and {@link #hasRequestToken} said yes at the same instant.
   */
  ExecutionEnvironment take(long nowNanos) {
    requestRate.take();
    ExecutionEnvironment e = idle.take();
    metrics.provisionedIdle.add(nowNanos, -1);
    return e;
  }

  /** An invocation started on a provisioned environment. */
  void requestStarted(long nowNanos) {
    utilisation.started(nowNanos);
    metrics.provisionedBusy.add(nowNanos, 1);
    long ready = utilisation.ready();
    if (ready > 0) {
      metrics.provisionedUtilisation(nowNanos, (double) utilisation.busy() / ready);
    }
  }

  /** An invocation on a provisioned environment ended. */
  void requestEnded(long nowNanos) {
    utilisation.ended(nowNanos);
    metrics.provisionedBusy.add(nowNanos, -1);
  }

  /**
   * Provisioned {@code e} finished its request: it is released if the configured value was cut,
   * recycled if its lifetime is over, and otherwise idle again.
   */
  void afterRequest(ExecutionEnvironment e, long nowNanos) {
    if (alive > configured) {
      retire(e, nowNanos, true); // released by a cut, once its request is done
      updateClaim();
    } else if (nowNanos >= e.lifetimeEndNanos) {
      recycle(e, nowNanos);
    } else {
      e.enter(EnvironmentState.IDLE, nowNanos);
      idle.add(e);
      metrics.provisionedIdle.add(nowNanos, 1);
    }
  }

  /** The lifetime of idle provisioned {@code e} ended: it is recycled. */
  void onExpiry(ExecutionEnvironment e, long nowNanos) {
    idle.remove(e);
    metrics.provisionedIdle.add(nowNanos, -1);
    recycle(e, nowNanos);
  }

  /** The Init of replacement {@code e} ended: it becomes ready, unless a cut made it surplus. */
  void onReplacementReady(ExecutionEnvironment e, long nowNanos) {
    e.prepared();
    metrics.initializing.add(nowNanos, -1);
    if (billInit) {
      metrics.provisionedInitBilled(nowNanos,
          CostModel.gbSeconds(memoryMb, CostModel.billedMillis(e.initNanos())));
    }
    if (alive > configured) {
      alive--;
      environments.end(e, nowNanos, true);
      updateClaim();
      return;
    }
    makeReady(e, nowNanos);
  }

  private void onAllocationDone() {
    long now = loop.nowNanos();
    int missing = configured - alive;
    for (int i = 0; i < missing; i++) {
      addReady(now);
    }
    updateClaim();
  }

  private void addReady(long nowNanos) {
    ExecutionEnvironment e = create(nowNanos);
    e.initialised();
    alive++;
    makeReady(e, nowNanos);
  }

  private ExecutionEnvironment create(long nowNanos) {
    // Provisioned environments are recycled "every few hours"; each lives between half and all
    // of maxLifetime, so a fleet allocated at once is not recycled all at once.
    double share = 0.5 + 0.5 * lifetimeStream.nextDouble();
    long lifetimeEnd =
        ExecutionEnvironment.plusSaturated(nowNanos, Math.round(maxLifetimeNanos * share));
    return environments.create(nowNanos, true, Long.MAX_VALUE, lifetimeEnd);
  }

  private void makeReady(ExecutionEnvironment e, long nowNanos) {
    e.enter(EnvironmentState.IDLE, nowNanos);
    idle.add(e);
    metrics.provisionedIdle.add(nowNanos, 1);
    changeReady(nowNanos, 1);
    if (e.lifetimeEndNanos != Long.MAX_VALUE) {
      // A replacement whose Init outlasted its lifetime is recycled at once.
      loop.schedule(e.expiry, Math.max(nowNanos, e.lifetimeEndNanos));
    }
  }

  /** Ends a ready (idle or just finished) provisioned environment. */
  private void retire(ExecutionEnvironment e, long nowNanos, boolean released) {
    alive--;
    changeReady(nowNanos, -1);
    environments.end(e, nowNanos, released);
  }

  /** Recycles a provisioned environment: it ends and a replacement runs Init (billed). */
  private void recycle(ExecutionEnvironment e, long nowNanos) {
    retire(e, nowNanos, false);
    ExecutionEnvironment replacement = create(nowNanos);
    alive++;
    replacement.prepare(nowNanos, code.drawInitNanos());
    metrics.initializing.add(nowNanos, 1);
    loop.schedule(replacement.initDone, nowNanos + replacement.initNanos());
  }

  private void changeReady(long nowNanos, int delta) {
    utilisation.readyChanged(nowNanos, delta);
    metrics.provisionedReady.add(nowNanos, delta);
    double rps = (double) Account.REQUESTS_PER_SECOND_PER_CONCURRENCY * utilisation.ready();
    requestRate.resize(rps, rps, nowNanos);
  }

  /**
   * Keeps the account's unreserved pool short of what this function's provisioned concurrency
   * holds: the configured value, or more while released environments finish their requests.
   */
  private void updateClaim() {
    if (!claimsUnreserved) {
      return;
    }
    int held = held();
    if (held != claim) {
      account.adjustClaim(held - claim);
      claim = held;
    }
  }
}
