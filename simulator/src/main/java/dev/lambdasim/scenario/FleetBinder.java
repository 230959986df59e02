package dev.lambdasim.scenario;

import dev.lambdasim.spec.AccountSpec;
import dev.lambdasim.spec.DistributionSpec;
import dev.lambdasim.spec.FleetReplay;
import dev.lambdasim.spec.FunctionSpec;
import dev.lambdasim.spec.TrafficSpec;

import dev.lambdasim.workload.trace.FleetTraceData;
import dev.lambdasim.workload.trace.TraceException;
import dev.lambdasim.spec.TraceFormat;
import dev.lambdasim.workload.trace.TraceFunctions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds {@code fleet:}: one simulated function per function of a multi-function trace, each a
 * copy of {@code template} with the matching {@code overrides} applied, named
 * {@code f-<8 hex digits of the SHA-256 of its original id>}.
 *
 * <p>The trace's functions are found by one streaming pass when the scenario is loaded
 * ({@link TraceFunctions}). The template and each combination of overrides that some function
 * matches is bound once, so a problem is reported once, not once per function.
 */
final class FleetBinder {

  static final List<String> FIELDS = List.of("trace", "template", "overrides", "topN");
  static final long DEFAULT_TOP_N = 20;
  /** What a template may set: every function field but those the trace decides. */
  static final List<String> TEMPLATE_FIELDS = FunctionBinder.FIELDS.stream()
      .filter(k -> !k.equals("name") && !k.equals("traffic")).toList();
  private static final int SHORT_HEX = 8;
  private static final int LONG_HEX = 16;
  private static final String PROTOTYPE_NAME = "fleet-template";

  private final Values values;
  private final FunctionBinder functions;
  private final TrafficBinder traffic;
  private final Long horizonNanos;

  FleetBinder(Values values, FunctionBinder functions, TrafficBinder traffic, Long horizonNanos) {
    this.values = values;
    this.functions = functions;
    this.traffic = traffic;
    this.horizonNanos = horizonNanos;
  }

