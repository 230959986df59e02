package dev.lambdasim.model;

import dev.lambdasim.engine.EventKind;

/**
 * A throttled sync call that its caller will try again (the function's {@code retry} policy). It
 * keeps the draws of its first attempt, so a retried request is the same request, and counts
 * against the requests-per-second limits like any sync call.
 */
final class ClientRetry extends QueuedRequest {

  private final ClientRetries retries;
  final boolean measured;
  final long handlerReferenceNanos;
  final double errorDraw;
  /** Attempts made so far, the first one included. */
  int attempts = 1;

  ClientRetry(ClientRetries retries, long firstAttemptNanos, boolean measured,
      long handlerReferenceNanos, double errorDraw) {
    super(EventKind.ASYNC_ATTEMPT, firstAttemptNanos);
    this.retries = retries;
    this.measured = measured;
    this.handlerReferenceNanos = handlerReferenceNanos;
    this.errorDraw = errorDraw;
  }

  @Override
  protected void fire() {
    retries.attempt(this);
  }

  @Override
  protected void onCompleted(boolean error) {
    retries.ended(this, error);
  }

  @Override
  protected boolean isSyncCall() {
    return true;
  }

  @Override
  public String toString() {
    return "client retry of " + retries.functionName() + " first tried at " + enqueuedNanos + " ns";
  }
}
