package dev.lambdasim.engine;

/**
 * The single-threaded discrete-event loop and its clock.
 *
 * <p>Simulated time is a {@code long} count of nanoseconds from the start of the run. Events are
 * handled in (time, {@link EventKind} order, scheduling sequence) order, which is total, so a
 * run is deterministic. One loop belongs to one run; nothing here is static.
 */
public final class EventLoop {

  private static final int SEQUENCE_BITS = 56;
  private static final long MAX_SEQUENCE = (1L << SEQUENCE_BITS) - 1;

  /**
   * One heap per event kind, merged at their heads by the same (time, kind, sequence) key, so
   * the order is exactly that of a single queue. Why: kinds live on different time scales
   * (completions within seconds, keep-alive expiries minutes away, one arrival per source), and
   * in one heap every new completion had to sift up past the far expiries; the benchmark's
   * profile showed heap work as the largest cost per invocation.
   */
  private final EventQueue[] queues = new EventQueue[EventKind.values().length];

  public EventLoop() {
    for (int i = 0; i < queues.length; i++) {
      queues[i] = new EventQueue();
    }
  }
  private long nowNanos;
  private long nextSequence;
  private long eventsHandled;

  /** Returns the current simulated time in nanoseconds. */
  public long nowNanos() {
    return nowNanos;
  }

  /** Returns how many events have been handled so far. */
  public long eventsHandled() {
    return eventsHandled;
  }

  /** Returns how many events are waiting. */
  public int pending() {
    int pending = 0;
    for (EventQueue queue : queues) {
      pending += queue.size();
    }
    return pending;
  }

  /** Schedules {@code event}, which must not be scheduled already, at {@code atNanos >= now}. */
  public void schedule(Event event, long atNanos) {
    if (event.isScheduled()) {
      throw new IllegalStateException("event " + event + " is already scheduled at "
          + event.timeNanos + " ns; use reschedule");
    }
    checkNotPast(atNanos);
    stamp(event, atNanos);
    queueOf(event).add(event);
  }

  /** Schedules {@code event} after a delay, which must not be negative. */
  public void scheduleAfter(Event event, long delayNanos) {
    if (delayNanos < 0) {
      throw new IllegalArgumentException("negative delay " + delayNanos + " ns for " + event);
    }
    schedule(event, Math.addExact(nowNanos, delayNanos));
  }

  /** Moves {@code event} to {@code atNanos}, scheduling it if it was not scheduled. */
  public void reschedule(Event event, long atNanos) {
    if (!event.isScheduled()) {
      schedule(event, atNanos);
      return;
    }
    checkNotPast(atNanos);
    stamp(event, atNanos);
    queueOf(event).update(event);
  }

  /** Removes {@code event} from the queue if it is scheduled. */
  public void cancel(Event event) {
    if (event.isScheduled()) {
      queueOf(event).remove(event);
    }
  }

  /**
   * Handles every event due strictly before {@code endNanos}, then sets the clock to
   * {@code endNanos}. Events due at or after the end stay queued.
   */
  public void runUntil(long endNanos) {
    checkNotPast(endNanos);
    while (true) {
      EventQueue from = null;
      Event next = null;
      for (EventQueue queue : queues) {
        Event head = queue.peek();
        if (head != null && (next == null || head.timeNanos < next.timeNanos
            || (head.timeNanos == next.timeNanos && head.order < next.order))) {
          next = head;
          from = queue;
        }
      }
      if (next == null || next.timeNanos >= endNanos) {
        break;
      }
      from.poll();
      nowNanos = next.timeNanos;
      eventsHandled++;
      next.fire();
    }
    nowNanos = endNanos;
  }

  private EventQueue queueOf(Event event) {
    return queues[event.kind().ordinal()];
  }

  private void stamp(Event event, long atNanos) {
    if (nextSequence > MAX_SEQUENCE) {
      throw new IllegalStateException("event sequence exhausted");
    }
    event.timeNanos = atNanos;
    event.order = ((long) event.kind().ordinal() << SEQUENCE_BITS) | nextSequence++;
  }

  private void checkNotPast(long atNanos) {
    if (atNanos < nowNanos) {
      throw new IllegalArgumentException(
          "cannot schedule at " + atNanos + " ns, before the current time " + nowNanos + " ns");
    }
  }
}