  /**
   * Returns the fleet's functions, in order of first appearance in the trace; none when a
   * problem was found. {@code written} are the functions of {@code functions:}, whose names
   * and claims the fleet's must leave room for.
   */
  List<FunctionSpec> bind(Node node, List<FunctionSpec> written, AccountSpec account) {
    int before = values.problems().count();
    Fields f = Fields.of(node, "fleet", values, FIELDS);
    Node traceNode = f.required("trace", "the trace, e.g. {file: traces/azure2021_first199.csv, format: azure-2021}");
    SideFiles side = traceNode == null ? null : sideFiles(traceNode);
    TrafficSpec.Trace trace = traceNode == null ? null : trace(side == null ? traceNode : side.rest());
    Long topN = f.integer("topN", DEFAULT_TOP_N, 0, 1_000_000);
    Node templateNode = f.required("template", "the function fields every fleet function starts "
        + "from, e.g. {memoryMb: 512, duration: {dist: lognormal, median: 80ms, p99: 400ms}}");
    Node.Mapping template = templateNode == null ? null
        : fieldsOnly(templateNode, "fleet.template", TEMPLATE_FIELDS);
    List<Node.Mapping> overrides = overrides(f);
    if (template != null && overrides != null && side != null) {
      checkFromTrace(template, overrides, side);
    }
    if (trace == null || template == null || overrides == null || topN == null || side == null
        || values.problems().count() > before) {
      return List.of();
    }
    TraceFunctions.Listing listing;
    try {
      listing = TraceFunctions.read(trace.options(), trace.offsetNanos(), trace.offsetFirst(),
          trace.fromNanos(), horizonNanos == null ? trace.toNanos() : Math.min(trace.toNanos(), horizonNanos));
    } catch (TraceException e) {
      values.problems().add(new Location(e.file(), (int) Math.min(e.line(), Integer.MAX_VALUE), 0),
          "fleet.trace.file", e.problem());
      return List.of();
    }
    List<TraceFunctions.Entry> entries = listing.functions();
    if (entries.isEmpty()) {
      values.report(((Node.Mapping) traceNode).values().get("file"), "fleet.trace.file",
          "the trace has no rows, so the fleet has no functions");
      return List.of();
    }
    List<String> ids = entries.stream().map(TraceFunctions.Entry::id).toList();
    List<String> names = names(ids);
    long offset = trace.offsetFirst() ? -listing.firstInstantNanos() : trace.offsetNanos();

    List<List<Integer>> matches = matches(overrides, ids, names);
    if (values.problems().count() > before) {
      return List.of();
    }
    Map<List<Integer>, FunctionSpec> prototypes = new HashMap<>();
    Map<List<Integer>, FromTrace> fromTrace = new HashMap<>();
    for (int i = -1; i < overrides.size(); i++) {
      List<Integer> c = i < 0 ? List.of() : List.of(i);
      Node.Mapping m = merged(template, c, overrides);
      fromTrace.put(c, FromTrace.of(m));
      prototypes.put(c, functions.bind(FromTrace.placeholders(m), i < 0 ? "fleet.template" : "fleet.overrides[" + i + "]"));
    }
    if (values.problems().count() > before) {
      return List.of();
    }
    List<FunctionSpec> specs = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      List<Integer> combination = matches.get(i);
      // Functions matched by several overrides get their combination bound once, so problems
      // that only the combination has (e.g. provisioned above reserved) are reported once.
      specs.add(prototypes.computeIfAbsent(combination, c -> {
        Node.Mapping m = merged(template, c, overrides);
        fromTrace.put(c, FromTrace.of(m));
        return functions.bind(FromTrace.placeholders(m), "fleet.overrides[" + c.get(c.size() - 1) + "]");
      }));
    }
    int[] defaults = withTraceData(specs, ids, names, matches, fromTrace, side);
    if (defaults == null || values.problems().count() > before) {
      return List.of();
    }
    FleetReplay replay = new FleetReplay(trace.options(), offset, trace.fromNanos(), trace.toNanos(),
        ids, names, listed(entries, topN.intValue()), listing.skipped(), listing.firstSkipped(),
        defaults[0], defaults[1]);
    List<FunctionSpec> out = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      out.add(specs.get(i).withName(names.get(i))
          .withTraffic(List.of(new TrafficSpec.Fleet("trace#0", replay, i))));
    }
    checkNames(f, written, out, ids);
    checkClaims(template, overrides, matches, written, out, account);
    return values.problems().count() > before ? List.of() : out;
  }

  /** Binds the trace: a multi-function format and every function. */
  private TrafficSpec.Trace trace(Node node) {
    String path = "fleet.trace";
    if (node instanceof Node.Mapping m) {
      boolean ok = true;
      if (m.values().containsKey("function")) {
        values.problems().add(m.keys().get("function"), path + ".function", "a fleet replays every "
            + "function of the trace, so 'function' is not allowed here (give functions their own "
            + "settings with fleet.overrides, or write a function with a trace source in functions)");
        ok = false;
      }
      Node format = m.values().get("format");
      if (format instanceof Node.Scalar s && (s.text().equals(TraceFormat.TIMESTAMPS.label())
          || s.text().equals(TraceFormat.CLOUDWATCH.label()))) {
        values.report(format, path + ".format", s.shown() + " traces hold one function; a fleet "
            + "needs a trace of many (allowed azure-2019 | azure-2021)");
        ok = false;
      }
      if (!ok) {
        return null;
      }
    }
    return traffic.trace("trace#0", node, path) instanceof TrafficSpec.Trace t ? t : null;
  }

  private List<Node.Mapping> overrides(Fields f) {
    List<Node.Mapping> out = new ArrayList<>();
    if (!f.has("overrides")) {
      return out;
    }
    if (!(f.node("overrides") instanceof Node.Sequence list)) {
      values.report(f.node("overrides"), "fleet.overrides", f.node("overrides").shown()
          + " is not allowed here; expected a list of {match: <original id, fleet name or glob>, ...function fields}");
      return null;
    }
    List<String> known = new ArrayList<>();
    known.add("match");
    known.addAll(TEMPLATE_FIELDS);
    boolean ok = true;
    for (int i = 0; i < list.items().size(); i++) {
      String path = "fleet.overrides[" + i + "]";
      Node.Mapping m = fieldsOnly(list.items().get(i), path, known);
      Node match = m == null ? null : m.values().get("match");
      if (m != null && match == null) {
        values.problems().add(m.at(), path + ".match", "required field 'match' is missing (an "
            + "original id such as app/func, a fleet name such as f-1a2b3c4d, or a glob with * and ?)");
      } else if (match != null && values.text(match, path + ".match") == null) {
        m = null;
      }
      if (m == null || match == null) {
        ok = false;
      } else {
        out.add(m);
      }
    }
    return ok ? out : null;
  }

  /**
   * Returns the mapping when it has only {@code known} keys (reporting the others, with a
   * word on name and traffic, which the trace decides), else null.
   */
  private Node.Mapping fieldsOnly(Node node, String path, List<String> known) {
    if (!(node instanceof Node.Mapping m)) {
      values.report(node, path, node.shown() + " is not allowed here; expected a mapping of function fields");
      return null;
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
        values.problems().add(key.getValue(), path + "." + k, "unknown field '" + k + "'"
            + Spelling.suggest(k, known) + "; allowed: " + String.join(", ", known));
      }
    }
    return ok ? m : null;
  }

  /** Returns the template with the given overrides' fields laid over it, in order, plus a name and no traffic. */
  private static Node.Mapping merged(Node.Mapping template, List<Integer> combination,
      List<Node.Mapping> overrides) {
    Node.Mapping last = combination.isEmpty() ? template : overrides.get(combination.get(combination.size() - 1));
    Node.Mapping out = new Node.Mapping(new LinkedHashMap<>(), new LinkedHashMap<>(), last.at());
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
  private List<List<Integer>> matches(List<Node.Mapping> overrides, List<String> ids, List<String> names) {
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
        values.report(matchNode, "fleet.overrides[" + o + "].match", "'" + match + "' matches no "
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

  /**
   * Returns {@code f-} and the first 8 hex digits of the SHA-256 of each id (UTF-8); ids whose
   * 8 digits collide get 16 instead, so a name depends only on the ids of the file.
   */
  static List<String> names(List<String> ids) {
    List<String> full = ids.stream().map(FleetBinder::sha256Hex).toList();
    Map<String, Integer> shortCounts = new HashMap<>();
    for (String hex : full) {
      shortCounts.merge(hex.substring(0, SHORT_HEX), 1, Integer::sum);
    }
    List<String> out = new ArrayList<>(ids.size());
    for (String hex : full) {
      String shortHex = hex.substring(0, SHORT_HEX);
      out.add("f-" + (shortCounts.get(shortHex) > 1 ? hex.substring(0, LONG_HEX) : shortHex));
    }
    if (new HashSet<>(out).size() != out.size()) {
      // 16 hex digits colliding too would take some 4 billion functions; fail loudly rather than merge.
      throw new IllegalStateException("fleet names collide even with " + LONG_HEX + " hex digits");
    }
    return out;
  }

  private static String sha256Hex(String id) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder(digest.length * 2);
      for (byte b : digest) {
        sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Returns which functions are among the {@code topN} with the most replayed arrivals (ties: first in the trace). */
  static boolean[] listed(List<TraceFunctions.Entry> entries, int topN) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingLong((Integer i) -> -entries.get(i).replayed())
        .thenComparingInt(i -> i));
    boolean[] listed = new boolean[entries.size()];
    for (int k = 0; k < Math.min(topN, order.size()); k++) {
      listed[order.get(k)] = true;
    }
    return listed;
  }

  private void checkNames(Fields f, List<FunctionSpec> written, List<FunctionSpec> fleet, List<String> ids) {
    Set<String> writtenNames = new HashSet<>();
    written.forEach(w -> writtenNames.add(w.name()));
    for (int i = 0; i < fleet.size(); i++) {
      if (writtenNames.contains(fleet.get(i).name())) {
        values.problems().add(f.at(), "fleet", "the fleet names trace function '" + ids.get(i)
            + "' " + fleet.get(i).name() + ", which is also the name of a function in functions "
            + "(allowed: names unique; rename that function)");
      }
    }
  }

  /** Reserved (or else provisioned) concurrency of every function must leave the unreserved minimum free. */
  private void checkClaims(Node.Mapping template, List<Node.Mapping> overrides,
      List<List<Integer>> matches, List<FunctionSpec> written, List<FunctionSpec> fleet,
      AccountSpec account) {
    long available = (long) account.concurrencyLimit() - account.unreservedMinimum();
    long total = 0;
    for (FunctionSpec w : written) {
      total += Math.max(0, w.concurrency().hasReserved() ? w.concurrency().reserved() : w.concurrency().provisioned().maxPossible());
    }
    long fromFunctions = total;
    for (int i = 0; i < fleet.size(); i++) {
      FunctionSpec fn = fleet.get(i);
      String key = fn.concurrency().hasReserved() ? "reservedConcurrency" : "provisionedConcurrency";
      long claim = fn.concurrency().hasReserved() ? fn.concurrency().reserved() : fn.concurrency().provisioned().maxPossible();
      total += Math.max(0, claim);
      if (claim > 0 && total > available) {
        // Point at where the claim was written: the last matching override that sets it, else the template.
        Node.Mapping at = template;
        String path = "fleet.template";
        for (int o : matches.get(i)) {
          if (overrides.get(o).values().containsKey(key)) {
            at = overrides.get(o);
            path = "fleet.overrides[" + o + "]";
          }
        }
        values.report(at.values().get(key), path + "." + key, "the fleet's functions up to " + fn.name()
            + " (" + (i + 1) + " of " + fleet.size() + ") claim " + (total - fromFunctions)
            + " concurrency, " + total + " with those in functions; more than concurrencyLimit "
            + account.concurrencyLimit() + " - unreservedMinimum " + account.unreservedMinimum()
            + " = " + available + " (allowed: total <= " + available + ")");
        return;
      }
    }
  }

  /** The azure-2019 side files a fleet's trace may name, and the trace mapping without them. */
  private record SideFiles(Node.Mapping rest, Node durationsNode, Path durations, String durationsShown,
      Node memoryNode, Path memory, String memoryShown, FleetTraceData.MemoryStatistic statistic) {}

  static final List<String> SIDE_KEYS = List.of("durations", "memory", "memoryStatistic");
  private static final Map<String, FleetTraceData.MemoryStatistic> STATISTICS = new LinkedHashMap<>();

  static {
    for (FleetTraceData.MemoryStatistic st : FleetTraceData.MemoryStatistic.values()) {
      STATISTICS.put(st.label(), st);
    }
  }

  /**
   * Takes {@code durations}, {@code memory} and {@code memoryStatistic} out of the trace
   * mapping (they are read for the whole fleet here, not by each function's reader); null when
   * something was reported.
   */
  private SideFiles sideFiles(Node node) {
    if (!(node instanceof Node.Mapping m)) {
      return new SideFiles(null, null, null, null, null, null, null, null);
    }
    Node.Mapping rest = new Node.Mapping(new LinkedHashMap<>(), new LinkedHashMap<>(), m.at());
    m.values().forEach((k, v) -> {
      if (!SIDE_KEYS.contains(k)) {
        rest.put(k, m.keys().get(k), v);
      }
    });
    boolean any = SIDE_KEYS.stream().anyMatch(m.values()::containsKey);
    if (!any) {
      return new SideFiles(rest, null, null, null, null, null, null, null);
    }
    Node format = m.values().get("format");
    boolean is2019 = format instanceof Node.Scalar fs && fs.text().equals(TraceFormat.AZURE_2019.label());
    boolean ok = true;
    Object[] durations = null;
    Object[] memory = null;
    FleetTraceData.MemoryStatistic statistic = FleetTraceData.MemoryStatistic.P99;
    for (String k : SIDE_KEYS) {
      Node v = m.values().get(k);
      if (v == null) {
        continue;
      }
      String path = "fleet.trace." + k;
      if (!is2019) {
        values.problems().add(m.keys().get(k), path, "'" + k + "' is an azure-2019 option (the "
            + "Azure 2019 dataset's side files); this trace is not azure-2019");
        ok = false;
      } else if (k.equals("memoryStatistic")) {
        statistic = values.choice(v, path, STATISTICS);
        ok &= statistic != null;
      } else {
        Object[] file = traffic.sideFile(v, path);
        ok &= file != null;
        if (k.equals("durations")) {
          durations = file;
        } else {
          memory = file;
        }
      }
    }
    if (ok && m.values().containsKey("memoryStatistic") && memory == null) {
      values.problems().add(m.keys().get("memoryStatistic"), "fleet.trace.memoryStatistic",
          "memoryStatistic is set but there is no memory file (add memory: <app_memory_percentiles file>)");
      ok = false;
    }
    if (!ok) {
      return null;
    }
    return new SideFiles(rest, m.values().get("durations"), durations == null ? null : (Path) durations[0],
        durations == null ? null : (String) durations[1], m.values().get("memory"),
        memory == null ? null : (Path) memory[0], memory == null ? null : (String) memory[1], statistic);
  }

  /** Which of a merged function's fields say {@code {from: trace}}, and whether they give a default. */
  record FromTrace(boolean memory, boolean memoryDefault, boolean duration, boolean durationDefault,
      boolean referenceWritten) {

    static final FromTrace NONE = new FromTrace(false, false, false, false, false);

    static FromTrace of(Node.Mapping m) {
      Node mem = m.values().get("memoryMb");
      Node dur = m.values().get("duration");
      return new FromTrace(isFrom(mem), isFrom(mem) && hasDefault(mem), isFrom(dur),
          isFrom(dur) && hasDefault(dur), m.values().containsKey("referenceMemoryMb"));
    }

    static boolean isFrom(Node n) {
      return n instanceof Node.Mapping m && m.values().containsKey("from");
    }

    private static boolean hasDefault(Node n) {
      return ((Node.Mapping) n).values().containsKey("default");
    }

    /**
     * Returns the mapping with each {@code {from: trace}} replaced by its default, or by a
     * placeholder the trace data then replaces (128 MB; a constant 1 ms) so the rest binds.
     */
    static Node.Mapping placeholders(Node.Mapping m) {
      if (!isFrom(m.values().get("memoryMb")) && !isFrom(m.values().get("duration"))) {
        return m;
      }
      Node.Mapping out = new Node.Mapping(new LinkedHashMap<>(), new LinkedHashMap<>(), m.at());
      m.values().forEach((k, v) -> {
        Node value = v;
        if (isFrom(v) && (k.equals("memoryMb") || k.equals("duration"))) {
          Node.Mapping from = (Node.Mapping) v;
          value = from.values().containsKey("default") ? from.values().get("default")
              : k.equals("memoryMb") ? scalar(Node.Scalar.Kind.NUMBER, "128", from.at())
              : constant(from.at());
        }
        out.put(k, m.keys().get(k), value);
      });
      return out;
    }

    private static Node.Scalar scalar(Node.Scalar.Kind kind, String text, Location at) {
      return new Node.Scalar(kind, text, kind == Node.Scalar.Kind.NUMBER ? new java.math.BigDecimal(text) : null, at);
    }

    private static Node.Mapping constant(Location at) {
      Node.Mapping d = new Node.Mapping(new LinkedHashMap<>(), new LinkedHashMap<>(), at);
      d.put("dist", at, scalar(Node.Scalar.Kind.STRING, "constant", at));
      d.put("value", at, scalar(Node.Scalar.Kind.STRING, "1ms", at));
      return d;
    }
  }

  /**
   * Checks every {@code {from: trace, default: ...}} written in the template and overrides
   * (keys, the word trace, the side file it needs) and that each side file is used.
   */
  private void checkFromTrace(Node.Mapping template, List<Node.Mapping> overrides, SideFiles side) {
    boolean memoryUsed = false;
    boolean durationsUsed = false;
    for (int i = -1; i < overrides.size(); i++) {
      Node.Mapping m = i < 0 ? template : overrides.get(i);
      String at = i < 0 ? "fleet.template" : "fleet.overrides[" + i + "]";
      for (String k : List.of("memoryMb", "duration")) {
        Node v = m.values().get(k);
        if (!FromTrace.isFrom(v)) {
          continue;
        }
        Node.Mapping from = (Node.Mapping) v;
        String path = at + "." + k;
        boolean memory = k.equals("memoryMb");
        for (Map.Entry<String, Location> key : from.keys().entrySet()) {
          if (!key.getKey().equals("from") && !key.getKey().equals("default")) {
            values.problems().add(key.getValue(), path + "." + key.getKey(), "unknown field '"
                + key.getKey() + "'; allowed: from, default");
          }
        }
        Node word = from.values().get("from");
        if (!(word instanceof Node.Scalar s && s.text().equals("trace"))) {
          values.report(word, path + ".from", word.shown() + " is not allowed here (allowed: trace)");
          continue;
        }
        if (from.values().get("default") instanceof Node.Mapping d && FromTrace.isFrom(d)) {
          values.report(d, path + ".default", "a default cannot itself be from the trace");
        }
        if (memory && side.memory() == null) {
          values.report(word, path + ".from", "memoryMb from the trace needs the app memory file: "
              + "add memory: <app_memory_percentiles.anon.dXX.csv> to fleet.trace (azure-2019)");
        } else if (!memory && side.durations() == null) {
          values.report(word, path + ".from", "duration from the trace needs the duration-percentile "
              + "file: add durations: <function_durations_percentiles.anon.dXX.csv> to fleet.trace "
              + "(azure-2019; for azure-2021 use useDurations: true and a duration here)");
        }
        memoryUsed |= memory;
        durationsUsed |= !memory;
      }
    }
    if (side.memory() != null && !memoryUsed) {
      values.report(side.memoryNode(), "fleet.trace.memory", "the memory file is read only for "
          + "memoryMb: {from: trace}, which neither the template nor an override says");
    }
    if (side.durations() != null && !durationsUsed) {
      values.report(side.durationsNode(), "fleet.trace.durations", "the duration file is read only for "
          + "duration: {from: trace}, which neither the template nor an override says");
    }
  }

  /**
   * Sets the memory and duration of the functions whose fields say {@code from: trace}, from one
   * pass over each side file; a function or app without a row takes the field's default, or is
   * an error located at the side file. Returns {functions whose duration fell back to the
   * default, functions whose memory did}, or null when something was reported.
   */
  private int[] withTraceData(List<FunctionSpec> specs, List<String> ids, List<String> names,
      List<List<Integer>> matches, Map<List<Integer>, FromTrace> fromTrace, SideFiles side) {
    Set<String> wantDurations = new HashSet<>();
    Set<String> wantApps = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      FromTrace ft = fromTrace.getOrDefault(matches.get(i), FromTrace.NONE);
      if (ft.duration()) {
        wantDurations.add(ids.get(i));
      }
      if (ft.memory()) {
        wantApps.add(app(ids.get(i)));
      }
    }
    if (wantDurations.isEmpty() && wantApps.isEmpty()) {
      return new int[2];
    }
    Map<String, long[]> durations;
    Map<String, Double> memory;
    try {
      durations = wantDurations.isEmpty() ? Map.of()
          : FleetTraceData.durations(side.durations(), side.durationsShown(), wantDurations);
      memory = wantApps.isEmpty() ? Map.of()
          : FleetTraceData.memory(side.memory(), side.memoryShown(), side.statistic(), wantApps);
    } catch (TraceException e) {
      values.problems().add(new Location(e.file(), (int) Math.min(e.line(), Integer.MAX_VALUE), 0),
          e.file().equals(side.memoryShown()) ? "fleet.trace.memory" : "fleet.trace.durations", e.problem());
      return null;
    }
    int[] defaults = new int[2];
    List<String> missingDurations = new ArrayList<>();
    List<String> missingApps = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      FromTrace ft = fromTrace.getOrDefault(matches.get(i), FromTrace.NONE);
      FunctionSpec spec = specs.get(i);
      DistributionSpec duration = spec.code().duration();
      int memoryMb = spec.code().memoryMb();
      int reference = spec.code().referenceMemoryMb();
      if (ft.duration()) {
        long[] p = durations.get(ids.get(i));
        if (p != null) {
          List<Double> nanos = new ArrayList<>();
          for (long v : p) {
            nanos.add((double) v);
          }
          duration = new DistributionSpec.Percentiles(FleetTraceData.DURATION_PROBABILITIES, nanos);
        } else if (ft.durationDefault()) {
          defaults[0]++;
        } else {
          missingDurations.add(ids.get(i) + " (" + names.get(i) + ")");
        }
      }
      if (ft.memory()) {
        Double mb = memory.get(app(ids.get(i)));
        if (mb != null) {
          memoryMb = FleetTraceData.lambdaMemoryMb(mb);
          if (!ft.referenceWritten()) {
            // Durations were measured at the app's own memory: no scaling unless a reference is written.
            reference = memoryMb;
          }
        } else if (ft.memoryDefault()) {
          defaults[1]++;
        } else if (!missingApps.contains(app(ids.get(i)))) {
          missingApps.add(app(ids.get(i)));
        }
      }
      specs.set(i, spec.withCode(spec.code().withMemoryMb(memoryMb)
          .withReferenceMemoryMb(reference).withDuration(duration)));
    }
    if (!missingDurations.isEmpty()) {
      values.problems().add(new Location(side.durationsShown(), 0, 0), "fleet.trace.durations",
          "no row for " + missingDurations.size() + " fleet function" + (missingDurations.size() == 1 ? "" : "s")
          + " whose duration is {from: trace}, e.g. " + String.join(", ",
              missingDurations.subList(0, Math.min(3, missingDurations.size())))
          + " (give a fallback: duration: {from: trace, default: {dist: ...}})");
    }
    if (!missingApps.isEmpty()) {
      values.problems().add(new Location(side.memoryShown(), 0, 0), "fleet.trace.memory",
          "no row for " + missingApps.size() + " app" + (missingApps.size() == 1 ? "" : "s")
          + " of fleet functions whose memoryMb is {from: trace}, e.g. " + String.join(", ",
              missingApps.subList(0, Math.min(3, missingApps.size())))
          + " (HashOwner/HashApp; give a fallback: memoryMb: {from: trace, default: 512})");
    }
    return missingDurations.isEmpty() && missingApps.isEmpty() ? defaults : null;
  }

  /** Returns HashOwner/HashApp of an azure-2019 id HashOwner/HashApp/HashFunction. */
  private static String app(String id) {
    return id.substring(0, id.lastIndexOf('/'));
  }
}
