package dev.lambdasim.model;

import dev.lambdasim.metrics.ThrottleReason;

import dev.lambdasim.cost.CostModel;
import dev.lambdasim.engine.Event;
import dev.lambdasim.engine.EventKind;
import dev.lambdasim.engine.EventLoop;
import dev.lambdasim.metrics.EnvironmentTimeline;
import dev.lambdasim.metrics.FunctionMetrics;
import dev.lambdasim.metrics.ScalingAction;
import dev.lambdasim.random.DurationSampler;
import dev.lambdasim.random.RandomStreams;
import dev.lambdasim.spec.FunctionSpec;
import dev.lambdasim.spec.InvocationType;
import dev.lambdasim.spec.ProvisionedSpec;
import dev.lambdasim.spec.ScalingSpec;
import dev.lambdasim.workload.ArrivalProcess;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * One function under the platform's rules: admission of each request against every limit,
 * warm reuse or a cold start, the handler, keep-alive and recycling of its environments.
 *
 * <p>The order of checks for a request (sync invocation):
 * <ol>
 *   <li>an idle provisioned environment, if any, serves it (provisioned concurrency is used first);
 *   <li>otherwise on-demand concurrency must be free: the function's reserved concurrency less its
 *       provisioned concurrency, or else the account's unreserved pool;
 *   <li>an idle on-demand environment serves it warm; otherwise a new environment needs a token
 *       from the scaling-rate bucket;
 *   <li>the requests-per-second limits (account, and reserved) must have room — for sync
 *       calls only; async events and event source batches are not subject to them.
 * </ol>
 * A sync request that fails a check is throttled at once with that check's reason; an async
 * event or a batch is returned to its queue (see {@link AsyncQueue} and {@link EventSource}).
 */
public final class SimulatedFunction {

  /** On-demand Init is stopped after 10 s (D-env); provisioned Init has no such limit. */
  static final long ON_DEMAND_INIT_LIMIT_NANOS = 10_000_000_000L;

  private final FunctionSpec spec;
  private final int index;
  private final EventLoop loop;
  private final Account account;
  private final FunctionMetrics metrics;
  private final EnvironmentTimeline timeline;
  private final List<ExecutionEnvironment> recorded = new ArrayList<>();
  private final boolean billInit;

  private final DurationSampler handlerSampler;
  private final DurationSampler initSampler;
  private final DurationSampler keepAliveSampler;
  private final RandomGenerator errorStream;
  private final double handlerFactor;
  private final double initFactor;

  private final IdlePool idleOnDemand;
  private final IdlePool idleProvisioned;
  private final TokenBucket scaling;
  private final TokenBucket reservedRequestRate;
  /**
   * Requests per second that provisioned environments take: 10 × the ready provisioned
   * concurrency (D-quota); above it requests spill over to on-demand environments.
   */
  private final TokenBucket provisionedRequestRate = new TokenBucket(0, 0);
  private int onDemandInFlight;
  private long syncInFlight;
  /** Throttled sync calls waiting for, or running, a client retry. */
  private long retriesLive;
  private final RandomGenerator retryStream;
  private long nextEnvironmentId;
  private AsyncQueue asyncQueue;
  private EventSource eventSource;
  private java.util.function.LongSupplier extraInFlight = () -> 0;

  // Provisioned concurrency over time.
  private final ProvisionedSpec provisionedSpec;
  private final ProvisionedBilling provisionedBilling;
  private final ProvisionedController provisionedController;
  private final RandomGenerator provisionedLifetimeStream;
  /** The configured value. */
  private int provisionedConfigured;
  /** Provisioned environments alive: ready (idle or busy) or preparing a replacement. */
  private int provisionedAlive;
  private int provisionedPreparing;
  /** What this function takes out of the account's unreserved pool for provisioned concurrency. */
  private int provisionedClaim;

  /** Fires when a raised provisioned concurrency has been allocated in full. */
  private final Event allocationDone = new Event(EventKind.CONTROL) {
    @Override
    protected void fire() {
      onAllocationDone();
    }

    @Override
    public String toString() {
      return "provisioned allocation of " + spec.name();
    }
  };

