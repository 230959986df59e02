package dev.lambdasim.scenario;

import dev.lambdasim.spec.ProvisionedSpec;

import dev.lambdasim.spec.ProvisionedSpec.AllocationRamp;
import dev.lambdasim.spec.ProvisionedSpec.AutoscalingSpec;
import dev.lambdasim.spec.ProvisionedSpec.ScheduledAction;
import dev.lambdasim.spec.ProvisionedSpec.Statistic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

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
  static final int MAX_COUNT = 1_000_000;

  private static final long SECOND = 1_000_000_000L;
  private static final long MINUTE = 60 * SECOND;
  // Ordered, so that "allowed A | B" reads the same in every run (Map.of's order is not fixed).
  private static final Map<String, Statistic> STATISTICS =
      labels(Statistic.values(), Statistic::label);
  private static final Map<String, AllocationRamp> RAMPS =
      labels(AllocationRamp.values(), AllocationRamp::label);

  private final Values values;
  private final Long horizonNanos;

  /** {@code horizonNanos} is the scenario duration, or null when it is itself invalid. */
  ProvisionedBinder(Values values, Long horizonNanos) {
    this.values = values;
    this.horizonNanos = horizonNanos;
  }

  /** Returns the spec, or null when something was reported. */
  ProvisionedSpec bind(Node node, String path) {
    if (node == null) {
      return ProvisionedSpec.fixed(0);
    }
    if (!(node instanceof Node.Mapping)) {
      Long count = values.integer(node, path, 0, MAX_COUNT);
      return count == null ? null : ProvisionedSpec.fixed(count.intValue());
    }
    int before = values.problems().count();
    Fields f = Fields.of(node, path, values, FIELDS);
    List<ScheduledAction> schedule = f.has("schedule")
        ? schedule(f.node("schedule"), f.path("schedule")) : List.of();
    AutoscalingSpec autoscaling = f.has("autoscaling")
        ? autoscaling(f.node("autoscaling"), f.path("autoscaling")) : null;
    Long fixed;
    if (f.has("fixed")) {
      fixed = f.integer("fixed", 0L, 0, MAX_COUNT);
    } else if (!f.has("schedule") && !f.has("autoscaling")) {
      f.required("fixed", "an integer >= 0, or a schedule or autoscaling");
      fixed = null;
    } else {
      fixed = autoscaling == null ? 0L : (long) autoscaling.min();
    }
    Long delay = f.duration("allocationDelay", ProvisionedSpec.DEFAULT_ALLOCATION_DELAY_NANOS, 0,
        15 * MINUTE, "0s", "15m");
    AllocationRamp ramp = choice(f, "allocationRamp", AllocationRamp.CURRENT, RAMPS);
    for (int i = 0; i < schedule.size(); i++) {
      ScheduledAction action = schedule.get(i);
      if ((action.min() != null || action.max() != null) && !f.has("autoscaling")) {
        values.report(((Node.Sequence) f.node("schedule")).items().get(i),
            f.path("schedule") + "[" + i + "]", "min and max bound the auto scaler, but there is "
                + "no autoscaling block (allowed: value alone, or add autoscaling)");
      }
    }
    if (autoscaling != null && fixed != null && f.has("fixed")
        && (fixed < autoscaling.min() || fixed > autoscaling.max())) {
      values.report(f.node("fixed"), f.path("fixed"), fixed + " is outside the auto scaler's "
          + "bounds (allowed " + autoscaling.min() + ".." + autoscaling.max() + ")");
    }
    if (values.problems().count() > before || fixed == null || delay == null || ramp == null) {
      return null;
    }
    return new ProvisionedSpec(fixed.intValue(), schedule, autoscaling, delay, ramp);
  }

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
      Node at = a.required("at", "an offset from the start of the run, e.g. 8h");
      Long atNanos = at == null ? null : values.duration(at, a.path("at"));
      if (atNanos != null && horizonNanos != null && atNanos >= horizonNanos) {
        values.report(at, a.path("at"), at.shown() + " is not before the scenario duration, so "
            + "the action would never happen (allowed: at < duration)");
      }
      Long repeat = a.duration("repeat", 0L, MINUTE, Long.MAX_VALUE, "1m", null);
      Long value = a.integer("value", null, 0, MAX_COUNT);
      Long min = a.integer("min", null, 0, MAX_COUNT);
      Long max = a.integer("max", null, 0, MAX_COUNT);
      if (!a.has("value") && !a.has("min") && !a.has("max")) {
        values.report(item, itemPath, "an action needs value, or min and/or max (allowed: "
            + "{at: 8h, value: 50} or {at: 8h, min: 5, max: 100})");
      }
      if (min != null && max != null && min > max) {
        values.report(a.node("min"), a.path("min"), min + " is above max " + max
            + " (allowed: min <= max)");
      }
      if (atNanos != null && repeat != null) {
        actions.add(new ScheduledAction(atNanos, repeat, toInt(value), toInt(min), toInt(max)));
      }
    }
    return actions;
  }

  private AutoscalingSpec autoscaling(Node node, String path) {
    Fields a = Fields.of(node, path, values, AUTOSCALING_FIELDS);
    Double target = a.decimal("targetUtilization", 0.7, 0.1, 0.9);
    Long min = a.integer("min", 0L, 0, MAX_COUNT);
    Node maxNode = a.required("max", "the most provisioned concurrency the auto scaler may set");
    Long max = maxNode == null ? null : values.integer(maxNode, a.path("max"), 0, MAX_COUNT);
    Statistic statistic = choice(a, "statistic", Statistic.AVERAGE, STATISTICS);
    Long outPoints = a.integer("scaleOutDataPoints",
        (long) AutoscalingSpec.DEFAULT_SCALE_OUT_DATA_POINTS, 1, 60);
    Long inPoints = a.integer("scaleInDataPoints",
        (long) AutoscalingSpec.DEFAULT_SCALE_IN_DATA_POINTS, 1, 1440);
    Double inRatio = a.decimal("scaleInRatio", AutoscalingSpec.DEFAULT_SCALE_IN_RATIO, 0.1, 1.0);
    Long outCooldown = a.duration("scaleOutCooldown", 0L, 0, Long.MAX_VALUE, "0s", null);
    Long inCooldown = a.duration("scaleInCooldown", 0L, 0, Long.MAX_VALUE, "0s", null);
    if (min != null && max != null && min > max) {
      values.report(a.node("min"), a.path("min"), min + " is above max " + max
          + " (allowed: min <= max)");
      return null;
    }
    if (target == null || min == null || max == null || statistic == null || outPoints == null
        || inPoints == null || inRatio == null || outCooldown == null || inCooldown == null) {
      return null;
    }
    return new AutoscalingSpec(target, min.intValue(), max.intValue(), statistic,
        outPoints.intValue(), inPoints.intValue(), inRatio, outCooldown, inCooldown);
  }

  /**
   * Returns the option named by the field, like {@link Fields#choice}, but also suggests the
   * option a short form abbreviates ("Avg" → "Average", "max" → "Maximum"), which the edit
   * distance alone does not reach.
   */
  private <E> E choice(Fields f, String key, E absent, Map<String, E> options) {
    Node n = f.node(key);
    if (n instanceof Node.Scalar s && s.isString() && !options.containsKey(s.text())
        && Spelling.suggest(s.text(), options.keySet()).isEmpty()) {
      for (String option : options.keySet()) {
        if (abbreviates(s.text(), option)) {
          values.report(n, f.path(key), s.shown() + " is not allowed (did you mean '" + option
              + "'?) (allowed " + String.join(" | ", options.keySet()) + ")");
          return null;
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

  private static <E> Map<String, E> labels(E[] constants, Function<E, String> label) {
    Map<String, E> m = new LinkedHashMap<>();
    for (E e : constants) {
      m.put(label.apply(e), e);
    }
    return Collections.unmodifiableMap(m);
  }

  private static Integer toInt(Long value) {
    return value == null ? null : value.intValue();
  }
}
