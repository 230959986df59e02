package dev.lambdasim.scenario;

import dev.lambdasim.spec.ProvisionedSpec;

import dev.lambdasim.spec.ProvisionedSpec.AllocationRamp;
import dev.lambdasim.spec.ProvisionedSpec.AutoscalingSpec;
import dev.lambdasim.spec.ProvisionedSpec.ScheduledAction;
import dev.lambdasim.spec.ProvisionedSpec.Statistic;
import dev.lambdasim.spec.TimeUnits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Binds {@code provisionedConcurrency}: an integer (a fixed value), or a mapping with
 * {@code fixed}, {@code schedule}, {@code autoscaling}, {@code allocationDelay} and
 * {@code allocationRamp}.
 */
final class ProvisionedBinder {

  static final List<String> FIELDS =
      List.of("fixed", "schedule", "autoscaling", "allocationDelay", "allocationRamp");
  static final List<String> ACTION_FIELDS = List.of("at", "repeat", "value", "min", "max");
  static final List<String> AUTOSCALING_FIELDS = List.of("targetUtilization", "min", "max",
      "statistic", "scaleOutDataPoints", "scaleInDataPoints", "scaleInRatio", "scaleOutCooldown",
      "scaleInCooldown");
  static final int MAX_COUNT = AccountBinder.MAX_COUNT;
  static final Labels<Statistic> STATISTICS = Labels.of(Statistic.values(), Statistic::label);
  static final Labels<AllocationRamp> RAMPS = Labels.of(AllocationRamp.values(), AllocationRamp::label);

  private final Values values;
  private final OptionalLong horizonNanos;

  /** {@code horizonNanos} is the scenario duration, empty when it is left out or itself invalid. */
  ProvisionedBinder(Values values, OptionalLong horizonNanos) {
    this.values = values;
    this.horizonNanos = horizonNanos;
  }

  /** Returns the spec (none provisioned when {@code node} is null), or the mark of a reported one. */
  Bound<ProvisionedSpec> bind(Node node, String path) {
    if (node == null) {
      return Bound.of(ProvisionedSpec.fixed(0));
    }
    if (!(node instanceof Node.Mapping)) {
      return values.integer(node, path, 0, MAX_COUNT).map(count -> ProvisionedSpec.fixed(count.intValue()));
    }
    Problems.Mark mark = values.mark();
    Fields f = Fields.of(node, path, values, FIELDS);
    List<ScheduledAction> schedule = f.has("schedule")
        ? schedule(f.node("schedule"), f.path("schedule")) : List.of();
    Bound<AutoscalingSpec> autoscaling = f.optional("autoscaling", null, this::autoscaling);
    Bound<Long> fixed;
    if (f.has("fixed")) {
      fixed = f.integer("fixed", 0L, 0, MAX_COUNT);
    } else if (!f.has("schedule") && !f.has("autoscaling")) {
      fixed = f.required("fixed", "an integer >= 0, or a schedule or autoscaling").map(n -> 0L);
    } else {
      // Without a fixed value, provisioned concurrency starts at the auto scaler's min, or 0.
      fixed = Bound.of(autoscaling.ok() && autoscaling.get() != null ? (long) autoscaling.get().min() : 0L);
    }
    Bound<Long> delay = f.duration("allocationDelay", ProvisionedSpec.DEFAULT_ALLOCATION_DELAY_NANOS,
        0, 15 * TimeUnits.MINUTE, "0s", "15m");
    Bound<AllocationRamp> ramp = choice(f, "allocationRamp", ProvisionedSpec.DEFAULT_ALLOCATION_RAMP,
        RAMPS);
    for (int i = 0; i < schedule.size(); i++) {
      ScheduledAction action = schedule.get(i);
      if ((action.min() != null || action.max() != null) && !f.has("autoscaling")) {
        values.report(((Node.Sequence) f.node("schedule")).items().get(i),
            f.path("schedule") + "[" + i + "]", "min and max bound the auto scaler, but there is "
                + "no autoscaling block (allowed: value alone, or add autoscaling)");
      }
    }
    if (autoscaling.ok() && autoscaling.get() != null && fixed.ok() && f.has("fixed")) {
      AutoscalingSpec a = autoscaling.get();
      if (fixed.get() < a.min() || fixed.get() > a.max()) {
        values.report(f.node("fixed"), f.path("fixed"), fixed.get() + " is outside the auto scaler's "
            + "bounds (allowed " + a.min() + ".." + a.max() + ")");
      }
    }
    return Bound.unlessReportedSince(mark, () -> new ProvisionedSpec(fixed.get().intValue(),
        schedule, autoscaling.get(), delay.get(), ramp.get()));
  }

