package dev.lambdasim.model;

import dev.lambdasim.engine.EventKind;

/**
 * Messages received together from an SQS queue and sent to the function as one invocation.
 * It is its own timer: when it failed or was throttled, it fires when the visibility timeout of
 * its messages ends, and returns them to the queue.
 */
final class SqsBatch extends QueuedRequest {

  final SqsQueue queue;
  final long receivedNanos;
  /** Each message's send time and tag (receive count, poison flag), in receive order. */
  final long[] times;
  final long[] tags;

  SqsBatch(SqsQueue queue, long oldestNanos, long receivedNanos, int size) {
    super(EventKind.ESM_POLL, oldestNanos);
    this.queue = queue;
    this.receivedNanos = receivedNanos;
    this.times = new long[size];
    this.tags = new long[size];
  }

  int size() {
    return times.length;
  }

  @Override
  protected void fire() {
    queue.visibilityTimeoutEnded(this);
  }

  @Override
  protected void onCompleted(boolean error) {
    queue.completed(this, error);
  }

  @Override
  public String toString() {
    return "SQS batch of " + times.length + " received at " + receivedNanos + " ns";
  }
}
