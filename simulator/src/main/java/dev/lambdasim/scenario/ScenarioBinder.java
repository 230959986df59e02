package dev.lambdasim.scenario;

import dev.lambdasim.spec.AccountSpec;
import dev.lambdasim.spec.FunctionSpec;
import dev.lambdasim.spec.PricingSpec;
import dev.lambdasim.spec.Scenario;
import dev.lambdasim.spec.TimeUnits;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/** Binds the whole tree to a {@link Scenario} and runs the checks that span several fields. */
final class ScenarioBinder {

  static final List<String> FIELDS = List.of("name", "description", "seed", "duration", "warmup",
      "metricsPeriod", "account", "pricing", "functions", "fleet");
  /** Names an output folder, so it must not be "." or ".." (or any name of dots only). */
  static final Pattern NAME = Pattern.compile("(?=.*[a-z0-9])[a-z0-9._-]+");
  /** Stands in for a horizon or period that was reported; the load fails. */
  private static final long REPORTED_NANOS = 1;

  private final Values values;
  private final ScenarioFolder folder;

  ScenarioBinder(Values values, ScenarioFolder folder) {
    this.values = values;
    this.folder = folder;
  }

  /** Returns the scenario; it is only meaningful when no problem was recorded. */
  Scenario bind(Node root, Path source) {
    Fields f = Fields.of(root, "", values, FIELDS);
    Bound<String> name = f.required("name", "matching [a-z0-9._-]+; it names the output folder",
        values::text);
    if (name.ok() && name.get().length() > Limits.MAX_NAME_CHARS) {
      values.report(f.node("name"), "name", "a name of " + name.get().length() + " characters is "
          + "too long (allowed 1.." + Limits.MAX_NAME_CHARS + " characters, since it names the "
          + "output folder)");
    } else if (name.ok() && !NAME.matcher(name.get()).matches()) {
      values.report(f.node("name"), "name", f.node("name").shown()
          + " is not a valid scenario name (allowed: one or more of a-z 0-9 . _ -, with at least"
          + " one letter or digit, since it names the output folder)");
    }
    Bound<String> description = f.text("description", "");
    Bound<Long> seed = f.integer("seed", Scenario.DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE);
    // Optional when all traffic is finite: the horizon then follows from the traffic itself.
    Bound<OptionalLong> written = f.optional("duration", OptionalLong.empty(),
        (n, p) -> values.positiveDuration(n, p).map(OptionalLong::of));
    OptionalLong horizon = written.or(OptionalLong.empty());
    Bound<Long> warmup = f.duration("warmup", Scenario.DEFAULT_WARMUP_NANOS, 0, Long.MAX_VALUE, "0s", null);
    Bound<Long> metricsPeriod = f.has("duration") ? metricsPeriod(f, written) : Bound.reported();
    Bound<AccountSpec> account = new AccountBinder(values).bind(f.node("account"), "account");
    PricingSpec pricing = new PricingBinder(values).bind(f.node("pricing"), "pricing");
    List<FunctionSpec> functions = functions(f, horizon);
    if (account.ok()) {
      checkClaims(f, account.get(), functions);
    }
    checkEmptyTraffic(f, functions);
    functions = withFleet(f, horizon, account, functions);
    Bound<Long> duration = f.has("duration") ? written.map(OptionalLong::getAsLong) : Bound.reported();
    String durationText = f.has("duration") ? f.node("duration").shown() : null;
    long firstArrival = 0;
    // The horizon is taken from the traffic only from valid traffic: it replays every source.
    // Otherwise what can be checked without it still is, so that one pass reports every problem.
    FiniteHorizon finite = new FiniteHorizon(values, f);
    if (!f.has("duration") && values.problems().any()) {
      finite.checkEnds(functions);
      metricsPeriod = f.duration("metricsPeriod", Scenario.DEFAULT_METRICS_PERIOD_NANOS,
          TimeUnits.SECOND, Long.MAX_VALUE, "1s", null);
    } else if (!f.has("duration")) {
      duration = finite.of(functions, seed.or(Scenario.DEFAULT_SEED));
      firstArrival = finite.firstArrivalNanos();
      durationText = duration.ok() ? "the horizon of the traffic, "
          + Values.plain(duration.get() / 1e9) + "s" : null;
      String maxText = durationText;
      metricsPeriod = duration.then(d -> f.optional("metricsPeriod", defaultMetricsPeriod(d),
          (n, p) -> values.duration(n, p, TimeUnits.SECOND, Math.max(d, TimeUnits.SECOND), "1s",
              maxText)));
    }
    if (Bound.allOk(duration, metricsPeriod)) {
      checkMetricPeriods(f, duration.get(), metricsPeriod.get(),
          f.has("duration") ? durationText : durationText + ",", firstArrival);
    }
    if (Bound.allOk(warmup, duration) && warmup.get() >= duration.get()) {
      values.report(f.node("warmup"), "warmup", f.node("warmup").shown()
          + " is not shorter than duration " + durationText + " (allowed: 0s <= warmup < duration)");
    }
    return new Scenario(name.or(""), description.or(""), seed.or(Scenario.DEFAULT_SEED),
        duration.or(REPORTED_NANOS), warmup.or(Scenario.DEFAULT_WARMUP_NANOS),
        metricsPeriod.or(REPORTED_NANOS), account.or(AccountSpec.defaults()), pricing, functions,
        source);
  }