  public SimulatedFunction(FunctionSpec spec, int index, EventLoop loop, Account account,
      RandomStreams streams, FunctionMetrics metrics, EnvironmentTimeline timeline,
      boolean billInit, long warmupNanos, long horizonNanos) {
    this.spec = spec;
    this.timeline = timeline;
    this.index = index;
    this.loop = loop;
    this.account = account;
    this.metrics = metrics;
    this.billInit = billInit;
    String prefix = "function/" + spec.name() + "/";
    this.handlerSampler = DurationSampler.of(spec.code().duration(), streams.stream(prefix + "duration"));
    this.initSampler = DurationSampler.of(spec.code().init().duration(), streams.stream(prefix + "init"));
    this.keepAliveSampler =
        DurationSampler.of(spec.environments().keepAlive(), streams.stream(prefix + "keepAlive"));
    this.errorStream = streams.stream(prefix + "errors");
    this.retryStream = streams.stream(prefix + "clientRetry");
    this.handlerFactor = CpuScaling.durationFactor(
        spec.code().memoryMb(), spec.code().referenceMemoryMb(), spec.code().cpuBound(), spec.code().threads());
    this.initFactor = CpuScaling.durationFactor(
        spec.code().memoryMb(), spec.code().referenceMemoryMb(), spec.code().init().cpuBound(), spec.code().threads());
    RandomGenerator reuse = streams.stream(prefix + "reuse");
    this.idleOnDemand = IdlePool.of(spec.environments().reuse(), reuse);
    this.idleProvisioned = IdlePool.of(spec.environments().reuse(), reuse);
    ScalingSpec scalingSpec = account.spec().scaling();
    this.scaling = switch (scalingSpec.model()) {
      case PER_FUNCTION -> new TokenBucket(scalingSpec.bucketSize(), scalingSpec.refillPerSecond());
      case LEGACY_BURST -> account.legacyScaling();
      case UNLIMITED -> null;
    };
    if (spec.concurrency().hasReserved()) {
      double rps = (double) Account.REQUESTS_PER_SECOND_PER_CONCURRENCY * spec.concurrency().reserved();
      this.reservedRequestRate = new TokenBucket(rps, rps);
    } else {
      this.reservedRequestRate = null;
    }
    this.provisionedSpec = spec.concurrency().provisioned();
    this.provisionedBilling = new ProvisionedBilling(spec.code().memoryMb(), warmupNanos);
    this.provisionedController = provisionedSpec.isFixed() ? null
        : new ProvisionedController(this, loop, metrics, provisionedSpec, horizonNanos);
    this.provisionedLifetimeStream = streams.stream(prefix + "provisionedLifetime");
    // The account counted the initial value as this function's claim.
    this.provisionedClaim = spec.concurrency().hasReserved() ? 0 : spec.concurrency().provisioned().initial();
  }

  public String name() {
    return spec.name();
  }

  public FunctionSpec spec() {
    return spec;
  }

  public int index() {
    return index;
  }

  public FunctionMetrics metrics() {
    return metrics;
  }

  /**
   * Creates the initial provisioned environments, initialised and idle at the current time, and
   * starts the schedule and the auto scaler.
   */
  public void provision() {
    long now = loop.nowNanos();
    provisionedConfigured = provisionedSpec.initial();
    metrics.provisionedConfigured.add(now, provisionedConfigured);
    provisionedBilling.change(now, provisionedConfigured);
    for (int i = 0; i < provisionedConfigured; i++) {
      addReadyProvisioned(now);
    }
    if (provisionedController != null) {
      provisionedController.start();
    }
  }

  /**
   * Gives this function its async event queue; the run does it for every function once all
   * functions exist, since destinations may name any of them.
   */
  public void attach(AsyncQueue queue) {
    this.asyncQueue = queue;
  }

  /**
   * Gives this function the event source mapping its traffic feeds ({@code invocation: sqs} or
   * {@code stream}), and counts what the mapping holds as in flight.
   */
  public void attach(EventSource source) {
    this.eventSource = source;
    countInFlight(source::live);
  }

  /** Returns the event source mapping, or null for sync and async functions. */
  public EventSource eventSource() {
    return eventSource;
  }

  /** Returns whether the function's reserved concurrency is 0: it can never run. */
  boolean neverRuns() {
    return spec.concurrency().hasReserved() && spec.concurrency().reserved() == 0;
  }

  public EventLoop loop() {
    return loop;
  }

  /** Returns the configured provisioned concurrency. */
  public int provisionedConfigured() {
    return provisionedConfigured;
  }

