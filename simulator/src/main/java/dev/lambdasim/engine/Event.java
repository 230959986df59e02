package dev.lambdasim.engine;

/**
 * Something that happens at an instant of simulated time.
 *
 * <p>Events are mutable and reusable: a model object owns its events and schedules them again
 * and again, so the hot path allocates nothing. The queue keeps the event's heap position in
 * the event itself, which makes rescheduling and cancelling O(log n) without searching.
 */
public abstract class Event {

  private final EventKind kind;
  long timeNanos;
  /** (kind ordinal, sequence) packed so that one long comparison orders ties. */
  long order;
  int heapIndex = -1;

  protected Event(EventKind kind) {
    this.kind = kind;
  }

  /** Handles the event; the loop's clock already reads {@link #timeNanos()}. */
  protected abstract void fire();

  public final EventKind kind() {
    return kind;
  }

  /** Returns the time this event is scheduled for; meaningful only while scheduled. */
  public final long timeNanos() {
    return timeNanos;
  }

  public final boolean isScheduled() {
    return heapIndex >= 0;
  }
}
