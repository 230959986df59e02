package dev.lambdasim.scenario;

import dev.lambdasim.spec.AccountSpec;
import dev.lambdasim.spec.FleetReplay;
import dev.lambdasim.spec.FunctionSpec;
import dev.lambdasim.spec.TraceFormat;
import dev.lambdasim.spec.TrafficSpec;
import dev.lambdasim.workload.trace.TraceException;
import dev.lambdasim.workload.trace.TraceFunctions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Binds {@code fleet:}: one simulated function per function of a multi-function trace, each a
 * copy of {@code template} with the matching {@code overrides} applied ({@link FleetOverrides}),
 * named after its original id ({@link FleetNames}).
 *
 * <p>The trace's functions are found by one streaming pass when the scenario is loaded
 * ({@link TraceFunctions}). The template and each combination of overrides that some function
 * matches is bound once, so a problem is reported once, not once per function.
 */
final class FleetBinder {

  static final List<String> FIELDS = List.of("trace", "template", "overrides", "topN");
  /** The formats whose files hold many functions. */
  static final Labels<TraceFormat> FORMATS = Labels.of(
      List.of(TraceFormat.AZURE_2019, TraceFormat.AZURE_2021), TraceFormat::label);
  /** What a fleet's trace may not set: each function replays its own rows. */
  static final String NOT_IN_TRACE = "function";

  private final Values values;
  private final FunctionBinder functions;
  private final TraceSourceBinder traces;
  private final FleetOverrides overrides;
  private final OptionalLong horizonNanos;

  /** {@code horizonNanos} is the scenario duration, empty when it is left out or itself invalid. */
  FleetBinder(Values values, FunctionBinder functions, TraceSourceBinder traces,
      OptionalLong horizonNanos) {
    this.values = values;
    this.functions = functions;
    this.traces = traces;
    this.overrides = new FleetOverrides(values);
    this.horizonNanos = horizonNanos;
  }

  /**
   * Returns the fleet's functions, in order of first appearance in the trace; none when a
   * problem was found. {@code written} are the functions of {@code functions:}, whose names
   * and claims the fleet's must leave room for; the claims are checked when the account is
   * known.
   */
  List<FunctionSpec> bind(Node node, List<FunctionSpec> written, Bound<AccountSpec> account) {
    Problems.Mark mark = values.mark();
    Fields f = Fields.of(node, "fleet", values, FIELDS);
    if (!(node instanceof Node.Mapping)) {
      // Reported once by Fields.of, not also as each required field a non-mapping cannot hold.
      return List.of();
    }
    Bound<Node> traceNode = f.required("trace", "the trace, e.g. {file: traces/azure2021_first199.csv, format: azure-2021}");
    Bound<FleetSideFiles> side = traceNode.then(n -> FleetSideFiles.of(n, values, traces.folder()));
    Bound<TrafficSpec.Trace> trace = traceNode.then(n -> trace(side.ok() ? side.get().rest() : n));
    Bound<Long> topN = f.integer("topN", (long) FleetReplay.DEFAULT_TOP_N, 0, 1_000_000);
    Bound<Node.Mapping> template = f.required("template", "the function fields every fleet function "
        + "starts from, e.g. {memoryMb: 512, duration: {dist: lognormal, median: 80ms, p99: 400ms}}")
        .then(overrides::template);
    Bound<List<Node.Mapping>> overrideList = overrides.overrides(f);
    if (Bound.allOk(template, overrideList, side)) {
      FromTrace.check(template.get(), overrideList.get(), side.get(), values);
    }
    if (!Bound.allOk(trace, template, overrideList, topN, side) || mark.reportedSince()) {
      return List.of();
    }
    return bind(f, trace.get(), template.get(), overrideList.get(), topN.get().intValue(), side.get(),
        written, account, mark);
  }