  /** Returns whether a raised provisioned concurrency is still being allocated. */
  boolean allocationInProgress() {
    return allocationDone.isScheduled();
  }

  /** Returns the configured provisioned concurrency GB-seconds billed up to {@code endNanos}. */
  public double provisionedConfiguredGbSeconds(long endNanos) {
    return provisionedBilling.gbSeconds(endNanos);
  }

  /**
   * Sets the configured provisioned concurrency now. A raise is allocated after the preparation
   * delay and the allocation ramp, all at once (none of it is usable before all of it is, D-conc);
   * a cut releases idle environments at once and busy ones when their request ends.
   */
  void configureProvisioned(int value, String reason) {
    long now = loop.nowNanos();
    int old = provisionedConfigured;
    if (value == old) {
      return;
    }
    provisionedConfigured = value;
    metrics.provisionedConfigured.add(now, value - old);
    provisionedBilling.change(now, value);
    metrics.scalingAction(new ScalingAction(now, old, value, reason));
    loop.cancel(allocationDone);
    int missing = value - provisionedAlive;
    if (missing > 0) {
      loop.schedule(allocationDone,
          now + provisionedSpec.allocationDelayNanos() + allocationRampNanos(missing));
    } else {
      while (provisionedAlive > provisionedConfigured && !idleProvisioned.isEmpty()) {
        ExecutionEnvironment e = idleProvisioned.take();
        metrics.provisionedIdle.add(now, -1);
        retireProvisioned(e, now, true);
      }
    }
    updateProvisionedClaim();
  }

  /** Returns how long allocating {@code count} environments takes after the delay. */
  long allocationRampNanos(int count) {
    return switch (provisionedSpec.ramp()) {
      // Up to 6,000 environments per minute per function: 10 ms each.
      case CURRENT -> count * 10_000_000L;
      // A burst of 3,000 at once, then 500 per minute: 120 ms each beyond the burst.
      case LEGACY -> Math.max(0, count - 3000) * 120_000_000L;
    };
  }

  private void onAllocationDone() {
    long now = loop.nowNanos();
    int missing = provisionedConfigured - provisionedAlive;
    for (int i = 0; i < missing; i++) {
      addReadyProvisioned(now);
    }
    updateProvisionedClaim();
  }

  private void addReadyProvisioned(long now) {
    ExecutionEnvironment e = newEnvironment(now, true);
    e.needsInit = false;
    provisionedAlive++;
    makeProvisionedReady(e, now);
  }

  private void makeProvisionedReady(ExecutionEnvironment e, long now) {
    enter(e, EnvironmentState.IDLE, now);
    idleProvisioned.add(e);
    metrics.provisionedIdle.add(now, 1);
    metrics.provisionedReady.add(now, 1);
    resizeProvisionedRequestRate(now);
    if (e.lifetimeEndNanos != Long.MAX_VALUE) {
      // A replacement whose Init outlasted its lifetime is recycled at once.
      loop.schedule(e.expiry, Math.max(now, e.lifetimeEndNanos));
    }
  }

  /** Ends a ready (idle or just finished) provisioned environment. */
  private void retireProvisioned(ExecutionEnvironment e, long now, boolean released) {
    provisionedAlive--;
    metrics.provisionedReady.add(now, -1);
    resizeProvisionedRequestRate(now);
    end(e, now, released);
  }

  /** Recycles a provisioned environment: it ends and a replacement runs Init (billed). */
  private void recycleProvisioned(ExecutionEnvironment e, long now) {
    retireProvisioned(e, now, false);
    ExecutionEnvironment replacement = newEnvironment(now, true);
    replacement.preparing = true;
    provisionedAlive++;
    provisionedPreparing++;
    enter(replacement, EnvironmentState.INITIALIZING, now);
    metrics.initializing.add(now, 1);
    replacement.initNanos = Math.round(initSampler.sampleNanos() * initFactor);
    loop.schedule(replacement.initDone, now + replacement.initNanos);
  }

  private void onReplacementReady(ExecutionEnvironment e, long now) {
    e.preparing = false;
    provisionedPreparing--;
    metrics.initializing.add(now, -1);
    if (billInit) {
      metrics.provisionedInitBilled(now,
          CostModel.gbSeconds(spec.code().memoryMb(), CostModel.billedMillis(e.initNanos)));
    }
    if (provisionedAlive > provisionedConfigured) {
      provisionedAlive--;
      end(e, now, true);
      updateProvisionedClaim();
      return;
    }
    e.needsInit = false;
    makeProvisionedReady(e, now);
  }