  /**
   * Bounds the rows of metrics.csv and the points of each chart (see {@link Limits}); reported at
   * metricsPeriod when it is written, else where the duration is (or would be) written.
   */
  private void checkMetricPeriods(Fields f, long durationNanos, long periodNanos,
      String durationText, long firstArrivalNanos) {
    long periods = Limits.metricPeriods(durationNanos, periodNanos);
    if (periods <= Limits.MAX_METRIC_PERIODS) {
      return;
    }
    String hint = "; write a metricsPeriod of at least "
        + Units.shown(Limits.shortestMetricsPeriodNanos(durationNanos))
        + (f.has("duration") ? " or a shorter duration" : "");
    if (!f.has("duration") && firstArrivalNanos > durationNanos / 2) {
      hint += ", or, if the trace's timestamps count from an epoch (the traffic starts only at "
          + Values.plain(firstArrivalNanos / 1e9) + "s), offset: first on the trace";
    }
    String message = durationText + " holds " + periods + " metric periods of "
        + Units.shown(periodNanos) + " (allowed at most " + Limits.MAX_METRIC_PERIODS + ")" + hint;
    if (f.has("metricsPeriod")) {
      values.report(f.node("metricsPeriod"), "metricsPeriod",
          (f.has("duration") ? "duration " : "") + message);
    } else if (f.has("duration")) {
      values.report(f.node("duration"), "duration", message);
    } else {
      values.problems().add(f.at(), "duration", message);
    }
  }

  /** The 1m default shrinks to fit a shorter run rather than fail on a field the user never wrote. */
  private static long defaultMetricsPeriod(long durationNanos) {
    return Math.min(Scenario.DEFAULT_METRICS_PERIOD_NANOS, Math.max(durationNanos, TimeUnits.SECOND));
  }

  /** Returns the metrics period of a scenario whose duration is written (and maybe reported). */
  private Bound<Long> metricsPeriod(Fields f, Bound<OptionalLong> duration) {
    if (!f.has("metricsPeriod")) {
      return Bound.of(duration.ok() ? defaultMetricsPeriod(duration.get().getAsLong())
          : Scenario.DEFAULT_METRICS_PERIOD_NANOS);
    }
    if (duration.isReported()) {
      return f.duration("metricsPeriod", null, TimeUnits.SECOND, Long.MAX_VALUE, "1s", null);
    }
    long d = duration.get().getAsLong();
    return f.duration("metricsPeriod", null, TimeUnits.SECOND, Math.max(d, TimeUnits.SECOND),
        "1s", "the duration " + ((Node.Scalar) f.node("duration")).text());
  }

