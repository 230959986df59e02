package dev.lambdasim.model;

import dev.lambdasim.metrics.ThrottleReason;

import dev.lambdasim.engine.EventLoop;
import dev.lambdasim.metrics.AsyncMetrics;
import dev.lambdasim.metrics.FunctionMetrics;
import dev.lambdasim.spec.AsyncSpec;
import dev.lambdasim.workload.ArrivalProcess;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A function's internal queue for asynchronous invocations ("How Lambda handles
 * asynchronous invocations").
 *
 * <ul>
 *   <li>Lambda accepts every event (no throttle for the caller) and tries to invoke it at once.
 *   <li>A throttled attempt returns the event to the queue; it is tried again after an
 *       exponential back-off from 1 s up to 5 minutes (each delay drawn uniformly between half
 *       and all of 2^(k−1) s, capped at 300 s, so a backlog does not retry in lock-step).
 *   <li>A function error or timeout is retried up to {@code maxRetries} times, 1 minute after
 *       the first attempt and 2 minutes after the second.
 *   <li>An event older than {@code maxEventAge} when its next attempt is due is dropped
 *       (condition {@code EventAgeExceeded}); one whose retries ran out fails
 *       ({@code RetriesExhausted}). Both count in {@code AsyncEventsDropped} and go to the
 *       on-failure destination and the dead-letter queue, if set.
 *   <li>With reserved concurrency 0 an event goes straight to the failure path.
 *   <li>Successes go to the on-success destination. A destination that is a simulated function
 *       is invoked asynchronously; a chain deeper than {@value #MAX_CHAIN_DEPTH} is stopped, as
 *       Lambda's recursive loop detection does.
 * </ul>
 */
public final class AsyncQueue {

  /** Lambda stops a recursive chain after about 16 invocations (recursive loop detection). */
  static final int MAX_CHAIN_DEPTH = 16;
  static final long SECOND_NANOS = 1_000_000_000L;
  static final long MAX_BACKOFF_NANOS = 300 * SECOND_NANOS;
  /** Waits before the second and third attempts after a function error. */
  static final long[] RETRY_DELAYS_NANOS = {60 * SECOND_NANOS, 120 * SECOND_NANOS};

  private final SimulatedFunction function;
  private final EventLoop loop;
  private final FunctionMetrics metrics;
  private final AsyncMetrics async;
  private final AsyncSpec spec;
  private final RandomGenerator backoffStream;
  private AsyncQueue onSuccess;
  private AsyncQueue onFailure;
  private long live;

  public AsyncQueue(SimulatedFunction function, FunctionMetrics metrics, AsyncSpec spec,
      RandomGenerator backoffStream) {
    this.function = function;
    this.loop = function.loop();
    this.metrics = metrics;
    this.async = metrics.async;
    this.spec = spec;
    this.backoffStream = backoffStream;
  }

  /** Connects the destinations that are simulated functions (null: a counted sink or none). */
  public void connect(AsyncQueue onSuccessFunction, AsyncQueue onFailureFunction) {
    this.onSuccess = onSuccessFunction;
    this.onFailure = onFailureFunction;
  }

  String functionName() {
    return function.name();
  }

  /** Returns the events accepted and not yet ended: waiting, or in a running attempt. */
  public long live() {
    return live;
  }

  /** An event arrives now (from traffic, or from another function's destination). */
  public void receive(long prescribedNanos, int depth) {
    long now = loop.nowNanos();
    boolean measured = metrics.isMeasured(now);
    metrics.arrival(measured);
    async.received(measured);
    AsyncEvent event = new AsyncEvent(this, now, measured, depth, prescribedNanos);
    live++;
    async.queueDepth.add(now, 1);
    if (depth > MAX_CHAIN_DEPTH) {
      // Loop detection stops the event here and sends it nowhere: through failure
      // destinations, a loop would otherwise go on for ever.
      async.recursionDropped(measured);
      end(event, now, "RecursiveInvocationsDropped", FunctionMetrics.Outcome.DROPPED, false);
    } else if (function.neverRuns()) {
      drop(event, now, "ReservedConcurrencyZero");
    } else {
      attempt(event);
    }
  }

  /** Tries to invoke {@code event} now. */
  void attempt(AsyncEvent event) {
    long now = loop.nowNanos();
    if (now - event.enqueuedNanos >= spec.maxEventAgeNanos()) {
      drop(event, now, "EventAgeExceeded");
      return;
    }
    long drawn = function.drawHandlerNanos();
    long handler = event.prescribedNanos == ArrivalProcess.NO_DURATION
        ? drawn : event.prescribedNanos;
    ThrottleReason reason =
        function.tryStart(now, event.measured, handler, function.drawError(), event);
    if (reason != null) {
      metrics.throttle(reason, event.measured);
      async.throttledAttempt(event.measured);
      event.throttles++;
      retryAfter(event, now, backoffNanos(event.throttles));
      return;
    }
    event.throttles = 0;
    async.queueDepth.add(now, -1);
    async.invoked(event.measured, now - event.enqueuedNanos);
  }

  /** An attempt of {@code event} ended. */
  void completed(AsyncEvent event, boolean error) {
    long now = loop.nowNanos();
    event.invocations++;
    if (!error) {
      live--;
      metrics.requestEnded(event.measured, FunctionMetrics.Outcome.SUCCEEDED);
      deliver(event, now, spec.onSuccess(), onSuccess);
      return;
    }
    async.queueDepth.add(now, 1);
    if (event.invocations <= spec.maxRetries()) {
      async.retried(event.measured);
      retryAfter(event, now, RETRY_DELAYS_NANOS[event.invocations - 1]);
      return;
    }
    fail(event, now, "RetriesExhausted", FunctionMetrics.Outcome.FAILED);
  }

  /** Schedules the next attempt, or the drop if the event would be too old by then. */
  private void retryAfter(AsyncEvent event, long now, long delayNanos) {
    long deadline = event.enqueuedNanos + spec.maxEventAgeNanos();
    // An attempt may outlast the event's maximum age; it is then dropped at once.
    loop.schedule(event, Math.max(now, Math.min(now + delayNanos, deadline)));
  }

  private long backoffNanos(int throttles) {
    double ceiling = Math.min(MAX_BACKOFF_NANOS,
        SECOND_NANOS * Math.pow(2, Math.min(throttles - 1, 30)));
    return Math.round(ceiling * (0.5 + 0.5 * backoffStream.nextDouble()));
  }

  private void drop(AsyncEvent event, long now, String condition) {
    fail(event, now, condition, FunctionMetrics.Outcome.DROPPED);
  }

  private void fail(AsyncEvent event, long now, String condition,
      FunctionMetrics.Outcome outcome) {
    end(event, now, condition, outcome, true);
  }

  private void end(AsyncEvent event, long now, String condition,
      FunctionMetrics.Outcome outcome, boolean deliver) {
    live--;
    async.queueDepth.add(now, -1);
    async.dropped(event.measured);
    async.failed(event.measured, condition, event.invocations);
    metrics.requestEnded(event.measured, outcome);
    if (!deliver) {
      return;
    }
    deliver(event, now, spec.onFailure(), onFailure);
    if (spec.deadLetter() != null) {
      async.delivered(event.measured, spec.deadLetter());
    }
  }

  private void deliver(AsyncEvent event, long now, String target, AsyncQueue targetFunction) {
    if (target == null) {
      return;
    }
    async.delivered(event.measured, target);
    if (targetFunction != null) {
      targetFunction.receive(ArrivalProcess.NO_DURATION, event.depth + 1);
    }
  }
}