  /**
   * Keeps the account's unreserved pool short of what this function's provisioned concurrency
   * holds: the configured value, or more while released environments finish their requests.
   */
  private void updateProvisionedClaim() {
    if (spec.concurrency().hasReserved()) {
      return;
    }
    int claim = Math.max(provisionedConfigured, provisionedAlive);
    if (claim != provisionedClaim) {
      account.adjustClaim(claim - provisionedClaim);
      provisionedClaim = claim;
    }
  }

  /**
   * Returns whether a provisioned environment may take a request without the function passing
   * its reserved concurrency or the account its limit. Normally always: provisioned concurrency
   * is claimed inside both. But right after the configured value rises, on-demand requests
   * started under the old value may still be running.
   */
  private boolean provisionedWithinLimits() {
    if (spec.concurrency().hasReserved()
        && metrics.provisionedBusy.value() + onDemandInFlight >= spec.concurrency().reserved()) {
      return false;
    }
    return account.concurrency().value() < account.spec().concurrencyLimit();
  }

  private void resizeProvisionedRequestRate(long now) {
    double rps = (double) Account.REQUESTS_PER_SECOND_PER_CONCURRENCY
        * metrics.provisionedReady.value();
    provisionedRequestRate.resize(rps, rps, now);
  }

  /** Returns the on-demand concurrency a function with reserved concurrency may use now. */
  private int reservedOnDemandCapacity() {
    return spec.concurrency().reserved() - Math.max(provisionedConfigured, provisionedAlive);
  }

  /** A request arrives now; its handler time comes from the function's distribution. */
  public void arrive() {
    arrive(ArrivalProcess.NO_DURATION);
  }

  /**
   * A request arrives now.
   *
   * @param prescribedNanos handler time at the reference memory prescribed by the source (a
   *     trace's duration), or {@link ArrivalProcess#NO_DURATION} to draw it
   */
  public void arrive(long prescribedNanos) {
    if (spec.invocation().type() == InvocationType.ASYNC) {
      asyncQueue.receive(prescribedNanos, 0);
      return;
    }
    if (eventSource != null) {
      eventSource.receive(prescribedNanos);
      return;
    }
    long now = loop.nowNanos();
    boolean measured = metrics.isMeasured(now);
    metrics.arrival(measured);
    // Drawn for every arrival, admitted or not, so the i-th request of a function gets the same
    // draws under every configuration (common random numbers for comparisons).
    long drawnNanos = drawHandlerNanos();
    long handlerReferenceNanos =
        prescribedNanos == ArrivalProcess.NO_DURATION ? drawnNanos : prescribedNanos;
    double errorDraw = drawError();
    ThrottleReason reason = tryStart(now, measured, handlerReferenceNanos, errorDraw, null);
    if (reason != null) {
      metrics.throttle(reason, measured);
      if (spec.invocation().retry().retries()) {
        retriesLive++;
        scheduleRetry(new ClientRetry(this, now, measured, handlerReferenceNanos, errorDraw), now);
      } else {
        metrics.requestEnded(measured, FunctionMetrics.Outcome.THROTTLED);
      }
    }
  }

  /**
   * Schedules a throttled call's next attempt after the caller's back-off: uniform in
   * [0, min(maxDelay, baseDelay × 2^(attempts − 1))], the SDKs' "full jitter".
   */
  private void scheduleRetry(ClientRetry retry, long now) {
    double cap = Math.min((double) spec.invocation().retry().maxDelayNanos(),
        spec.invocation().retry().baseDelayNanos() * Math.pow(2, Math.min(retry.attempts - 1, 40)));
    loop.schedule(retry, now + Math.round(retryStream.nextDouble() * cap));
  }

  /** A throttled call is tried again now. */
  void retryCall(ClientRetry retry) {
    long now = loop.nowNanos();
    ThrottleReason reason = tryStart(now, retry.measured, retry.handlerReferenceNanos,
        retry.errorDraw, retry);
    if (reason == null) {
      return;
    }
    metrics.throttle(reason, retry.measured);
    retry.attempts++;
    if (retry.attempts < spec.invocation().retry().maxAttempts()) {
      scheduleRetry(retry, now);
    } else {
      retriesLive--;
      metrics.requestEnded(retry.measured, FunctionMetrics.Outcome.THROTTLED);
    }
  }

