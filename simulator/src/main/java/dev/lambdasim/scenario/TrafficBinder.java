package dev.lambdasim.scenario;

import dev.lambdasim.workload.trace.TraceReaders;

import dev.lambdasim.spec.BadRowPolicy;

import dev.lambdasim.spec.TrafficSpec;

import dev.lambdasim.workload.trace.BadRows;
import dev.lambdasim.spec.Column;
import dev.lambdasim.workload.trace.TraceException;
import dev.lambdasim.spec.TraceFormat;
import dev.lambdasim.spec.TraceOptions;
import dev.lambdasim.spec.WithinPeriod;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Binds a function's {@code traffic} list: each item is a mapping with exactly one key, its kind. */
final class TrafficBinder {

  static final List<String> SUPPORTED = List.of("poisson", "constant", "burst", "ramp", "spike",
      "diurnal", "periodic", "mmpp", "trace");

  private static final List<String> TRACE_COMMON =
      List.of("file", "format", "offset", "from", "to", "onBadRow");
  private static final Map<TraceFormat, List<String>> TRACE_FIELDS = Map.of(
      TraceFormat.TIMESTAMPS, List.of("column", "unit", "duration", "durationUnit"),
      TraceFormat.AZURE_2019, List.of("function", "day", "withinMinute", "durations"),
      TraceFormat.AZURE_2021, List.of("function", "useDurations"),
      TraceFormat.CLOUDWATCH, List.of("function", "period", "withinPeriod"));
  private static final Map<String, Long> TRACE_UNITS = new LinkedHashMap<>();
  private static final Map<String, WithinPeriod> WITHIN = new LinkedHashMap<>();
  private static final Map<String, BadRowPolicy> ON_BAD_ROW = new LinkedHashMap<>();

  static {
    TRACE_UNITS.put("ns", 1L);
    TRACE_UNITS.put("us", 1_000L);
    TRACE_UNITS.put("ms", 1_000_000L);
    TRACE_UNITS.put("s", 1_000_000_000L);
    for (WithinPeriod w : WithinPeriod.values()) {
      WITHIN.put(w.label(), w);
    }
    for (BadRowPolicy p : BadRowPolicy.values()) {
      ON_BAD_ROW.put(p.label(), p);
    }
  }

  private static final long DAY_NANOS = 86_400_000_000_000L;

  private final Values values;
  private final Long horizonNanos;
  private final ScenarioFolder folder;

