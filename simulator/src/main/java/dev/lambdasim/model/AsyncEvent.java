package dev.lambdasim.model;

import dev.lambdasim.engine.EventKind;

/**
 * One event in a function's asynchronous queue, from the moment Lambda accepts it (202) until
 * it succeeds, fails, or is dropped. It is its own timer: each scheduled firing is one attempt.
 */
final class AsyncEvent extends QueuedRequest {

  final AsyncQueue queue;
  final boolean measured;
  /** How many destinations deep this event is in a chain of functions (0 for traffic). */
  final int depth;
  /** Handler time prescribed by a trace, or {@code ArrivalProcess.NO_DURATION}. */
  final long prescribedNanos;
  /** Invocations that ran (the record's {@code approximateInvokeCount}). */
  int invocations;
  /** Consecutive throttled attempts, for the exponential back-off. */
  int throttles;

  AsyncEvent(AsyncQueue queue, long enqueuedNanos, boolean measured, int depth,
      long prescribedNanos) {
    super(EventKind.ASYNC_ATTEMPT, enqueuedNanos);
    this.queue = queue;
    this.measured = measured;
    this.depth = depth;
    this.prescribedNanos = prescribedNanos;
  }

  @Override
  protected void fire() {
    queue.attempt(this);
  }

  @Override
  protected void onCompleted(boolean error) {
    queue.completed(this, error);
  }

  @Override
  public String toString() {
    return "async event of " + queue.functionName() + " queued at " + enqueuedNanos + " ns";
  }
}