  /** A retried call's invocation ended. */
  void retryEnded(ClientRetry retry, boolean error) {
    retriesLive--;
    metrics.requestEnded(retry.measured,
        error ? FunctionMetrics.Outcome.FAILED : FunctionMetrics.Outcome.SUCCEEDED);
  }

  /** Returns a handler time at the reference memory from the function's distribution. */
  public long drawHandlerNanos() {
    return handlerSampler.sampleNanos();
  }

  /** Returns the draw that decides a function error (an error when below the error rate). */
  public double drawError() {
    // The error stream is the function's own, so skipping it when the outcome is certain
    // changes no other draw.
    double errorRate = spec.code().errorRate();
    return errorRate == 0.0 ? 1.0 : errorRate == 1.0 ? 0.0 : errorStream.nextDouble();
  }

  /**
   * Admits one invocation against every limit and starts it, or returns why it is throttled.
   *
   * @param event the queued request (async event, batch) this invocation serves, or null for a
   *     sync call (only sync calls count against the requests-per-second limits, D-quota)
   */
  public ThrottleReason tryStart(long now, boolean measured, long handlerReferenceNanos,
      double errorDraw, QueuedRequest event) {
    boolean provisioned = !idleProvisioned.isEmpty() && provisionedWithinLimits()
        && provisionedRequestRate.hasToken(now);
    boolean warm = false;
    ThrottleReason reason = null;
    if (!provisioned) {
      if (spec.concurrency().hasReserved()) {
        if (onDemandInFlight >= reservedOnDemandCapacity()) {
          reason = ThrottleReason.RESERVED_CONCURRENT_INVOCATION_LIMIT;
        }
      } else if (account.unreservedFull()) {
        reason = ThrottleReason.CONCURRENT_INVOCATION_LIMIT;
      }
      if (reason == null) {
        warm = !idleOnDemand.isEmpty();
        if (!warm && scaling != null && !scaling.hasToken(now)) {
          reason = ThrottleReason.SCALING_RATE_EXCEEDED;
        }
      }
    }
    boolean sync = event == null || event.isSyncCall();
    if (reason == null && sync) {
      if (!account.requestRate().hasToken(now)) {
        reason = ThrottleReason.FUNCTION_INVOCATION_RATE_LIMIT;
      } else if (reservedRequestRate != null && !reservedRequestRate.hasToken(now)) {
        reason = ThrottleReason.RESERVED_INVOCATION_RATE_LIMIT;
      }
    }
    if (reason != null) {
      return reason;
    }

    if (sync) {
      account.requestRate().take();
      if (reservedRequestRate != null) {
        reservedRequestRate.take();
      }
    }
    ExecutionEnvironment environment;
    if (provisioned) {
      provisionedRequestRate.take();
      environment = idleProvisioned.take();
      metrics.provisionedIdle.add(now, -1);
    } else {
      onDemandInFlight++;
      if (!spec.concurrency().hasReserved()) {
        account.unreservedAcquire();
      }
      if (warm) {
        environment = idleOnDemand.take();
        metrics.idle.add(now, -1);
      } else {
        if (scaling != null) {
          scaling.take();
        }
        environment = newEnvironment(now, false);
      }
    }
    environment.event = event;
    environment.queueNanos = event == null ? 0 : now - event.enqueuedNanos();
    if (event == null) {
      syncInFlight++;
    }
    begin(environment, now, measured, handlerReferenceNanos, errorDraw);
    return null;
  }

  /**
   * Returns the sync calls and queued requests of this function not yet ended, counted by the
   * model itself (the run checks the ledger against it).
   */
  public long requestsInFlight() {
    return syncInFlight + retriesLive + asyncQueue.live() + extraInFlight.getAsLong();
  }

  /** Adds a counter of requests held elsewhere (an event source mapping's queue or shards). */
  public void countInFlight(java.util.function.LongSupplier counter) {
    java.util.function.LongSupplier previous = extraInFlight;
    extraInFlight = () -> previous.getAsLong() + counter.getAsLong();
  }

  /** Returns this function's async event queue. */
  public AsyncQueue asyncQueue() {
    return asyncQueue;
  }

