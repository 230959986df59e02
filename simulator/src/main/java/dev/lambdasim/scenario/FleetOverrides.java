package dev.lambdasim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A fleet's {@code template} and {@code overrides}: the function fields every fleet function
 * starts from, and the fields laid over them for the functions each override's {@code match}
 * selects (an original id, a fleet name, or a glob), later overrides winning.
 */
final class FleetOverrides {

  /** What a template may set: every function field but those the trace decides. */
  static final List<String> TEMPLATE_FIELDS = FunctionBinder.FIELDS.stream()
      .filter(k -> !k.equals("name") && !k.equals("traffic")).toList();
  /** What an override may set: its match, and any template field. */
  static final List<String> OVERRIDE_FIELDS = overrideFields();
  /** The name every merged mapping binds under; the fleet names each function after its id. */
  private static final String PROTOTYPE_NAME = "fleet-template";

  private final Values values;

  FleetOverrides(Values values) {
    this.values = values;
  }

  private static List<String> overrideFields() {
    List<String> known = new ArrayList<>();
    known.add("match");
    known.addAll(TEMPLATE_FIELDS);
    return List.copyOf(known);
  }

  /** Returns the template's fields, or the mark of a template with fields it may not have. */
  Bound<Node.Mapping> template(Node node) {
    return fieldsOnly(node, "fleet.template", TEMPLATE_FIELDS);
  }

  /** Returns the overrides, each with a text {@code match}, or the mark of a reported one. */
  Bound<List<Node.Mapping>> overrides(Fields f) {
    List<Node.Mapping> out = new ArrayList<>();
    if (!f.has("overrides")) {
      return Bound.of(out);
    }
    if (!(f.node("overrides") instanceof Node.Sequence list)) {
      return values.reject(f.node("overrides"), "fleet.overrides", f.node("overrides").shown()
          + " is not allowed here; expected a list of {match: <original id, fleet name or glob>, ...function fields}");
    }
    boolean ok = true;
    for (int i = 0; i < list.items().size(); i++) {
      String path = "fleet.overrides[" + i + "]";
      Bound<Node.Mapping> m = fieldsOnly(list.items().get(i), path, OVERRIDE_FIELDS);
      Node match = m.ok() ? m.get().values().get("match") : null;
      if (m.ok() && match == null) {
        values.problems().add(m.get().at(), path + ".match", "required field 'match' is missing (an "
            + "original id such as app/func, a fleet name such as f-1a2b3c4d, or a glob with * and ?)");
        ok = false;
      } else if (match != null && values.text(match, path + ".match").isReported()) {
        ok = false;
      } else if (m.ok()) {
        out.add(m.get());
      } else {
        ok = false;
      }
    }
    return ok ? Bound.of(out) : Bound.reported();
  }

  /**
   * Returns the mapping when it has only {@code known} keys (reporting the others, with a
   * word on name and traffic, which the trace decides), else the mark.
   */
  private Bound<Node.Mapping> fieldsOnly(Node node, String path, List<String> known) {
    if (!(node instanceof Node.Mapping m)) {
      return values.reject(node, path, node.shown() + " is not allowed here; expected a mapping of function fields");
    }
    boolean ok = true;
    for (Map.Entry<String, Location> key : m.keys().entrySet()) {
      String k = key.getKey();
      if (known.contains(k)) {
        continue;
      }
      ok = false;
      if (k.equals("name") || k.equals("traffic")) {
        values.problems().add(key.getValue(), path + "." + k, "'" + k + "' is not allowed in a "
            + "fleet: each function is named after its trace id, and its traffic is its rows of the trace");
      } else {
        values.problems().add(key.getValue(), path + "." + k, "unknown field " + Node.clipped(k, true)
            + Spelling.suggest(k, known) + "; allowed: " + String.join(", ", known));
      }
    }
    return ok ? Bound.of(m) : Bound.reported();
  }

  /** Returns the template with the given overrides' fields laid over it, in order, plus a name and no traffic. */
  static Node.Mapping merged(Node.Mapping template, List<Integer> combination,
      List<Node.Mapping> overrides) {
    Node.Mapping last = combination.isEmpty() ? template : overrides.get(combination.get(combination.size() - 1));
    Node.Mapping out = Node.Mapping.empty(last.at());
    template.values().forEach((k, v) -> out.put(k, template.keys().get(k), v));
    for (int i : combination) {
      Node.Mapping o = overrides.get(i);
      o.values().forEach((k, v) -> {
        if (!k.equals("match")) {
          out.put(k, o.keys().get(k), v);
        }
      });
    }
    out.put("name", last.at(), new Node.Scalar(Node.Scalar.Kind.STRING, PROTOTYPE_NAME, null, last.at()));
    out.put("traffic", last.at(), Node.Sequence.empty(last.at()));
    return out;
  }

  /** Returns per function the indices of the overrides that match it; reports overrides that match none. */
  List<List<Integer>> matches(List<Node.Mapping> overrides, List<String> ids, List<String> names) {
    List<List<Integer>> out = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      out.add(new ArrayList<>());
    }
    for (int o = 0; o < overrides.size(); o++) {
      Node matchNode = overrides.get(o).values().get("match");
      String match = ((Node.Scalar) matchNode).text();
      Pattern glob = glob(match);
      boolean any = false;
      for (int i = 0; i < ids.size(); i++) {
        if (glob.matcher(ids.get(i)).matches() || glob.matcher(names.get(i)).matches()) {
          out.get(i).add(o);
          any = true;
        }
      }
      if (!any) {
        values.report(matchNode, "fleet.overrides[" + o + "].match", Node.clipped(match, true) + " matches no "
            + "function of the trace (" + ids.size() + " functions, e.g. '" + ids.get(0) + "' named "
            + names.get(0) + "; match an original id, a fleet name, or a glob with * and ?)");
      }
    }
    return out.stream().map(List::copyOf).toList();
  }

  /** Returns a pattern for a glob: {@code *} any run of characters (slashes too), {@code ?} one. */
  static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
