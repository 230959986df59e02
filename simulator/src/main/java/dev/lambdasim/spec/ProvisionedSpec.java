package dev.lambdasim.spec;

import java.util.List;

/**
 * A function's provisioned concurrency over time.
 *
 * @param initial          configured, initialised and ready at time 0 ({@code fixed})
 * @param schedule         scheduled actions, in file order
 * @param autoscaling      target tracking, or null
 * @param allocationDelayNanos preparation time before a raised value starts to be allocated
 * @param ramp             how fast environments are allocated after the delay
 */
public record ProvisionedSpec(
    int initial,
    List<ScheduledAction> schedule,
    AutoscalingSpec autoscaling,
    long allocationDelayNanos,
    AllocationRamp ramp) {

  /**
   * Default preparation delay: "a minute or two" (AWS, "Understanding Lambda function
   * scaling"); we take one minute.
   */
  public static final long DEFAULT_ALLOCATION_DELAY_NANOS = TimeUnits.MINUTE;
  public static final AllocationRamp DEFAULT_ALLOCATION_RAMP = AllocationRamp.CURRENT;

  public ProvisionedSpec {
    schedule = List.copyOf(schedule);
  }

  /** A fixed value for the whole run. */
  public static ProvisionedSpec fixed(int count) {
    return new ProvisionedSpec(count, List.of(), null, DEFAULT_ALLOCATION_DELAY_NANOS,
        DEFAULT_ALLOCATION_RAMP);
  }

  /** Returns whether the configured value never changes. */
  public boolean isFixed() {
    return schedule.isEmpty() && autoscaling == null;
  }

  /** Returns the largest value the configuration can ever reach (for the account's claims). */
  public int maxPossible() {
    int max = initial;
    for (ScheduledAction action : schedule) {
      if (action.value() != null) {
        max = Math.max(max, action.value());
      }
      if (action.max() != null) {
        max = Math.max(max, action.max());
      }
    }
    if (autoscaling != null) {
      max = Math.max(max, autoscaling.max());
    }
    return max;
  }

  /**
   * A scheduled action (Application Auto Scaling): at {@code atNanos} from the start, and every
   * {@code repeatNanos} after if positive, set the value and/or the auto scaler's bounds.
   */
  public record ScheduledAction(long atNanos, long repeatNanos, Integer value, Integer min,
      Integer max) {

    /** The {@code repeatNanos} of an action that happens once. */
    public static final long ONCE = 0;
  }

  /** Target tracking on ProvisionedConcurrencyUtilization. */
  public record AutoscalingSpec(
      double targetUtilization,
      int min,
      int max,
      Statistic statistic,
      int scaleOutDataPoints,
      int scaleInDataPoints,
      double scaleInRatio,
      long scaleOutCooldownNanos,
      long scaleInCooldownNanos) {

    public static final double DEFAULT_TARGET_UTILIZATION = 0.7;
    public static final int DEFAULT_MIN = 0;
    public static final Statistic DEFAULT_STATISTIC = Statistic.AVERAGE;
    public static final int DEFAULT_SCALE_OUT_DATA_POINTS = 3;
    public static final int DEFAULT_SCALE_IN_DATA_POINTS = 15;
    /**
     * The low alarm fires below 90 % of the target (AWS, "Configuring provisioned concurrency":
     * a 70 % target gives 63 %).
     */
    public static final double DEFAULT_SCALE_IN_RATIO = 0.9;
    /** No cooldown: the scaler may act on the next alarm. */
    public static final long DEFAULT_COOLDOWN_NANOS = 0;
  }

  /** The statistic of the alarms' 1-minute data points. */
  public enum Statistic {
    AVERAGE("Average"),
    MAXIMUM("Maximum");

    private final String label;

    Statistic(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** How fast a raised value is allocated after the preparation delay. */
  public enum AllocationRamp {
    /** Up to 6,000 environments per minute per function (AWS, "Understanding Lambda function scaling"). */
    CURRENT("current"),
    /** A burst of 3,000, then 500 per minute (the Lambda Developer Guide before 2023). */
    LEGACY("legacy");

    private final String label;

    AllocationRamp(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
