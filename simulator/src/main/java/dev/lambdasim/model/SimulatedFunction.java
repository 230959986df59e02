package dev.lambdasim.model;

import dev.lambdasim.engine.EventLoop;
import dev.lambdasim.metrics.EnvironmentTimeline;
import dev.lambdasim.metrics.FunctionMetrics;
import dev.lambdasim.metrics.ThrottleReason;
import dev.lambdasim.random.DurationSampler;
import dev.lambdasim.random.RandomStreams;
import dev.lambdasim.spec.FunctionSpec;
import dev.lambdasim.spec.InvocationType;
import dev.lambdasim.workload.ArrivalProcess;
import java.util.function.LongSupplier;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * One function under the platform's rules, as the run sees it: requests arrive, are admitted
 * against every limit ({@link Admission}) and run on an environment ({@link Invocations}) —
 * provisioned ({@link ProvisionedConcurrency}), warm or new ({@link EnvironmentPool}) — or are
 * throttled, and then tried again by their caller ({@link ClientRetries}), returned to their
 * queue ({@link AsyncQueue}, {@link EventSource}), or ended.
 *
 * <p>Each source of randomness has its own stream, named {@code function/<name>/<source>}:
 * {@code duration}, {@code init}, {@code errors} ({@link FunctionCode}), {@code keepAlive},
 * {@code reuse} (both idle pools), {@code provisionedLifetime} and {@code clientRetry}.
 */
public final class SimulatedFunction {

  private final FunctionSpec spec;
  private final int index;
  private final EventLoop loop;
  private final FunctionMetrics metrics;
  private final FunctionCode code;
  private final Environments environments;
  private final EnvironmentPool pool;
  private final ProvisionedConcurrency provisioned;
  private final Admission admission;
  private final Invocations invocations;
  private final ClientRetries retries;
  /** Sync calls admitted and not yet ended. */
  private long syncInFlight;
  private AsyncQueue asyncQueue;
  private EventSource eventSource;
  private LongSupplier extraInFlight = () -> 0;

  public SimulatedFunction(FunctionSpec spec, int index, EventLoop loop, Account account,
      RandomStreams streams, FunctionMetrics metrics, EnvironmentTimeline timeline,
      boolean billInit, long warmupNanos, long horizonNanos) {
    this.spec = spec;
    this.index = index;
    this.loop = loop;
    this.metrics = metrics;
    String prefix = "function/" + spec.name() + "/";
    this.code = new FunctionCode(spec.code(), streams, prefix);
    this.environments = new Environments(this, loop, metrics, new StateTimeline(timeline));
    // One reuse stream for both pools: their picks interleave in the order requests come.
    RandomGenerator reuse = streams.stream(prefix + "reuse");
    this.pool = new EnvironmentPool(loop, metrics, environments,
        IdlePool.of(spec.environments().reuse(), reuse),
        DurationSampler.of(spec.environments().keepAlive(), streams.stream(prefix + "keepAlive")),
        spec.environments());
    this.provisioned = new ProvisionedConcurrency(spec, loop, metrics, account, environments,
        IdlePool.of(spec.environments().reuse(), reuse), code,
        streams.stream(prefix + "provisionedLifetime"), billInit, warmupNanos, horizonNanos);
    this.admission = new Admission(spec.concurrency(), account, provisioned, pool);
    this.invocations = new Invocations(loop, metrics, account, code, admission, provisioned, pool,
        spec.code().memoryMb(), billInit);
    this.retries = new ClientRetries(this, spec.invocation().retry(), loop, metrics,
        streams.stream(prefix + "clientRetry"));
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

  public EventLoop loop() {
    return loop;
  }

  /**
   * Creates the initial provisioned environments, initialised and idle at the current time, and
   * starts the schedule and the auto scaler.
   */
  public void provision() {
    provisioned.provision();
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

  /** Returns this function's async event queue. */
  public AsyncQueue asyncQueue() {
    return asyncQueue;
  }

  /** Returns whether the function's reserved concurrency is 0: it can never run. */
  boolean neverRuns() {
    return admission.neverRuns();
  }

  /** Returns the configured provisioned concurrency. */
  public int provisionedConfigured() {
    return provisioned.configured();
  }

  /** Returns the configured provisioned concurrency GB-seconds billed up to {@code endNanos}. */
  public double provisionedConfiguredGbSeconds(long endNanos) {
    return provisioned.configuredGbSeconds(endNanos);
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
      retries.firstAttemptThrottled(now, measured, handlerReferenceNanos, errorDraw);
    }
  }

  /** Returns a handler time at the reference memory from the function's distribution. */
  public long drawHandlerNanos() {
    return code.drawHandlerNanos();
  }

  /** Returns the draw that decides a function error (an error when below the error rate). */
  public double drawError() {
    return code.drawError();
  }

  /**
   * Admits one invocation against every limit and starts it, or returns why it is throttled.
   *
   * @param event the queued request (async event, batch) this invocation serves, or null for a
   *     sync call (only sync calls count against the requests-per-second limits)
   */
  public ThrottleReason tryStart(long now, boolean measured, long handlerReferenceNanos,
      double errorDraw, QueuedRequest event) {
    boolean sync = event == null || event.isSyncCall();
    ThrottleReason reason = admission.check(now, sync);
    if (reason != null) {
      return reason;
    }
    ExecutionEnvironment environment = admission.take(now, sync);
    if (event == null) {
      syncInFlight++;
    }
    invocations.begin(environment, now, event, measured, handlerReferenceNanos, errorDraw);
    return null;
  }

  /**
   * Returns the sync calls and queued requests of this function not yet ended, counted by the
   * model itself (the run checks the ledger against it).
   */
  public long requestsInFlight() {
    return syncInFlight + retries.live() + asyncQueue.live() + extraInFlight.getAsLong();
  }

  /** Adds a counter of requests held elsewhere (an event source mapping's queue or shards). */
  public void countInFlight(LongSupplier counter) {
    LongSupplier previous = extraInFlight;
    extraInFlight = () -> previous.getAsLong() + counter.getAsLong();
  }

  /** Closes the open spans of recorded environments at the end of the run. */
  public void closeTimeline(long endNanos) {
    environments.closeTimeline(endNanos);
  }

  void onInitDone(ExecutionEnvironment e) {
    invocations.onInitDone(e);
  }

  void onCompletion(ExecutionEnvironment e) {
    boolean error = e.error();
    boolean measured = e.measured();
    QueuedRequest event = invocations.finish(e);
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

  void onExpiry(ExecutionEnvironment e) {
    if (e.state() != EnvironmentState.IDLE) {
      return; // busy again; re-armed when it next becomes idle (provisioned: at completion)
    }
    long now = loop.nowNanos();
    if (e.provisioned) {
      provisioned.onExpiry(e, now);
    } else {
      pool.onExpiry(e, now);
    }
  }
}
