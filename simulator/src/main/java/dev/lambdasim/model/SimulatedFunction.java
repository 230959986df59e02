package dev.lambdasim.model;

import dev.lambdasim.cost.CostModel;
import dev.lambdasim.engine.EventLoop;
import dev.lambdasim.metrics.EnvironmentTimeline;
import dev.lambdasim.metrics.FunctionMetrics;
import dev.lambdasim.random.DurationSampler;
import dev.lambdasim.random.RandomStreams;
import dev.lambdasim.scenario.FunctionSpec;
import dev.lambdasim.scenario.ScalingSpec;
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
 *   <li>the requests-per-second limits (account, and reserved) must have room.
 * </ol>
 * A request that fails a check is throttled at once with that check's reason.
 */
public final class SimulatedFunction {

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
  private final int onDemandCapacity;
  private int onDemandInFlight;
  private long nextEnvironmentId;

  public SimulatedFunction(FunctionSpec spec, int index, EventLoop loop, Account account,
      RandomStreams streams, FunctionMetrics metrics, EnvironmentTimeline timeline,
      boolean billInit) {
    this.spec = spec;
    this.timeline = timeline;
    this.index = index;
    this.loop = loop;
    this.account = account;
    this.metrics = metrics;
    this.billInit = billInit;
    String prefix = "function/" + spec.name() + "/";
    this.handlerSampler = DurationSampler.of(spec.duration(), streams.stream(prefix + "duration"));
    this.initSampler = DurationSampler.of(spec.init().duration(), streams.stream(prefix + "init"));
    this.keepAliveSampler =
        DurationSampler.of(spec.keepAlive(), streams.stream(prefix + "keepAlive"));
    this.errorStream = streams.stream(prefix + "errors");
    this.handlerFactor = CpuScaling.durationFactor(
        spec.memoryMb(), spec.referenceMemoryMb(), spec.cpuBound(), spec.threads());
    this.initFactor = CpuScaling.durationFactor(
        spec.memoryMb(), spec.referenceMemoryMb(), spec.init().cpuBound(), spec.threads());
    RandomGenerator reuse = streams.stream(prefix + "reuse");
    this.idleOnDemand = IdlePool.of(spec.reuse(), reuse);
    this.idleProvisioned = IdlePool.of(spec.reuse(), reuse);
    ScalingSpec scalingSpec = account.spec().scaling();
    this.scaling = switch (scalingSpec.model()) {
      case PER_FUNCTION -> new TokenBucket(scalingSpec.bucketSize(), scalingSpec.refillPerSecond());
      case LEGACY_BURST -> account.legacyScaling();
      case UNLIMITED -> null;
    };
    if (spec.hasReservedConcurrency()) {
      double rps = (double) Account.REQUESTS_PER_SECOND_PER_CONCURRENCY * spec.reservedConcurrency();
      this.reservedRequestRate = new TokenBucket(rps, rps);
      this.onDemandCapacity = spec.reservedConcurrency() - spec.provisionedConcurrency();
    } else {
      this.reservedRequestRate = null;
      this.onDemandCapacity = Integer.MAX_VALUE; // bounded by the account's unreserved pool
    }
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

  /** Creates the fixed provisioned environments, initialised and idle at the current time. */
  public void provision() {
    long now = loop.nowNanos();
    for (int i = 0; i < spec.provisionedConcurrency(); i++) {
      ExecutionEnvironment e = newEnvironment(now, true);
      e.needsInit = false;
      enter(e, EnvironmentState.IDLE, now);
      idleProvisioned.add(e);
      metrics.provisionedIdle.add(now, 1);
    }
  }

  /** A request arrives now. */
  public void arrive() {
    long now = loop.nowNanos();
    boolean measured = metrics.isMeasured(now);
    metrics.arrival(measured);
    // Drawn for every arrival, admitted or not, so the i-th request of a function gets the same
    // draws under every configuration (common random numbers for comparisons).
    long handlerReferenceNanos = handlerSampler.sampleNanos();
    // The error stream is the function's own, so skipping it when the outcome is certain
    // changes no other draw.
    double errorRate = spec.errorRate();
    double errorDraw = errorRate == 0.0 ? 1.0 : errorRate == 1.0 ? 0.0 : errorStream.nextDouble();

    boolean provisioned = !idleProvisioned.isEmpty();
    boolean warm = false;
    ThrottleReason reason = null;
    if (!provisioned) {
      if (spec.hasReservedConcurrency()) {
        if (onDemandInFlight >= onDemandCapacity) {
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
    if (reason == null) {
      if (!account.requestRate().hasToken(now)) {
        reason = ThrottleReason.FUNCTION_INVOCATION_RATE_LIMIT;
      } else if (reservedRequestRate != null && !reservedRequestRate.hasToken(now)) {
        reason = ThrottleReason.RESERVED_INVOCATION_RATE_LIMIT;
      }
    }
    if (reason != null) {
      metrics.throttle(reason, measured);
      return;
    }

    account.requestRate().take();
    if (reservedRequestRate != null) {
      reservedRequestRate.take();
    }
    ExecutionEnvironment environment;
    if (provisioned) {
      environment = idleProvisioned.take();
      metrics.provisionedIdle.add(now, -1);
    } else {
      onDemandInFlight++;
      if (!spec.hasReservedConcurrency()) {
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
    begin(environment, now, measured, handlerReferenceNanos, errorDraw);
  }

  private ExecutionEnvironment newEnvironment(long now, boolean provisioned) {
    // Keep-alive is drawn once per environment (each has its own idle timeout): this keeps
    // idle deadlines increasing, so the expiry timer never has to move earlier.
    long keepAlive = provisioned ? Long.MAX_VALUE : Math.max(0, keepAliveSampler.sampleNanos());
    long lifetimeEnd = provisioned ? Long.MAX_VALUE
        : saturatedAdd(now, spec.maxLifetimeNanos());
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
    e.timeout = handler > spec.timeoutNanos();
    e.handlerNanos = e.timeout ? spec.timeoutNanos() : handler;
    e.error = e.timeout || errorDraw < spec.errorRate();

    boolean spillover = !e.provisioned && spec.provisionedConcurrency() > 0;
    metrics.start(measured, e.cold, e.provisioned, spillover);
    metrics.concurrency.add(now, 1);
    account.concurrency().add(now, 1);
    if (e.provisioned) {
      metrics.provisionedBusy.add(now, 1);
      account.provisionedBusy().add(now, 1);
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
    enter(e, EnvironmentState.BUSY, now);
    metrics.initializing.add(now, -1);
    metrics.busy.add(now, 1);
  }

  void onCompletion(ExecutionEnvironment e) {
    long now = loop.nowNanos();
    long billedNanos = e.handlerNanos + (billInit ? e.initNanos : 0);
    double gbSeconds = CostModel.gbSeconds(spec.memoryMb(), CostModel.billedMillis(billedNanos));
    metrics.complete(e.measured, e.initNanos, e.handlerNanos, e.cold, e.error, e.timeout,
        e.provisioned, gbSeconds);
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
      if (!spec.hasReservedConcurrency()) {
        account.unreservedRelease();
      }
    }
    if (e.timeout) {
      // A timeout resets the environment: it stays, but its next request runs Init again.
      e.needsInit = true;
    }
    if (e.provisioned) {
      // Provisioned environments are kept at the configured count; their recycling arrives with
      // provisioned concurrency over time.
      enter(e, EnvironmentState.IDLE, now);
      idleProvisioned.add(e);
      metrics.provisionedIdle.add(now, 1);
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
      return; // busy again; re-armed when it next becomes idle
    }
    long now = loop.nowNanos();
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
