package dev.lambdasim.model;

import dev.lambdasim.engine.Event;
import dev.lambdasim.engine.EventKind;

/**
 * A request that waited in a queue before its invocation — an async event, or a batch of an
 * event source mapping — and that wants to hear how the invocation ended. It is also its own
 * timer, for retries.
 */
public abstract class QueuedRequest extends Event {

  /** When the request entered its queue (the start of its queue time). */
  protected final long enqueuedNanos;

  protected QueuedRequest(EventKind kind, long enqueuedNanos) {
    super(kind);
    this.enqueuedNanos = enqueuedNanos;
  }

  public long enqueuedNanos() {
    return enqueuedNanos;
  }

  /**
   * The invocation ended; called once the environment is settled, so the request may invoke
   * the function again at once.
   */
  protected abstract void onCompleted(boolean error);

  /** Returns whether this is a sync call, subject to the requests-per-second limits. */
  protected boolean isSyncCall() {
    return false;
  }
}
