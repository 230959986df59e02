package dev.lambdasim.model;

import dev.lambdasim.engine.Event;
import dev.lambdasim.engine.EventKind;
import dev.lambdasim.engine.EventLoop;
import dev.lambdasim.spec.ProvisionedSpec;
import dev.lambdasim.spec.ProvisionedSpec.AutoscalingSpec;
import dev.lambdasim.spec.ProvisionedSpec.ScheduledAction;
import java.util.Locale;

/**
 * Decides a function's configured provisioned concurrency over time, as Application Auto Scaling
 * does ("Scheduled scaling" and "Target tracking scaling policies" in its user guide):
 * scheduled actions, and target tracking on {@code ProvisionedConcurrencyUtilization} with its
 * two CloudWatch alarms.
 *
 * <p>Every minute the auto scaler takes one data point: busy ÷ ready provisioned environments
 * over the minute, as an Average (time-weighted) or a Maximum, from the model's own counts
 * ({@link ProvisionedConcurrency#takeUtilisationWindow}). A minute in which no invocation
 * ran on provisioned concurrency has no data point (the metric is not emitted when idle), which
 * breaks both alarms' runs — so an idle function never scales in. The high alarm fires after
 * {@code scaleOutDataPoints} consecutive points above the target; the scaler then sets the value
 * that would bring utilisation to the target, {@code ceil(configured × point ÷ target)}. The low
 * alarm fires after {@code scaleInDataPoints} consecutive points below
 * {@code scaleInRatio × target}; the scaler then steps down towards that value by at most 10 %
 * of the configured value (at least 1) per action — Application Auto Scaling scales in
 * "in smaller steps", by an amount it does not document. No action is taken while an allocation
 * is still in progress, nor within the cooldowns.
 */
final class ProvisionedController {

  static final long DATA_POINT_NANOS = 60_000_000_000L;
  /** The largest share of the configured value removed by one scale-in action. */
  static final double SCALE_IN_STEP = 0.1;

  private final ProvisionedConcurrency provisioned;
  private final EventLoop loop;
  private final ProvisionedSpec spec;
  private final long horizonNanos;
  private final String functionName;

  // Auto scaler state; min and max may be changed by scheduled actions.
  private final AutoscalingSpec autoscaling;
  private int min;
  private int max;
  private int highRun;
  private int lowRun;
  private long lastScaleOutNanos = Long.MIN_VALUE / 2;
  private long lastScaleInNanos = Long.MIN_VALUE / 2;

  private final Event tick = new Event(EventKind.CONTROL) {
    @Override
    protected void fire() {
      onDataPoint();
    }

    @Override
    public String toString() {
      return "auto scaler data point of " + functionName;
    }
  };

  ProvisionedController(ProvisionedConcurrency provisioned, EventLoop loop, ProvisionedSpec spec,
      long horizonNanos, String functionName) {
    this.provisioned = provisioned;
    this.loop = loop;
    this.spec = spec;
    this.horizonNanos = horizonNanos;
    this.functionName = functionName;
    this.autoscaling = spec.autoscaling();
    if (autoscaling != null) {
      this.min = autoscaling.min();
      this.max = autoscaling.max();
    }
  }

  /** Schedules the first occurrence of every action and the auto scaler's first data point. */
  void start() {
    for (ScheduledAction action : spec.schedule()) {
      if (action.atNanos() < horizonNanos) {
        loop.schedule(new ScheduledActionEvent(action), action.atNanos());
      }
    }
    if (autoscaling != null && DATA_POINT_NANOS < horizonNanos) {
      loop.schedule(tick, loop.nowNanos() + DATA_POINT_NANOS);
    }
  }

  /** One scheduled action; it re-arms itself when it repeats. */
  private final class ScheduledActionEvent extends Event {
    private final ScheduledAction action;

    ScheduledActionEvent(ScheduledAction action) {
      super(EventKind.CONTROL);
      this.action = action;
    }

    @Override
    protected void fire() {
      apply(action);
      if (action.repeatNanos() > 0) {
        long next = loop.nowNanos() + action.repeatNanos();
        if (next < horizonNanos) {
          loop.schedule(this, next);
        }
      }
    }

    @Override
    public String toString() {
      return "scheduled action of " + functionName + " at " + action.atNanos() + " ns";
    }
  }

  private void apply(ScheduledAction action) {
    if (autoscaling != null) {
      if (action.min() != null) {
        min = action.min();
        // Application Auto Scaling keeps min <= max: a raised min lifts max with it.
        max = Math.max(max, min);
      }
      if (action.max() != null) {
        max = action.max();
        min = Math.min(min, max);
      }
    }
    int configured = provisioned.configured();
    int target = action.value() != null ? action.value() : configured;
    if (autoscaling != null) {
      target = Math.max(min, Math.min(max, target));
    }
    if (target != configured) {
      provisioned.configure(target, describe(action));
    }
  }

  private String describe(ScheduledAction action) {
    StringBuilder sb = new StringBuilder("scheduled action");
    if (action.value() != null) {
      sb.append(" value=").append(action.value());
    }
    if (action.min() != null) {
      sb.append(" min=").append(action.min());
    }
    if (action.max() != null) {
      sb.append(" max=").append(action.max());
    }
    return sb.toString();
  }

  private void onDataPoint() {
    long now = loop.nowNanos();
    ProvisionedUtilisation.Window window = provisioned.takeUtilisationWindow(now);
    if (now + DATA_POINT_NANOS < horizonNanos) {
      loop.schedule(tick, now + DATA_POINT_NANOS);
    }

    if (!window.hasDataPoint()) {
      // No data point: the metric is not emitted while idle. Both runs are broken.
      highRun = 0;
      lowRun = 0;
      return;
    }
    double point = autoscaling.statistic() == ProvisionedSpec.Statistic.MAXIMUM
        ? window.maximum() : window.average();
    double target = autoscaling.targetUtilization();
    highRun = point > target ? highRun + 1 : 0;
    lowRun = point < autoscaling.scaleInRatio() * target ? lowRun + 1 : 0;
    if (provisioned.allocationInProgress()) {
      return; // Application Auto Scaling waits for the previous activity to finish
    }
    int configured = provisioned.configured();
    int desired = (int) Math.min(Integer.MAX_VALUE, (long) Math.ceil(configured * point / target));
    if (highRun >= autoscaling.scaleOutDataPoints()
        && now - lastScaleOutNanos >= autoscaling.scaleOutCooldownNanos()) {
      int next = Math.max(min, Math.min(max, desired));
      if (next > configured) {
        provisioned.configure(next, String.format(Locale.ROOT,
            "target tracking: utilisation %.3f above target %.2f for %d data points", point,
            target, highRun));
        lastScaleOutNanos = now;
        highRun = 0;
        lowRun = 0;
      }
    } else if (lowRun >= autoscaling.scaleInDataPoints()
        && now - lastScaleInNanos >= autoscaling.scaleInCooldownNanos()) {
      int step = Math.max(1, (int) Math.floor(configured * SCALE_IN_STEP));
      int next = Math.max(min, Math.max(desired, configured - step));
      if (next < configured) {
        provisioned.configure(next, String.format(Locale.ROOT,
            "target tracking: utilisation %.3f below %.3f for %d data points", point,
            autoscaling.scaleInRatio() * target, lowRun));
        lastScaleInNanos = now;
        highRun = 0;
        lowRun = 0;
      }
    }
  }
}
