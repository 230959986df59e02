package dev.lambdasim.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Binds a function's {@code traffic} list: each item is a mapping with exactly one key, its kind. */
final class TrafficBinder {

  static final List<String> SUPPORTED = List.of("poisson", "constant", "burst");
  static final List<String> LATER = List.of("ramp", "spike", "diurnal", "periodic", "mmpp", "trace");

  private final Values values;
  private final Long horizonNanos;

  /** {@code horizonNanos} is the scenario duration, or null when it is itself invalid. */
  TrafficBinder(Values values, Long horizonNanos) {
    this.values = values;
    this.horizonNanos = horizonNanos;
  }

  /** Returns the sources, skipping invalid ones (their problems are recorded). */
  List<TrafficSpec> bind(Node node, String path) {
    List<TrafficSpec> sources = new ArrayList<>();
    if (!(node instanceof Node.Sequence list)) {
      values.report(node, path, node.shown() + " is not allowed here; expected a list of sources, e.g. "
          + "[{poisson: {rate: 20/s}}] (kinds " + String.join(", ", SUPPORTED) + ")");
      return sources;
    }
    if (list.items().isEmpty()) {
      values.report(node, path, "the list is empty; at least 1 traffic source is needed");
      return sources;
    }
    // Streams are numbered per kind, so adding a source of another kind renames nothing.
    Map<String, Integer> perKind = new HashMap<>();
    for (int i = 0; i < list.items().size(); i++) {
      Node item = list.items().get(i);
      String itemPath = path + "[" + i + "]";
      if (!(item instanceof Node.Mapping m) || m.values().size() != 1) {
        values.report(item, itemPath, (item instanceof Node.Mapping ? "a mapping with "
            + ((Node.Mapping) item).values().size() + " keys" : item.shown())
            + " is not a traffic source; write a mapping with exactly one key, the kind ("
            + String.join(", ", SUPPORTED) + "), e.g. {poisson: {rate: 20/s}}");
        continue;
      }
      String kind = m.values().keySet().iterator().next();
      Location kindAt = m.keys().get(kind);
      if (LATER.contains(kind)) {
        values.problems().add(kindAt, itemPath + "." + kind, "traffic kind '" + kind
            + "' is not supported yet (supported: " + String.join(", ", SUPPORTED) + ")");
        continue;
      }
      if (!SUPPORTED.contains(kind)) {
        List<String> all = new ArrayList<>(SUPPORTED);
        all.addAll(LATER);
        values.problems().add(kindAt, itemPath + "." + kind, "unknown traffic kind '" + kind + "'"
            + Spelling.suggest(kind, all) + " (allowed " + String.join(", ", SUPPORTED) + ")");
        continue;
      }
      int k = perKind.merge(kind, 1, Integer::sum) - 1;
      TrafficSpec source = source(kind, kind + "#" + k, m.values().get(kind), itemPath + "." + kind);
      if (source != null) {
        sources.add(source);
      }
    }
    return sources;
  }

  private TrafficSpec source(String kind, String stream, Node node, String path) {
    if (kind.equals("burst")) {
      Fields f = Fields.of(node, path, values, List.of("at", "count"));
      Node atNode = f.required("at", "a duration from the start, e.g. 1h");
      Long at = atNode == null ? null : values.duration(atNode, f.path("at"));
      Node countNode = f.required("count", "an integer >= 1");
      Long count = countNode == null ? null : values.integer(countNode, f.path("count"), 1, Long.MAX_VALUE);
      if (at != null && horizonNanos != null && at >= horizonNanos) {
        values.report(atNode, f.path("at"), atNode.shown() + " is not before the scenario duration "
            + "(allowed: at < duration)");
        return null;
      }
      return at == null || count == null ? null : new TrafficSpec.Burst(stream, at, count);
    }
    Fields f = Fields.of(node, path, values, List.of("rate", "from", "to"));
    Node rateNode = f.required("rate", "a rate such as 20/s");
    Double rate = rateNode == null ? null : values.rate(rateNode, f.path("rate"));
    Long from = f.has("from") ? values.duration(f.node("from"), f.path("from")) : Long.valueOf(0);
    Long to = f.has("to") ? values.duration(f.node("to"), f.path("to")) : Long.valueOf(Long.MAX_VALUE);
    if (from != null && to != null && from >= to) {
      values.report(f.node("to"), f.path("to"), f.node("to").shown() + " is not after from "
          + (f.has("from") ? f.node("from").shown() : "0s") + " (allowed: from < to)");
      return null;
    }
    if (rate == null || from == null || to == null) {
      return null;
    }
    return kind.equals("poisson")
        ? new TrafficSpec.Poisson(stream, rate, from, to)
        : new TrafficSpec.Constant(stream, rate, from, to);
  }
}