  /**
   * {@code horizonNanos} is the scenario duration, or null when it is itself invalid; trace
   * files resolve in {@code folder}.
   */
  TrafficBinder(Values values, Long horizonNanos, ScenarioFolder folder) {
    this.values = values;
    this.horizonNanos = horizonNanos;
    this.folder = folder;
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
      // Allowed for a function that only other functions' destinations invoke; the scenario
      // binder checks that it is one.
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
      if (!SUPPORTED.contains(kind)) {
        values.problems().add(kindAt, itemPath + "." + kind, "unknown traffic kind '" + kind + "'"
            + Spelling.suggest(kind, SUPPORTED) + " (allowed " + String.join(", ", SUPPORTED) + ")");
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
    return switch (kind) {
      case "burst" -> burst(stream, node, path);
      case "poisson", "constant" -> steady(kind, stream, node, path);
      case "ramp" -> ramp(stream, node, path);
      case "spike" -> spike(stream, node, path);
      case "diurnal" -> diurnal(stream, node, path);
      case "periodic" -> periodic(stream, node, path);
      case "mmpp" -> mmpp(stream, node, path);
      case "trace" -> trace(stream, node, path);
      default -> throw new IllegalStateException("kind " + kind);
    };
  }

  private TrafficSpec burst(String stream, Node node, String path) {
    Fields f = Fields.of(node, path, values, List.of("at", "count"));
    Node atNode = f.required("at", "a duration from the start, e.g. 1h");
    Long at = atNode == null ? null : values.duration(atNode, f.path("at"));
    Node countNode = f.required("count", "an integer >= 1");
    Long count = countNode == null ? null : values.integer(countNode, f.path("count"), 1, Long.MAX_VALUE);
    if (at != null && !beforeHorizon(atNode, f.path("at"), at, "at")) {
      return null;
    }
    return at == null || count == null ? null : new TrafficSpec.Burst(stream, at, count);
  }

  private TrafficSpec steady(String kind, String stream, Node node, String path) {
    Fields f = Fields.of(node, path, values, List.of("rate", "from", "to"));
    Node rateNode = f.required("rate", "a rate such as 20/s");
    Double rate = rateNode == null ? null : values.rate(rateNode, f.path("rate"));
    long[] window = window(f);
    if (rate == null || window == null) {
      return null;
    }
    return kind.equals("poisson")
        ? new TrafficSpec.Poisson(stream, rate, window[0], window[1])
        : new TrafficSpec.Constant(stream, rate, window[0], window[1]);
  }

  /** In a ramp, design.md names the rates {@code from}/{@code to}; the window is {@code start}/{@code end}. */
  private TrafficSpec ramp(String stream, Node node, String path) {
    Fields f = Fields.of(node, path, values, List.of("from", "to", "start", "end"));
    Double fromRate = rampRate(f, "from", "start");
    Double toRate = rampRate(f, "to", "end");
    Long start = f.duration("start", 0L, 0, Long.MAX_VALUE, "0s", "");
    Node endNode = f.required("end", "when the ramp ends and its rate reaches `to`, e.g. 40m");
    Long end = endNode == null ? null : values.duration(endNode, f.path("end"));
    if (fromRate != null && toRate != null && fromRate == 0 && toRate == 0) {
      values.report(f.node("to"), f.path("to"), f.node("to").shown()
          + " is not allowed: both rates of the ramp are 0 (at least one of from, to must be above 0)");
      return null;
    }
    if (start != null && end != null && start >= end) {
      values.report(endNode, f.path("end"), endNode.shown() + " is not after start "
          + (f.has("start") ? f.node("start").shown() : "0s") + " (allowed: start < end)");
      return null;
    }
    if (start != null && f.has("start") && !beforeHorizon(f.node("start"), f.path("start"), start, "start")) {
      return null;
    }
    if (fromRate == null || toRate == null || start == null || end == null) {
      return null;
    }
    return new TrafficSpec.Ramp(stream, fromRate, toRate, start, end);
  }

  /** Returns a ramp's rate at one end, explaining the rate/window naming when a duration is written. */
  private Double rampRate(Fields f, String key, String instant) {
    Node n = f.required(key, "the rate at `" + instant + "`, e.g. 1/s; in a ramp, from/to are the "
        + "rates and start/end the window");
    if (n == null) {
      return null;
    }
    if (n instanceof Node.Scalar s && s.isString() && Units.nanos(s.text()).isPresent()) {
      values.report(n, f.path(key), s.shown() + " is not a rate; in a ramp, from/to are the rates "
          + "at start/end (e.g. " + key + ": 1/s) and start/end the window (e.g. start: " + s.text() + ")");
      return null;
    }
    return values.rate(n, f.path(key), true);
  }

  private TrafficSpec spike(String stream, Node node, String path) {
    Fields f = Fields.of(node, path, values, List.of("at", "rate", "for", "from", "to"));
    Node atNode = f.required("at", "when the spike starts, e.g. 30m");
    Long at = atNode == null ? null : values.duration(atNode, f.path("at"));
    Node rateNode = f.required("rate", "the Poisson rate during the spike, e.g. 800/s");
    Double rate = rateNode == null ? null : values.rate(rateNode, f.path("rate"));
    Node forNode = f.required("for", "how long the spike lasts, e.g. 2m");
    Long length = forNode == null ? null : values.positiveDuration(forNode, f.path("for"));
    long[] window = window(f);
    if (at != null && !beforeHorizon(atNode, f.path("at"), at, "at")) {
      return null;
    }
    if (at == null || rate == null || length == null || window == null) {
      return null;
    }
    TrafficSpec.Spike spike = new TrafficSpec.Spike(stream, at, rate, length, window[0], window[1]);
    if (spike.startNanos() >= spike.endNanos()) {
      String key = f.has("to") && window[1] <= at ? "to" : "from";
      values.report(f.node(key), f.path(key), f.node(key).shown() + " leaves no time for the spike "
          + atNode.shown() + " + " + forNode.shown() + " (allowed: from < at + for and at < to)");
      return null;
    }
    return spike;
  }

  private TrafficSpec diurnal(String stream, Node node, String path) {
    Fields f = Fields.of(node, path, values, List.of("mean", "amplitude", "period", "peakAt", "from", "to"));
    Node meanNode = f.required("mean", "the mean rate over a period, e.g. 50/s");
    Double mean = meanNode == null ? null : values.rate(meanNode, f.path("mean"));
    Node amplitudeNode = f.required("amplitude", "a number 0..1: the peak is mean·(1 + amplitude)");
    Double amplitude = amplitudeNode == null ? null : values.decimal(amplitudeNode, f.path("amplitude"), 0, 1);
    Long period = f.has("period") ? values.positiveDuration(f.node("period"), f.path("period")) : DAY_NANOS;
    Node peakNode = f.required("peakAt", "when in each period the rate peaks, e.g. 14h");
    Long peakAt = peakNode == null ? null : values.duration(peakNode, f.path("peakAt"));
    long[] window = window(f);
    if (peakAt != null && period != null && peakAt >= period) {
      values.report(peakNode, f.path("peakAt"), peakNode.shown() + " is not before the period "
          + (f.has("period") ? f.node("period").shown() : "1d") + " (allowed 0s..period, exclusive)");
      return null;
    }
    if (mean == null || amplitude == null || period == null || peakAt == null || window == null) {
      return null;
    }
    return new TrafficSpec.Diurnal(stream, mean, amplitude, period, peakAt, window[0], window[1]);
  }

  private TrafficSpec periodic(String stream, Node node, String path) {
    Fields f = Fields.of(node, path, values, List.of("every", "jitter", "from", "to"));
    Node everyNode = f.required("every", "the timer period, e.g. 5m");
    Long every = everyNode == null ? null : values.positiveDuration(everyNode, f.path("every"));
    Long jitter = f.duration("jitter", 0L, 0, Long.MAX_VALUE, "0s", "");
    long[] window = window(f);
    if (every != null && jitter != null && jitter > every) {
      values.report(f.node("jitter"), f.path("jitter"), f.node("jitter").shown() + " is above every "
          + everyNode.shown() + " (allowed 0s..every, so that arrivals keep the order of their ticks)");
      return null;
    }
    if (every == null || jitter == null || window == null) {
      return null;
    }
    return new TrafficSpec.Periodic(stream, every, jitter, window[0], window[1]);
  }

  private TrafficSpec mmpp(String stream, Node node, String path) {
    Fields f = Fields.of(node, path, values, List.of("states", "from", "to"));
    Node statesNode = f.required("states", "a list of at least 2 states {rate, meanHold}");
    long[] window = window(f);
    if (statesNode == null) {
      return null;
    }
    String statesPath = f.path("states");
    if (!(statesNode instanceof Node.Sequence list) || list.items().size() < 2) {
      values.report(statesNode, statesPath, (statesNode instanceof Node.Sequence l
          ? "a list of " + l.items().size() + " state" + (l.items().size() == 1 ? "" : "s")
          : statesNode.shown()) + " is not allowed; expected a list of at least 2 states, e.g. "
          + "[{rate: 2/s, meanHold: 10m}, {rate: 100/s, meanHold: 1m}]");
      return null;
    }
    List<TrafficSpec.Mmpp.State> states = new ArrayList<>();
    boolean valid = true;
    for (int i = 0; i < list.items().size(); i++) {
      Fields s = Fields.of(list.items().get(i), statesPath + "[" + i + "]", values, List.of("rate", "meanHold"));
      Node rateNode = s.required("rate", "the Poisson rate in this state, e.g. 2/s; 0/s for an off state");
      Double rate = rateNode == null ? null : values.rate(rateNode, s.path("rate"), true);
      Node holdNode = s.required("meanHold", "the mean (exponential) time spent in this state, e.g. 10m");
      Long hold = holdNode == null ? null : values.positiveDuration(holdNode, s.path("meanHold"));
      if (rate == null || hold == null) {
        valid = false;
      } else {
        states.add(new TrafficSpec.Mmpp.State(rate, hold));
      }
    }
    if (valid && states.stream().allMatch(st -> st.ratePerSecond() == 0)) {
      values.report(statesNode, statesPath, "every state has rate 0/s; at least one must be above 0");
      return null;
    }
    return valid && window != null ? new TrafficSpec.Mmpp(stream, states, window[0], window[1]) : null;
  }

  /**
   * A trace source. The format decides which fields are allowed. The file must exist inside
   * the scenario's folder tree (or an --allow-path directory); its header is read now, so that
   * a missing column is a load-time error, but its rows are read only when the run starts.
   */
  TrafficSpec trace(String stream, Node node, String path) {
    Node formatNode = node instanceof Node.Mapping m ? m.values().get("format") : null;
    TraceFormat format = null;
    if (formatNode != null) {
      Map<String, TraceFormat> formats = new LinkedHashMap<>();
      for (TraceFormat tf : TraceFormat.values()) {
        formats.put(tf.label(), tf);
      }
      format = values.choice(formatNode, Fields.join(path, "format"), formats);
    }
    List<String> known = new ArrayList<>(TRACE_COMMON);
    if (format != null) {
      known.addAll(TRACE_FIELDS.get(format));
    } else {
      TRACE_FIELDS.values().forEach(l -> l.stream().filter(k -> !known.contains(k)).forEach(known::add));
    }
    int before = values.problems().count();
    Fields f = Fields.of(node, path, values, known);
    if (formatNode == null) {
      f.required("format", "one of " + String.join(", ", TraceFormat.labels()));
    }
    Node fileNode = f.required("file", "the trace file, relative to the scenario, e.g. traces/api.csv");
    String name = fileNode == null ? null : values.text(fileNode, f.path("file"));
    Path file = name == null ? null : folder.resolve(name, fileNode, f.path("file"), values);
    if (file != null && !Files.isRegularFile(file)) {
      values.report(fileNode, f.path("file"), fileNode.shown() + " cannot be read (no such file)");
      file = null;
    }
    long[] window = window(f);
    Object[] offset = offset(f);
    BadRowPolicy onBadRow = f.choice("onBadRow", BadRowPolicy.FAIL, ON_BAD_ROW);
    if (format == null || file == null) {
      return null;
    }
    TraceOptions options = TraceOptions.defaults(format, file).withShownFile(folder.display(name))
        .withOnBadRow(onBadRow == null ? BadRowPolicy.FAIL : onBadRow);
    options = switch (format) {
      case TIMESTAMPS -> timestampOptions(f, options);
      case AZURE_2019 -> {
        Long day = f.integer("day", 1L, 1, 366);
        WithinPeriod w = f.choice("withinMinute", WithinPeriod.POISSON, WITHIN);
        TraceOptions o = functionOption(f, options).withDay(day == null ? 1 : day.intValue())
            .withWithin(w == null ? WithinPeriod.POISSON : w);
        yield durationsOption(f, o);
      }
      case AZURE_2021 -> {
        Boolean use = f.bool("useDurations", false);
        yield functionOption(f, options).withUseDurations(use != null && use);
      }
      case CLOUDWATCH -> {
        Long period = f.has("period") ? values.positiveDuration(f.node("period"), f.path("period")) : Long.valueOf(0);
        WithinPeriod w = f.choice("withinPeriod", WithinPeriod.POISSON, WITHIN);
        yield functionOption(f, options).withPeriod(period == null ? 0 : period)
            .withWithin(w == null ? WithinPeriod.POISSON : w);
      }
    };
    if (values.problems().count() > before || window == null || offset == null) {
      return null;
    }
    try {
      TraceReaders.check(options);
    } catch (TraceException e) {
      values.problems().add(new Location(e.file(), (int) Math.min(e.line(), Integer.MAX_VALUE), 0),
          f.path("file"), e.problem());
      return null;
    }
    return new TrafficSpec.Trace(stream, options, (Long) offset[0], (Boolean) offset[1], window[0], window[1]);
  }

  private TraceOptions timestampOptions(Fields f, TraceOptions options) {
    Column column = f.has("column") ? column(f, "column") : Column.at(0);
    Node unitNode = f.required("unit", "the unit of the timestamps: ns, us, ms or s");
    Long unit = unitNode == null ? null : values.choice(unitNode, f.path("unit"), TRACE_UNITS);
    Column duration = f.has("duration") ? column(f, "duration") : null;
    Long durationUnit = f.choice("durationUnit", unit, TRACE_UNITS);
    if (f.has("durationUnit") && !f.has("duration")) {
      values.report(f.node("durationUnit"), f.path("durationUnit"), "durationUnit is set but there "
          + "is no duration column (add duration: <column>)");
    }
    if (column == null || unit == null || (f.has("duration") && duration == null) || durationUnit == null) {
      return options;
    }
    options = options.withColumn(column, unit);
    return duration == null ? options : options.withDurationColumn(duration, durationUnit);
  }

  /** Returns a column: a name (text) or a 0-based index (integer). */
  private Column column(Fields f, String key) {
    Node n = f.node(key);
    if (n instanceof Node.Scalar s && s.kind() == Node.Scalar.Kind.NUMBER) {
      Long index = values.integer(n, f.path(key), 0, 1_000_000);
      return index == null ? null : Column.at(index.intValue());
    }
    String name = values.text(n, f.path(key));
    if (name != null && name.isEmpty()) {
      values.report(n, f.path(key), "an empty column name is not allowed (write the header text, or an index from 0)");
      return null;
    }
    return name == null ? null : Column.named(name);
  }

  private TraceOptions functionOption(Fields f, TraceOptions options) {
    if (!f.has("function")) {
      return options;
    }
    String function = values.text(f.node("function"), f.path("function"));
    if (function != null && (function.isBlank() || function.startsWith("/") || function.endsWith("/"))) {
      values.report(f.node("function"), f.path("function"), f.node("function").shown()
          + " is not a function id (write the hash, or app/func)");
      return options;
    }
    return function == null ? options : options.withFunction(function);
  }

  /**
   * Resolves a side file of a trace (e.g. a fleet's {@code memory:}): allowed and existing, like
   * the trace file. Returns {resolved path, the name as shown in messages}, or null (reported).
   */
  Object[] sideFile(Node n, String path) {
    String name = values.text(n, path);
    Path file = name == null ? null : folder.resolve(name, n, path, values);
    if (file != null && !Files.isRegularFile(file)) {
      values.report(n, path, n.shown() + " cannot be read (no such file)");
      return null;
    }
    return file == null ? null : new Object[] {file, folder.display(name)};
  }

  /** The azure-2019 duration-percentile file: allowed and checked like the trace file. */
  private TraceOptions durationsOption(Fields f, TraceOptions options) {
    if (!f.has("durations")) {
      return options;
    }
    Node n = f.node("durations");
    String name = values.text(n, f.path("durations"));
    Path file = name == null ? null : folder.resolve(name, n, f.path("durations"), values);
    if (file != null && !Files.isRegularFile(file)) {
      values.report(n, f.path("durations"), n.shown() + " cannot be read (no such file)");
      return options;
    }
    if (file != null && options.function() == null) {
      values.report(n, f.path("durations"), "durations need a function: the percentiles are one "
          + "function's (add function: <hash>)");
      return options;
    }
    return file == null ? options : options.withDurationsFile(file, folder.display(name));
  }

  /** Returns {offset nanos, whether 'first'}, or null when invalid (reported). */
  private Object[] offset(Fields f) {
    if (!f.has("offset")) {
      return new Object[] {0L, false};
    }
    Node n = f.node("offset");
    if (n instanceof Node.Scalar s && s.isString()) {
      String text = s.text().strip();
      if (text.equals("first")) {
        return new Object[] {0L, true};
      }
      if (text.startsWith("-")) {
        var nanos = Units.nanos(text.substring(1));
        if (nanos.isPresent() && nanos.get().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
          return new Object[] {-nanos.get().setScale(0, java.math.RoundingMode.HALF_UP).longValueExact(), false};
        }
        values.report(n, f.path("offset"), s.shown() + " is not an offset; write a duration, "
            + "negative to cut the start (e.g. -1h), or 'first' to start the trace at 0s");
        return null;
      }
    }
    Long nanos = values.duration(n, f.path("offset"));
    return nanos == null ? null : new Object[] {nanos, false};
  }

  /** Returns {from, to} (defaults 0s and open), or null when invalid (reported). */
  private long[] window(Fields f) {
    Long from = f.has("from") ? values.duration(f.node("from"), f.path("from")) : Long.valueOf(0);
    Long to = f.has("to") ? values.duration(f.node("to"), f.path("to")) : Long.valueOf(Long.MAX_VALUE);
    if (from != null && to != null && from >= to) {
      values.report(f.node("to"), f.path("to"), f.node("to").shown() + " is not after from "
          + (f.has("from") ? f.node("from").shown() : "0s") + " (allowed: from < to)");
      return null;
    }
    return from == null || to == null ? null : new long[] {from, to};
  }

  /** Returns whether {@code nanos} is before the scenario duration, reporting it when not. */
  private boolean beforeHorizon(Node node, String path, long nanos, String key) {
    if (horizonNanos != null && nanos >= horizonNanos) {
      values.report(node, path, node.shown() + " is not before the scenario duration "
          + "(allowed: " + key + " < duration)");
      return false;
    }
    return true;
  }
}