  /** Returns the valid actions of the schedule; the problems of the others are reported. */
  private List<ScheduledAction> schedule(Node node, String path) {
    List<ScheduledAction> actions = new ArrayList<>();
    if (!(node instanceof Node.Sequence sequence) || sequence.items().isEmpty()) {
      values.report(node, path, node.shown() + " is not allowed here; expected a list of actions "
          + "like [{at: 8h, value: 50, repeat: 1d}]");
      return actions;
    }
    for (int i = 0; i < sequence.items().size(); i++) {
      Node item = sequence.items().get(i);
      String itemPath = path + "[" + i + "]";
      Fields a = Fields.of(item, itemPath, values, ACTION_FIELDS);
      Bound<Long> at = a.required("at", "an offset from the start of the run, e.g. 8h", values::duration);
      if (at.ok() && horizonNanos.isPresent() && at.get() >= horizonNanos.getAsLong()) {
        values.report(a.node("at"), a.path("at"), a.node("at").shown() + " is not before the "
            + "scenario duration, so the action would never happen (allowed: at < duration)");
      }
      Bound<Long> repeat = a.duration("repeat", ScheduledAction.ONCE, TimeUnits.MINUTE,
          Long.MAX_VALUE, "1m", null);
      // Each of value, min and max is null when not written: the action leaves it as it is.
      Bound<Long> value = a.integer("value", null, 0, MAX_COUNT);
      Bound<Long> min = a.integer("min", null, 0, MAX_COUNT);
      Bound<Long> max = a.integer("max", null, 0, MAX_COUNT);
      if (!a.has("value") && !a.has("min") && !a.has("max")) {
        values.report(item, itemPath, "an action needs value, or min and/or max (allowed: "
            + "{at: 8h, value: 50} or {at: 8h, min: 5, max: 100})");
      }
      if (Bound.allOk(min, max) && min.get() != null && max.get() != null && min.get() > max.get()) {
        values.report(a.node("min"), a.path("min"), min.get() + " is above max " + max.get()
            + " (allowed: min <= max)");
      }
      if (Bound.allOk(at, repeat)) {
        actions.add(new ScheduledAction(at.get(), repeat.get(), toInt(value.or(null)),
            toInt(min.or(null)), toInt(max.or(null))));
      }
    }
    return actions;
  }

  private Bound<AutoscalingSpec> autoscaling(Node node, String path) {
    Fields a = Fields.of(node, path, values, AUTOSCALING_FIELDS);
    Bound<Double> target = a.decimal("targetUtilization", AutoscalingSpec.DEFAULT_TARGET_UTILIZATION,
        0.1, 0.9);
    Bound<Long> min = a.integer("min", (long) AutoscalingSpec.DEFAULT_MIN, 0, MAX_COUNT);
    Bound<Long> max = a.required("max", "the most provisioned concurrency the auto scaler may set",
        (n, p) -> values.integer(n, p, 0, MAX_COUNT));
    Bound<Statistic> statistic = choice(a, "statistic", AutoscalingSpec.DEFAULT_STATISTIC, STATISTICS);
    Bound<Long> outPoints = a.integer("scaleOutDataPoints",
        (long) AutoscalingSpec.DEFAULT_SCALE_OUT_DATA_POINTS, 1, 60);
    Bound<Long> inPoints = a.integer("scaleInDataPoints",
        (long) AutoscalingSpec.DEFAULT_SCALE_IN_DATA_POINTS, 1, 1440);
    Bound<Double> inRatio = a.decimal("scaleInRatio", AutoscalingSpec.DEFAULT_SCALE_IN_RATIO,
        0.1, 1.0);
    Bound<Long> outCooldown = a.duration("scaleOutCooldown", AutoscalingSpec.DEFAULT_COOLDOWN_NANOS,
        0, Long.MAX_VALUE, "0s", null);
    Bound<Long> inCooldown = a.duration("scaleInCooldown", AutoscalingSpec.DEFAULT_COOLDOWN_NANOS,
        0, Long.MAX_VALUE, "0s", null);
    if (Bound.allOk(min, max) && min.get() > max.get()) {
      return values.reject(a.node("min"), a.path("min"), min.get() + " is above max " + max.get()
          + " (allowed: min <= max)");
    }
    if (!Bound.allOk(target, min, max, statistic, outPoints, inPoints, inRatio, outCooldown,
        inCooldown)) {
      return Bound.reported();
    }
    return Bound.of(new AutoscalingSpec(target.get(), min.get().intValue(), max.get().intValue(),
        statistic.get(), outPoints.get().intValue(), inPoints.get().intValue(), inRatio.get(),
        outCooldown.get(), inCooldown.get()));
  }

  /**
   * Returns the option named by the field, like {@link Fields#choice}, but also suggests the
   * option a short form abbreviates ("Avg" → "Average", "max" → "Maximum"), which the edit
   * distance alone does not reach.
   */
  private <E> Bound<E> choice(Fields f, String key, E absent, Labels<E> options) {
    Node n = f.node(key);
    if (n instanceof Node.Scalar s && s.isString() && !options.contains(s.text())
        && Spelling.suggest(s.text(), options.names()).isEmpty()) {
      for (String option : options.names()) {
        if (abbreviates(s.text(), option)) {
          return values.reject(n, f.path(key), s.shown() + " is not allowed (did you mean '" + option
              + "'?) (allowed " + options.joined(" | ") + ")");
        }
      }
    }
    return f.choice(key, absent, options);
  }

  /** Returns whether {@code word} is {@code option}'s first letter followed by some of its others. */
  private static boolean abbreviates(String word, String option) {
    String w = word.toLowerCase(Locale.ROOT);
    String o = option.toLowerCase(Locale.ROOT);
    if (w.length() < 2 || w.length() >= o.length() || w.charAt(0) != o.charAt(0)) {
      return false;
    }
    int i = 0;
    for (int j = 0; j < o.length() && i < w.length(); j++) {
      if (o.charAt(j) == w.charAt(i)) {
        i++;
      }
    }
    return i == w.length();
  }

  private static Integer toInt(Long value) {
    return value == null ? null : value.intValue();
  }
}
