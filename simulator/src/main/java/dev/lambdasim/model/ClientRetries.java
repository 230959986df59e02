package dev.lambdasim.model;

import dev.lambdasim.engine.EventLoop;
import dev.lambdasim.metrics.FunctionMetrics;
import dev.lambdasim.metrics.ThrottleReason;
import dev.lambdasim.spec.ClientRetrySpec;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The callers of a function's sync calls trying throttled calls again, as the AWS SDKs do
 * ("Retry behavior" in the AWS SDKs and Tools reference guide): exponential back-off with full
 * jitter, up to a number of attempts.
 */
final class ClientRetries {

  private final SimulatedFunction function;
  private final ClientRetrySpec spec;
  private final EventLoop loop;
  private final FunctionMetrics metrics;
  private final RandomGenerator stream;
  /** Throttled sync calls waiting for, or running, a retry. */
  private long live;

  /** @param stream draws the jitter of every back-off */
  ClientRetries(SimulatedFunction function, ClientRetrySpec spec, EventLoop loop,
      FunctionMetrics metrics, RandomGenerator stream) {
    this.function = function;
    this.spec = spec;
    this.loop = loop;
    this.metrics = metrics;
    this.stream = stream;
  }

  /** Returns the throttled sync calls not yet ended: waiting for, or running, a retry. */
  long live() {
    return live;
  }

  String functionName() {
    return function.name();
  }

  /**
   * The first attempt of a sync call was throttled now: its caller tries again later, or, without
   * a retry policy, the call ends throttled.
   */
  void firstAttemptThrottled(long nowNanos, boolean measured, long handlerReferenceNanos,
      double errorDraw) {
    if (spec.retries()) {
      live++;
      schedule(new ClientRetry(this, nowNanos, measured, handlerReferenceNanos, errorDraw),
          nowNanos);
    } else {
      metrics.requestEnded(measured, FunctionMetrics.Outcome.THROTTLED);
    }
  }

  /** A throttled call is tried again now. */
  void attempt(ClientRetry retry) {
    long now = loop.nowNanos();
    ThrottleReason reason = function.tryStart(now, retry.measured, retry.handlerReferenceNanos,
        retry.errorDraw, retry);
    if (reason == null) {
      return;
    }
    metrics.throttle(reason, retry.measured);
    retry.attempts++;
    if (retry.attempts < spec.maxAttempts()) {
      schedule(retry, now);
    } else {
      live--;
      metrics.requestEnded(retry.measured, FunctionMetrics.Outcome.THROTTLED);
    }
  }

  /** A retried call's invocation ended. */
  void ended(ClientRetry retry, boolean error) {
    live--;
    metrics.requestEnded(retry.measured,
        error ? FunctionMetrics.Outcome.FAILED : FunctionMetrics.Outcome.SUCCEEDED);
  }

  /**
   * Schedules a throttled call's next attempt after the caller's back-off: uniform in
   * [0, min(maxDelay, baseDelay × 2^(attempts − 1))], the SDKs' "full jitter".
   */
  private void schedule(ClientRetry retry, long nowNanos) {
    double cap = Math.min((double) spec.maxDelayNanos(),
        spec.baseDelayNanos() * Math.pow(2, Math.min(retry.attempts - 1, 40)));
    loop.schedule(retry, nowNanos + Math.round(stream.nextDouble() * cap));
  }
}
