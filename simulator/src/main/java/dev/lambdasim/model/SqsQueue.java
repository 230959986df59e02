package dev.lambdasim.model;

import dev.lambdasim.metrics.ThrottleReason;

import dev.lambdasim.engine.Event;
import dev.lambdasim.engine.EventKind;
import dev.lambdasim.engine.EventLoop;
import dev.lambdasim.metrics.EsmMetrics;
import dev.lambdasim.metrics.FunctionMetrics;
import dev.lambdasim.spec.SqsSpec;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A standard SQS queue and the event source mapping that polls it ("Using Lambda with Amazon
 * SQS").
 *
 * <ul>
 *   <li>The function's traffic sends messages to the queue. Pollers take up to
 *       {@code batchSize} visible messages per batch, one invocation per batch. Without a batch
 *       window a free poller sends what is visible at once; with one, a batch that is not full
 *       waits until the window has passed since a free poller first saw a message.
 *   <li>Scaling: at most {@link #MIN_CONCURRENCY} concurrent batches at first; every second in
 *       which messages wait with every allowed batch running, the allowance grows by a sixtieth
 *       of the per-minute rate (5 now, 1 legacy), up to the cap (1,250 now, 1,000 legacy, or
 *       {@code maximumConcurrency}); every second the queue has no visible message it shrinks by
 *       the same step, never below 5.
 *   <li>Receiving a message counts a receive and hides it for the visibility timeout. A batch
 *       that succeeds deletes its messages. One that fails, or whose invocation is throttled,
 *       leaves them to reappear when the visibility timeout ends (counted from the receive);
 *       a message received {@code maxReceiveCount} times goes to the dead-letter queue instead.
 *       After a throttle the pollers hold back for {@link #THROTTLE_BACKOFF_NANOS}.
 * </ul>
 * Messages are held in primitive rings (16 bytes each), not as objects.
 */
public final class SqsQueue implements EventSource {

  static final int MIN_CONCURRENCY = 5;
  static final long SECOND_NANOS = 1_000_000_000L;
  static final long THROTTLE_BACKOFF_NANOS = SECOND_NANOS;
  /** Tag bit of a poison message; the low bits count its receives. */
  static final long POISON = 1L << 40;
  static final long RECEIVES = POISON - 1;

  private final SimulatedFunction function;
  private final EventLoop loop;
  private final FunctionMetrics metrics;
  private final EsmMetrics esm;
  private final SqsSpec spec;
  private final RandomGenerator poisonStream;
  private final int step;
  private final int cap;
  private final int floor;

  private final RecordRing visible = new RecordRing();
  private long live;
  private int running;
  private int allowed = MIN_CONCURRENCY;
  private long backoffUntilNanos;
  private long windowDeadlineNanos = -1;

  private final Event pollNow = new Event(EventKind.ESM_POLL) {
    @Override
    protected void fire() {
      poll();
    }

    @Override
    public String toString() {
      return "SQS poll of " + function.name();
    }
  };

  private final Event scalingTick = new Event(EventKind.ESM_POLL) {
    @Override
    protected void fire() {
      onScalingTick();
    }

    @Override
    public String toString() {
      return "SQS poller scaling of " + function.name();
    }
  };

  public SqsQueue(SimulatedFunction function, SqsSpec spec, RandomGenerator poisonStream) {
    this.function = function;
    this.loop = function.loop();
    this.metrics = function.metrics();
    this.esm = metrics.esm;
    this.spec = spec;
    this.poisonStream = poisonStream;
    this.step = spec.scaling().perMinute() / 60;
    this.cap = spec.concurrencyCap();
    // A maximumConcurrency below 5 lowers the starting allowance too.
    this.floor = Math.min(MIN_CONCURRENCY, cap);
    this.allowed = floor;
    esm.pollerConcurrency.add(loop.nowNanos(), allowed);
  }

  @Override
  public long live() {
    return live;
  }

  /** Returns the concurrent batches the pollers allow now. */
  int allowed() {
    return allowed;
  }

  @Override
  public void receive(long prescribedNanos) {
    long now = loop.nowNanos();
    boolean measured = metrics.isMeasured(now);
    metrics.arrival(measured);
    esm.received(measured);
    live++;
    boolean poison = spec.poisonRate() > 0 && poisonStream.nextDouble() < spec.poisonRate();
    visible.addLast(now, poison ? POISON : 0);
    esm.backlog.add(now, 1);
    messagesVisible(now);
  }

  private void messagesVisible(long now) {
    if (!scalingTick.isScheduled()) {
      loop.schedule(scalingTick, now + SECOND_NANOS);
    }
    requestPoll(now);
  }

  /** Polls at the current instant, after every arrival and completion of this instant. */
  private void requestPoll(long now) {
    // A poll waiting for a batch window is brought forward: a full batch need not wait.
    loop.reschedule(pollNow, now);
  }

  private void poll() {
    long now = loop.nowNanos();
    if (now < backoffUntilNanos) {
      return; // the scaling tick polls again
    }
    while (running < allowed && !visible.isEmpty()) {
      int n = Math.min(visible.size(), spec.batchSize());
      if (n < spec.batchSize() && spec.batchWindowNanos() > 0) {
        if (windowDeadlineNanos < 0) {
          windowDeadlineNanos = now + spec.batchWindowNanos();
        }
        if (now < windowDeadlineNanos) {
          loop.reschedule(pollNow, windowDeadlineNanos);
          return;
        }
      }
      windowDeadlineNanos = -1;
      if (!send(now, n)) {
        return;
      }
    }
    if (visible.isEmpty()) {
      windowDeadlineNanos = -1;
    }
  }

  /** Receives the first {@code n} visible messages and invokes; false when throttled. */
  private boolean send(long now, int n) {
    long oldest = Long.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      oldest = Math.min(oldest, visible.time(i));
    }
    SqsBatch batch = new SqsBatch(this, oldest, now, n);
    boolean poison = false;
    for (int i = 0; i < n; i++) {
      long sent = visible.time(i);
      long tag = visible.tag(i) + 1;
      batch.times[i] = sent;
      batch.tags[i] = tag;
      poison |= (tag & POISON) != 0;
      esm.messageReceived(metrics.isMeasured(sent), now - sent);
    }
    visible.removeFirst(n);
    esm.backlog.add(now, -n);
    long handler = function.drawHandlerNanos() + spec.perRecordNanos() * n;
    double errorDraw = function.drawError();
    if (poison) {
      errorDraw = -1.0; // below any error rate: the invocation fails
    }
    boolean measured = metrics.isMeasured(now);
    ThrottleReason reason = function.tryStart(now, measured, handler, errorDraw, batch);
    if (reason != null) {
      metrics.throttle(reason, measured);
      esm.batchThrottled(now);
      loop.schedule(batch, now + spec.visibilityTimeoutNanos());
      backoffUntilNanos = now + THROTTLE_BACKOFF_NANOS;
      return false;
    }
    running++;
    esm.batchesInFlight.add(now, 1);
    esm.batchInvoked(now, n, -1);
    return true;
  }

  /** The invocation of {@code batch} ended. */
  void completed(SqsBatch batch, boolean error) {
    long now = loop.nowNanos();
    running--;
    esm.batchesInFlight.add(now, -1);
    if (error) {
      esm.batchFailed(now);
      // Init may make an invocation outlast the visibility timeout (timeout <= it is checked).
      loop.schedule(batch, Math.max(now, batch.receivedNanos + spec.visibilityTimeoutNanos()));
    } else {
      for (long sent : batch.times) {
        metrics.requestEnded(metrics.isMeasured(sent), FunctionMetrics.Outcome.SUCCEEDED);
      }
      live -= batch.size();
    }
    requestPoll(now);
  }

  /** The visibility timeout of a failed or throttled batch ended: its messages reappear. */
  void visibilityTimeoutEnded(SqsBatch batch) {
    long now = loop.nowNanos();
    int returned = 0;
    // Back to the front, in their order: SQS standard queues deliver roughly oldest first.
    for (int i = batch.size() - 1; i >= 0; i--) {
      long sent = batch.times[i];
      long tag = batch.tags[i];
      if (spec.hasRedrive() && (tag & RECEIVES) >= spec.maxReceiveCount()) {
        live--;
        boolean measured = metrics.isMeasured(sent);
        metrics.requestEnded(measured, FunctionMetrics.Outcome.FAILED);
        esm.failed(measured, "MaxReceiveCountExceeded", spec.deadLetter());
      } else {
        visible.addFirst(sent, tag);
        returned++;
      }
    }
    if (returned > 0) {
      esm.backlog.add(now, returned);
      messagesVisible(now);
    }
  }

  private void onScalingTick() {
    long now = loop.nowNanos();
    // Poll first: a message that arrived at this very instant is not yet one that waits.
    poll();
    int before = allowed;
    if (!visible.isEmpty() && running >= allowed) {
      allowed = Math.min(cap, allowed + step);
    } else if (visible.isEmpty()) {
      allowed = Math.max(floor, allowed - step);
    }
    if (allowed != before) {
      esm.pollerConcurrency.add(now, allowed - before);
    }
    if (!visible.isEmpty() || allowed > floor) {
      loop.schedule(scalingTick, now + SECOND_NANOS);
    }
    poll();
  }
}