  private List<FunctionSpec> bind(Fields f, TrafficSpec.Trace trace, Node.Mapping template,
      List<Node.Mapping> overrideList, int topN, FleetSideFiles side, List<FunctionSpec> written,
      Bound<AccountSpec> account, Problems.Mark mark) {
    TraceFunctions.Listing listing;
    try {
      long toNanos = horizonNanos.isPresent() ? Math.min(trace.toNanos(), horizonNanos.getAsLong())
          : trace.toNanos();
      listing = TraceFunctions.read(trace.options(), trace.offsetNanos(), trace.offsetFirst(),
          trace.fromNanos(), toNanos);
    } catch (TraceException e) {
      values.problems().add(new Location(e.file(), (int) Math.min(e.line(), Integer.MAX_VALUE), 0),
          "fleet.trace.file", e.problem());
      return List.of();
    }
    List<TraceFunctions.Entry> entries = listing.functions();
    if (entries.isEmpty()) {
      values.report(((Node.Mapping) f.node("trace")).values().get("file"), "fleet.trace.file",
          "the trace has no rows, so the fleet has no functions");
      return List.of();
    }
    List<String> ids = entries.stream().map(TraceFunctions.Entry::id).toList();
    List<String> names = FleetNames.of(ids);
    long offset = trace.offsetFirst() ? -listing.firstInstantNanos() : trace.offsetNanos();

    List<List<Integer>> matches = overrides.matches(overrideList, ids, names);
    if (mark.reportedSince()) {
      return List.of();
    }
    // The template and each override alone are bound first, so that each one's problems are
    // reported at it even when no function is matched by that override alone.
    Map<List<Integer>, FunctionSpec> prototypes = new HashMap<>();
    for (int i = -1; i < overrideList.size(); i++) {
      List<Integer> combination = i < 0 ? List.of() : List.of(i);
      prototypes.put(combination, prototype(template, combination, overrideList));
    }
    if (mark.reportedSince()) {
      return List.of();
    }
    List<FunctionSpec> specs = new ArrayList<>(ids.size());
    List<FromTrace> fromTrace = new ArrayList<>(ids.size());
    Map<List<Integer>, FromTrace> fromTraceOf = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      List<Integer> combination = matches.get(i);
      // Functions matched by several overrides get their combination bound once, so problems
      // that only the combination has (e.g. provisioned above reserved) are reported once.
      specs.add(prototypes.computeIfAbsent(combination,
          c -> prototype(template, c, overrideList)));
      fromTrace.add(fromTraceOf.computeIfAbsent(combination,
          c -> FromTrace.of(FleetOverrides.merged(template, c, overrideList))));
    }
    Bound<FleetSideFiles.Fallbacks> fallbacks = side.fill(specs, ids, names, fromTrace, values);
    if (fallbacks.isReported() || mark.reportedSince()) {
      return List.of();
    }
    FleetReplay replay = new FleetReplay(trace.options(), offset, trace.fromNanos(), trace.toNanos(),
        ids, names, FleetNames.listed(entries, topN), listing.skipped(), listing.firstSkipped(),
        fallbacks.get().durations(), fallbacks.get().memory());
    List<FunctionSpec> out = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      out.add(specs.get(i).withName(names.get(i))
          .withTraffic(List.of(new TrafficSpec.Fleet("trace#0", replay, i))));
    }
    checkNames(f, written, out, ids);
    if (account.ok()) {
      checkClaims(template, overrideList, matches, written, out, account.get());
    }
    return mark.reportedSince() ? List.of() : out;
  }

  /** Binds the template with a combination of overrides laid over it, at the last override's path. */
  private FunctionSpec prototype(Node.Mapping template, List<Integer> combination,
      List<Node.Mapping> overrideList) {
    String path = combination.isEmpty() ? "fleet.template"
        : "fleet.overrides[" + combination.get(combination.size() - 1) + "]";
    return functions.bind(FromTrace.placeholders(
        FleetOverrides.merged(template, combination, overrideList)), path);
  }

  /** Binds the trace: a multi-function format and every function. */
  private Bound<TrafficSpec.Trace> trace(Node node) {
    String path = "fleet.trace";
    if (node instanceof Node.Mapping m) {
      boolean ok = true;
      if (m.values().containsKey(NOT_IN_TRACE)) {
        values.problems().add(m.keys().get(NOT_IN_TRACE), path + "." + NOT_IN_TRACE, "a fleet replays every "
            + "function of the trace, so 'function' is not allowed here (give functions their own "
            + "settings with fleet.overrides, or write a function with a trace source in functions)");
        ok = false;
      }
      Node format = m.values().get("format");
      // An unknown format is left to the trace's binder, which suggests the closest.
      if (format instanceof Node.Scalar s && TraceSourceBinder.FORMATS.contains(s.text())
          && !FORMATS.contains(s.text())) {
        values.report(format, path + ".format", s.shown() + " traces hold one function; a fleet "
            + "needs a trace of many (allowed " + FORMATS.joined(" | ") + ")");
        ok = false;
      }
      if (!ok) {
        return Bound.reported();
      }
    }
    return traces.bind("trace#0", node, path);
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
  private void checkClaims(Node.Mapping template, List<Node.Mapping> overrideList,
      List<List<Integer>> matches, List<FunctionSpec> written, List<FunctionSpec> fleet,
      AccountSpec account) {
    ConcurrencyClaims claims = new ConcurrencyClaims(account);
    written.forEach(claims::add);
    long fromFunctions = claims.total();
    for (int i = 0; i < fleet.size(); i++) {
      FunctionSpec fn = fleet.get(i);
      long claim = claims.add(fn);
      if (claim > 0 && claims.exceeded()) {
        // Point at where the claim was written: the last matching override that sets it, else the template.
        String key = ConcurrencyClaims.claimField(fn);
        Node.Mapping at = template;
        String path = "fleet.template";
        for (int o : matches.get(i)) {
          if (overrideList.get(o).values().containsKey(key)) {
            at = overrideList.get(o);
            path = "fleet.overrides[" + o + "]";
          }
        }
        values.report(at.values().get(key), path + "." + key, "the fleet's functions up to "
            + fn.name() + " (" + (i + 1) + " of " + fleet.size() + ") claim "
            + (claims.total() - fromFunctions) + " concurrency, " + claims.total()
            + " with those in functions; " + claims.limitText());
        return;
      }
    }
  }
}
