package dev.lambdasim.run;

import dev.lambdasim.engine.Event;
import dev.lambdasim.engine.EventKind;
import dev.lambdasim.engine.EventLoop;
import dev.lambdasim.metrics.MetricsRecorder;

/** Closes each metrics period at its end, so rows are written as the run goes. */
final class PeriodClock extends Event {

  private final EventLoop loop;
  private final MetricsRecorder recorder;
  private final long periodNanos;
  private final long horizonNanos;
  private long periodStartNanos;

  PeriodClock(EventLoop loop, MetricsRecorder recorder, long periodNanos, long horizonNanos) {
    super(EventKind.PERIOD_END);
    this.loop = loop;
    this.recorder = recorder;
    this.periodNanos = periodNanos;
    this.horizonNanos = horizonNanos;
  }

  void start() {
    scheduleEnd();
  }

  @Override
  protected void fire() {
    long end = loop.nowNanos();
    recorder.closePeriod(periodStartNanos, end);
    periodStartNanos = end;
    scheduleEnd();
  }

  /** Closes the last, possibly shorter, period at the horizon. */
  void finish() {
    if (periodStartNanos < horizonNanos) {
      recorder.closePeriod(periodStartNanos, horizonNanos);
      periodStartNanos = horizonNanos;
    }
  }

  private void scheduleEnd() {
    long end = periodStartNanos + periodNanos;
    if (end < horizonNanos) {
      loop.schedule(this, end);
    }
  }
}