  private ExecutionEnvironment newEnvironment(long now, boolean provisioned) {
    // Keep-alive is drawn once per environment (each has its own idle timeout): this keeps
    // idle deadlines increasing, so the expiry timer never has to move earlier.
    long keepAlive = provisioned ? Long.MAX_VALUE : Math.max(0, keepAliveSampler.sampleNanos());
    long lifetimeEnd;
    if (provisioned) {
      // Provisioned environments are recycled "every few hours" (D-pc); each lives between half
      // and all of maxLifetime, so a fleet allocated at once is not recycled all at once.
      double share = 0.5 + 0.5 * provisionedLifetimeStream.nextDouble();
      lifetimeEnd = saturatedAdd(now, Math.round(spec.environments().maxLifetimeNanos() * share));
    } else {
      lifetimeEnd = saturatedAdd(now, spec.environments().maxLifetimeNanos());
    }
    ExecutionEnvironment e = new ExecutionEnvironment(nextEnvironmentId++, this, provisioned, now,
        keepAlive, lifetimeEnd);
    if (timeline.records(e.id)) {
      e.recorded = true;
      recorded.add(e);
    }
    metrics.environments.add(now, 1);
    metrics.environmentCreated(now);
    return e;
  }

  private void begin(ExecutionEnvironment e, long now, boolean measured,
      long handlerReferenceNanos, double errorDraw) {
    e.measured = measured;
    e.cold = e.needsInit;
    e.initNanos = e.cold ? Math.round(initSampler.sampleNanos() * initFactor) : 0;
    e.needsInit = false;
    long handler = Math.round(handlerReferenceNanos * handlerFactor);
    if (e.cold && !e.provisioned && e.initNanos > ON_DEMAND_INIT_LIMIT_NANOS) {
      // Suppressed init (D-env): the Init phase is stopped at its 10 s limit, and Lambda runs
      // Init again inside the invocation, where it counts in Duration and the function timeout.
      handler += e.initNanos;
      e.initNanos = ON_DEMAND_INIT_LIMIT_NANOS;
    }
    e.timeout = handler > spec.code().timeoutNanos();
    e.handlerNanos = e.timeout ? spec.code().timeoutNanos() : handler;
    e.error = e.timeout || errorDraw < spec.code().errorRate();

    boolean spillover = !e.provisioned && provisionedConfigured > 0;
    metrics.start(measured, e.cold, e.provisioned, spillover);
    metrics.concurrency.add(now, 1);
    account.concurrency().add(now, 1);
    if (e.provisioned) {
      metrics.provisionedBusy.add(now, 1);
      account.provisionedBusy().add(now, 1);
      long ready = metrics.provisionedReady.value();
      if (ready > 0) {
        metrics.provisionedUtilisation(now, (double) metrics.provisionedBusy.value() / ready);
      }
    }
    if (e.cold && e.initNanos > 0) {
      enter(e, EnvironmentState.INITIALIZING, now);
      metrics.initializing.add(now, 1);
      loop.schedule(e.initDone, now + e.initNanos);
    } else {
      enter(e, EnvironmentState.BUSY, now);
      metrics.busy.add(now, 1);
    }
    loop.schedule(e.completion, now + e.initNanos + e.handlerNanos);
  }

  void onInitDone(ExecutionEnvironment e) {
    long now = loop.nowNanos();
    if (e.preparing) {
      onReplacementReady(e, now);
      return;
    }
    enter(e, EnvironmentState.BUSY, now);
    metrics.initializing.add(now, -1);
    metrics.busy.add(now, 1);
  }

  void onCompletion(ExecutionEnvironment e) {
    QueuedRequest event = e.event;
    boolean error = e.error;
    boolean measured = e.measured;
    e.event = null;
    finish(e);
    // The caller hears of the outcome only once the environment is settled: a destination may
    // invoke this very function again at once.
    if (event == null) {
      syncInFlight--;
      metrics.requestEnded(measured,
          error ? FunctionMetrics.Outcome.FAILED : FunctionMetrics.Outcome.SUCCEEDED);
    } else {
      event.onCompleted(error);
    }
  }