  private List<FunctionSpec> functions(Fields f, OptionalLong horizon) {
    List<FunctionSpec> out = new ArrayList<>();
    if (f.has("fleet") && !f.has("functions")) {
      return out;
    }
    Bound<Node> required = f.required("functions", "a list of at least 1 function, or a fleet");
    if (required.isReported()) {
      return out;
    }
    Node node = required.get();
    if (!(node instanceof Node.Sequence list)) {
      values.report(node, "functions", node.shown() + " is not allowed here; expected a list of functions");
      return out;
    }
    if (list.items().isEmpty() && !f.has("fleet")) {
      values.report(node, "functions", "the list is empty; at least 1 function is needed");
      return out;
    }
    FunctionBinder binder = functionBinder(horizon);
    Map<String, Node> firstByName = new HashMap<>();
    for (int i = 0; i < list.items().size(); i++) {
      Node item = list.items().get(i);
      String path = "functions[" + i + "]";
      FunctionSpec spec = binder.bind(item, path);
      out.add(spec);
      Node nameNode = item instanceof Node.Mapping m ? m.values().get("name") : null;
      if (nameNode != null && !spec.name().isEmpty()) {
        Node first = firstByName.putIfAbsent(spec.name(), nameNode);
        if (first != null) {
          values.report(nameNode, path + ".name", "duplicate function name " + nameNode.shown()
              + " (first used at line " + first.at().line() + "; allowed: unique names)");
        }
      }
    }
    return out;
  }

  private FunctionBinder functionBinder(OptionalLong horizon) {
    return new FunctionBinder(values, new DistributionBinder(values, folder),
        new TrafficBinder(values, horizon, folder), new ProvisionedBinder(values, horizon));
  }

  /** Appends the fleet's functions (FleetBinder), if the scenario has a fleet. */
  private List<FunctionSpec> withFleet(Fields f, OptionalLong horizon, Bound<AccountSpec> account,
      List<FunctionSpec> written) {
    if (!f.has("fleet")) {
      return written;
    }
    FleetBinder fleet = new FleetBinder(values, functionBinder(horizon),
        new TraceSourceBinder(values, folder), horizon);
    List<FunctionSpec> all = new ArrayList<>(written);
    all.addAll(fleet.bind(f.node("fleet"), written, account));
    return all;
  }

  /** A function without traffic must be another function's async destination. */
  private void checkEmptyTraffic(Fields f, List<FunctionSpec> functions) {
    Set<String> destinations = new HashSet<>();
    for (FunctionSpec fn : functions) {
      destinations.add(fn.invocation().async().onSuccess());
      destinations.add(fn.invocation().async().onFailure());
    }
    Node.Sequence list = f.node("functions") instanceof Node.Sequence s ? s : null;
    for (int i = 0; i < functions.size(); i++) {
      FunctionSpec fn = functions.get(i);
      if (fn.traffic().isEmpty() && !destinations.contains(fn.name()) && list != null
          && list.items().get(i) instanceof Node.Mapping m
          && m.values().get("traffic") instanceof Node.Sequence written
          && written.items().isEmpty()) {
        values.report(m.values().get("traffic"), "functions[" + i + "].traffic",
            "the list is empty and no function sends its events here (allowed: at least 1 "
                + "traffic source, or name this function in another's async onSuccess/onFailure)");
      }
    }
  }

  /** Reserved (or else provisioned) concurrency must leave the unreserved minimum free. */
  private void checkClaims(Fields f, AccountSpec account, List<FunctionSpec> functions) {
    ConcurrencyClaims claims = new ConcurrencyClaims(account);
    List<String> parts = new ArrayList<>();
    Node.Sequence list = f.node("functions") instanceof Node.Sequence s ? s : null;
    for (int i = 0; i < functions.size(); i++) {
      FunctionSpec fn = functions.get(i);
      long claim = claims.add(fn);
      if (claim <= 0) {
        continue;
      }
      parts.add(fn.name() + " " + claim);
      if (claims.exceeded() && list != null && list.items().get(i) instanceof Node.Mapping m) {
        String key = ConcurrencyClaims.claimField(fn);
        values.report(m.values().get(key), "functions[" + i + "]." + key, "functions claim "
            + claims.total() + " concurrency in total (" + String.join(" + ", parts) + "), "
            + claims.limitText());
        return;
      }
    }
  }
}
