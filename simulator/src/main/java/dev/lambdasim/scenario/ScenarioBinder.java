package dev.lambdasim.scenario;

import dev.lambdasim.spec.AccountSpec;
import dev.lambdasim.spec.FunctionSpec;
import dev.lambdasim.spec.PricingSpec;
import dev.lambdasim.spec.Scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Binds the whole tree to a {@link Scenario} and runs the checks that span several fields. */
final class ScenarioBinder {

  static final List<String> FIELDS = List.of("name", "description", "seed", "duration", "warmup",
      "metricsPeriod", "account", "pricing", "functions", "fleet");
  /** Names an output folder, so it must not be "." or ".." (or any name of dots only). */
  static final Pattern NAME = Pattern.compile("(?=.*[a-z0-9])[a-z0-9._-]+");

  private final Values values;
  private final ScenarioFolder folder;

  ScenarioBinder(Values values, ScenarioFolder folder) {
    this.values = values;
    this.folder = folder;
  }

  /** Returns the scenario; it is only meaningful when no problem was recorded. */
  Scenario bind(Node root, Path source) {
    Fields f = Fields.of(root, "", values, FIELDS);
    Node nameNode = f.required("name", "matching [a-z0-9._-]+; it names the output folder");
    String name = nameNode == null ? null : values.text(nameNode, "name");
    if (name != null && !NAME.matcher(name).matches()) {
      values.report(nameNode, "name", nameNode.shown()
          + " is not a valid scenario name (allowed: one or more of a-z 0-9 . _ -, with at least"
          + " one letter or digit, since it names the output folder)");
    }
    String description = f.text("description", "");
    Long seed = f.integer("seed", 1L, Long.MIN_VALUE, Long.MAX_VALUE);
    // Optional when all traffic is finite: the horizon then follows from the traffic itself.
    Node durationNode = f.node("duration");
    Long duration = durationNode == null ? null : values.positiveDuration(durationNode, "duration");
    Long warmup = f.duration("warmup", 0L, 0, Long.MAX_VALUE, "0s", null);
    Long metricsPeriod = durationNode == null ? null : metricsPeriod(f, duration, durationNode);
    AccountSpec account = new AccountBinder(values).bind(f.node("account"), "account");
    PricingSpec pricing = new PricingBinder(values).bind(f.node("pricing"), "pricing");
    List<FunctionSpec> functions = functions(f, duration);
    checkClaims(f, account, functions);
    checkEmptyTraffic(f, functions);
    functions = withFleet(f, duration, account, functions);
    String durationText = durationNode == null ? null : durationNode.shown();
    if (durationNode == null && !values.problems().any()) {
      duration = new FiniteHorizon(values, f).of(functions, seed == null ? 1 : seed);
      durationText = duration == null ? null : "the horizon of the traffic, "
          + Values.plain(duration / 1e9) + "s";
      if (duration != null && f.has("metricsPeriod")) {
        metricsPeriod = f.duration("metricsPeriod", null, FunctionBinder.SECOND,
            Math.max(duration, FunctionBinder.SECOND), "1s", durationText);
      } else if (duration != null) {
        metricsPeriod = Math.min(FunctionBinder.MINUTE, Math.max(duration, FunctionBinder.SECOND));
      }
    }
    if (warmup != null && duration != null && warmup >= duration) {
      values.report(f.node("warmup"), "warmup", f.node("warmup").shown()
          + " is not shorter than duration " + durationText + " (allowed: 0s <= warmup < duration)");
    }
    return new Scenario(name == null ? "" : name, description, seed == null ? 1 : seed,
        duration == null ? 1 : duration, warmup == null ? 0 : warmup,
        metricsPeriod == null ? 1 : metricsPeriod, account, pricing, functions, source);
  }

  private Long metricsPeriod(Fields f, Long duration, Node durationNode) {
    long minute = FunctionBinder.MINUTE;
    if (!f.has("metricsPeriod")) {
      // The 1m default shrinks to fit a shorter run rather than fail on a field the user never wrote.
      return duration == null ? minute : Math.min(minute, Math.max(duration, FunctionBinder.SECOND));
    }
    if (duration == null) {
      return f.duration("metricsPeriod", null, FunctionBinder.SECOND, Long.MAX_VALUE, "1s", null);
    }
    return f.duration("metricsPeriod", null, FunctionBinder.SECOND, Math.max(duration, FunctionBinder.SECOND),
        "1s", "the duration " + ((Node.Scalar) durationNode).text());
  }

  private List<FunctionSpec> functions(Fields f, Long duration) {
    List<FunctionSpec> out = new ArrayList<>();
    if (f.has("fleet") && !f.has("functions")) {
      return out;
    }
    Node node = f.required("functions", "a list of at least 1 function, or a fleet");
    if (node == null) {
      return out;
    }
    if (!(node instanceof Node.Sequence list)) {
      values.report(node, "functions", node.shown() + " is not allowed here; expected a list of functions");
      return out;
    }
    if (list.items().isEmpty() && !f.has("fleet")) {
      values.report(node, "functions", "the list is empty; at least 1 function is needed");
      return out;
    }
    DistributionBinder distributions = new DistributionBinder(values, folder);
    FunctionBinder binder = new FunctionBinder(values, distributions,
        new TrafficBinder(values, duration, folder), new ProvisionedBinder(values, duration));
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

  /** Appends the fleet's functions (FleetBinder), if the scenario has a fleet. */
  private List<FunctionSpec> withFleet(Fields f, Long duration, AccountSpec account,
      List<FunctionSpec> written) {
    if (!f.has("fleet")) {
      return written;
    }
    TrafficBinder traffic = new TrafficBinder(values, duration, folder);
    FunctionBinder binder = new FunctionBinder(values, new DistributionBinder(values, folder),
        traffic, new ProvisionedBinder(values, duration));
    List<FunctionSpec> all = new ArrayList<>(written);
    all.addAll(new FleetBinder(values, binder, traffic, duration).bind(f.node("fleet"), written, account));
    return all;
  }

  /** A function without traffic must be another function's async destination. */
  private void checkEmptyTraffic(Fields f, List<FunctionSpec> functions) {
    java.util.Set<String> destinations = new java.util.HashSet<>();
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
    long available = (long) account.concurrencyLimit() - account.unreservedMinimum();
    long total = 0;
    List<String> parts = new ArrayList<>();
    Node.Sequence list = f.node("functions") instanceof Node.Sequence s ? s : null;
    for (int i = 0; i < functions.size(); i++) {
      FunctionSpec fn = functions.get(i);
      // Provisioned concurrency that changes over time claims its largest possible value.
      long claim = fn.concurrency().hasReserved() ? fn.concurrency().reserved()
          : fn.concurrency().provisioned().maxPossible();
      if (claim <= 0) {
        continue;
      }
      total += claim;
      parts.add(fn.name() + " " + claim);
      if (total > available && list != null && list.items().get(i) instanceof Node.Mapping m) {
        String key = fn.concurrency().hasReserved() ? "reservedConcurrency" : "provisionedConcurrency";
        values.report(m.values().get(key), "functions[" + i + "]." + key, "functions claim "
            + total + " concurrency in total (" + String.join(" + ", parts) + "), more than "
            + "concurrencyLimit " + account.concurrencyLimit() + " - unreservedMinimum "
            + account.unreservedMinimum() + " = " + available + " (allowed: total <= " + available + ")");
        return;
      }
    }
  }
}