  private void finish(ExecutionEnvironment e) {
    long now = loop.nowNanos();
    long billedNanos = e.handlerNanos + (billInit ? e.initNanos : 0);
    double gbSeconds = CostModel.gbSeconds(spec.code().memoryMb(), CostModel.billedMillis(billedNanos));
    metrics.complete(e.measured, e.queueNanos, e.initNanos, e.handlerNanos, e.cold, e.error,
        e.timeout, e.provisioned, gbSeconds);
    if (e.state == EnvironmentState.INITIALIZING) {
      // A zero-length handler ends at the same instant as Init; completions go first.
      loop.cancel(e.initDone);
      metrics.initializing.add(now, -1);
    } else {
      metrics.busy.add(now, -1);
    }
    metrics.concurrency.add(now, -1);
    account.concurrency().add(now, -1);
    if (e.provisioned) {
      metrics.provisionedBusy.add(now, -1);
      account.provisionedBusy().add(now, -1);
    } else {
      onDemandInFlight--;
      if (!spec.concurrency().hasReserved()) {
        account.unreservedRelease();
      }
    }
    if (e.timeout) {
      // A timeout resets the environment: it stays, but its next request runs Init again.
      e.needsInit = true;
    }
    if (e.provisioned) {
      if (provisionedAlive > provisionedConfigured) {
        retireProvisioned(e, now, true); // released by a cut, once its request is done
        updateProvisionedClaim();
      } else if (now >= e.lifetimeEndNanos) {
        recycleProvisioned(e, now);
      } else {
        enter(e, EnvironmentState.IDLE, now);
        idleProvisioned.add(e);
        metrics.provisionedIdle.add(now, 1);
      }
      return;
    }
    if (now >= e.lifetimeEndNanos) {
      end(e, now, false);
      return;
    }
    long keepAliveEnd = saturatedAdd(now, e.keepAliveNanos);
    e.deadlineIsLifetime = e.lifetimeEndNanos <= keepAliveEnd;
    e.idleDeadlineNanos = Math.min(keepAliveEnd, e.lifetimeEndNanos);
    enter(e, EnvironmentState.IDLE, now);
    idleOnDemand.add(e);
    metrics.idle.add(now, 1);
    if (!e.expiry.isScheduled()) {
      loop.schedule(e.expiry, e.idleDeadlineNanos);
    } else if (e.expiry.timeNanos() > e.idleDeadlineNanos) {
      throw new IllegalStateException("idle deadline moved earlier for " + e);
    }
  }

  void onExpiry(ExecutionEnvironment e) {
    if (e.state != EnvironmentState.IDLE) {
      return; // busy again; re-armed when it next becomes idle (provisioned: at completion)
    }
    long now = loop.nowNanos();
    if (e.provisioned) {
      idleProvisioned.remove(e);
      metrics.provisionedIdle.add(now, -1);
      recycleProvisioned(e, now);
      return;
    }
    if (now < e.idleDeadlineNanos) {
      loop.schedule(e.expiry, e.idleDeadlineNanos);
      return;
    }
    idleOnDemand.remove(e);
    metrics.idle.add(now, -1);
    end(e, now, !e.deadlineIsLifetime);
  }

  /** Moves {@code e} to {@code state}, closing its previous span on the timeline. */
  private void enter(ExecutionEnvironment e, EnvironmentState state, long now) {
    if (e.recorded && e.state != null) {
      timeline.span(e.id, e.provisioned, label(e.state), e.stateSinceNanos, now, "");
    }
    e.state = state;
    e.stateSinceNanos = now;
  }

  /** Closes the open spans of recorded environments at the end of the run. */
  public void closeTimeline(long endNanos) {
    for (ExecutionEnvironment e : recorded) {
      if (e.state != EnvironmentState.GONE && e.state != null) {
        timeline.span(e.id, e.provisioned, label(e.state), e.stateSinceNanos, endNanos, "");
      }
    }
  }

  private static String label(EnvironmentState state) {
    return switch (state) {
      case INITIALIZING -> "init";
      case BUSY -> "busy";
      case IDLE -> "idle";
      case GONE -> "gone";
    };
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }

  private void end(ExecutionEnvironment e, long now, boolean byKeepAlive) {
    if (e.recorded) {
      timeline.span(e.id, e.provisioned, label(e.state), e.stateSinceNanos, now,
          byKeepAlive ? "reclaimed" : "recycled");
    }
    e.state = EnvironmentState.GONE;
    loop.cancel(e.expiry);
    metrics.environments.add(now, -1);
    metrics.environmentEnded(now, byKeepAlive);
  }
}
