package dev.lambdasim.scenario;

import dev.lambdasim.spec.TimeUnits;
import dev.lambdasim.spec.TrafficSpec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Binds a function's {@code traffic} list: each item is a mapping with exactly one key, its
 * kind. The synthetic kinds are bound here; {@code trace} by {@link TraceSourceBinder}.
 */
final class TrafficBinder {

  /** Each kind's fields. */
  static final Map<String, List<String>> KIND_FIELDS = kindFields();
  static final List<String> KINDS = List.copyOf(KIND_FIELDS.keySet());
  static final List<String> STATE_FIELDS = List.of("rate", "meanHold");

  private final Values values;
  private final OptionalLong horizonNanos;
  private final TraceSourceBinder traces;

  /**
   * {@code horizonNanos} is the scenario duration, empty when it is left out or itself invalid;
   * trace files resolve in {@code folder}.
   */
  TrafficBinder(Values values, OptionalLong horizonNanos, ScenarioFolder folder) {
    this.values = values;
    this.horizonNanos = horizonNanos;
    this.traces = new TraceSourceBinder(values, folder);
  }

  private static Map<String, List<String>> kindFields() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("poisson", List.of("rate", "from", "to"));
    m.put("constant", List.of("rate", "from", "to"));
    m.put("burst", List.of("at", "count"));
    m.put("ramp", List.of("from", "to", "start", "end"));
    m.put("spike", List.of("at", "rate", "for", "from", "to"));
    m.put("diurnal", List.of("mean", "amplitude", "period", "peakAt", "from", "to"));
    m.put("periodic", List.of("every", "jitter", "from", "to"));
    m.put("mmpp", List.of("states", "from", "to"));
    // A trace's fields depend on its format: TraceSourceBinder.COMMON_FIELDS and FORMAT_FIELDS.
    m.put("trace", List.of());
    return Collections.unmodifiableMap(m);
  }

  /** Returns the sources, leaving out invalid ones (their problems are recorded). */
  List<TrafficSpec> bind(Node node, String path) {
    List<TrafficSpec> sources = new ArrayList<>();
    if (!(node instanceof Node.Sequence list)) {
      values.report(node, path, node.shown() + " is not allowed here; expected a list of sources, e.g. "
          + "[{poisson: {rate: 20/s}}] (kinds " + String.join(", ", KINDS) + ")");
      return sources;
    }
    // An empty list is allowed for a function that only other functions' destinations invoke;
    // the scenario binder checks that it is one.
    // Streams are numbered per kind, so adding a source of another kind renames nothing.
    Map<String, Integer> perKind = new HashMap<>();
    for (int i = 0; i < list.items().size(); i++) {
      Node item = list.items().get(i);
      String itemPath = path + "[" + i + "]";
      if (!(item instanceof Node.Mapping m) || m.values().size() != 1) {
        values.report(item, itemPath, (item instanceof Node.Mapping ? "a mapping with "
            + ((Node.Mapping) item).values().size() + " keys" : item.shown())
            + " is not a traffic source; write a mapping with exactly one key, the kind ("
            + String.join(", ", KINDS) + "), e.g. {poisson: {rate: 20/s}}");
        continue;
      }
      String kind = m.values().keySet().iterator().next();
      if (!KIND_FIELDS.containsKey(kind)) {
        values.problems().add(m.keys().get(kind), itemPath + "." + kind, "unknown traffic kind "
            + Node.clipped(kind, true) + Spelling.suggest(kind, KINDS) + " (allowed " + String.join(", ", KINDS) + ")");
        continue;
      }
      int k = perKind.merge(kind, 1, Integer::sum) - 1;
      Bound<? extends TrafficSpec> source =
          source(kind, kind + "#" + k, m.values().get(kind), itemPath + "." + kind);
      if (source.ok()) {
        sources.add(source.get());
      }
    }
    checkPeakSum(list, path, sources);
    return sources;
  }

  /**
   * The rate maximum holds for the function too: its sources' peaks may not add up above it. And
   * a run must be able to finish: the arrivals the sources can produce over their windows within
   * the horizon (peak rate × window, plus bursts) may not pass {@link Limits#MAX_ARRIVALS}.
   */
  private void checkPeakSum(Node.Sequence list, String path, List<TrafficSpec> sources) {
    double sum = sources.stream().mapToDouble(TrafficBinder::peakPerSecond).sum();
    if (sum > Limits.MAX_RATE_PER_SECOND) {
      values.report(list, path, "the sources' peak rates add up to " + Values.plain(sum)
          + "/s, above the maximum " + Limits.MAX_RATE_TEXT + " of one function (allowed: a sum "
          + "up to " + Limits.MAX_RATE_TEXT + ")");
      return;
    }
    double arrivals = 0;
    for (TrafficSpec source : sources) {
      arrivals += source instanceof TrafficSpec.Burst b ? b.count()
          : peakPerSecond(source) * activeNanos(source) / TimeUnits.SECOND;
    }
    if (arrivals > Limits.MAX_ARRIVALS) {
      values.report(list, path, String.format(java.util.Locale.ROOT, "the sources can produce "
          + "up to %.3g arrivals in the run, above the maximum %s of one function (allowed: up "
          + "to %s; shorten the duration or lower the rates)", arrivals, Limits.MAX_ARRIVALS_TEXT,
          Limits.MAX_ARRIVALS_TEXT));
    }
  }

  /** Returns how long a source can produce arrivals within the horizon (0 for a trace: its file decides). */
  private double activeNanos(TrafficSpec source) {
    if (source instanceof TrafficSpec.Trace || source instanceof TrafficSpec.Fleet) {
      return 0;
    }
    long end = Math.min(source.windowEndNanos(), horizonNanos.orElse(TrafficSpec.OPEN));
    // Without a horizon a source that never ends is reported as such elsewhere.
    return end == TrafficSpec.OPEN ? 0 : Math.max(0, (double) end - source.windowStartNanos());
  }

  /** Returns the highest rate a source reaches; 0 for a burst (one instant) and a trace (its file decides). */
  private static double peakPerSecond(TrafficSpec source) {
    if (source instanceof TrafficSpec.Poisson p) {
      return p.ratePerSecond();
    }
    if (source instanceof TrafficSpec.Constant c) {
      return c.ratePerSecond();
    }
    if (source instanceof TrafficSpec.Ramp r) {
      return Math.max(r.fromRatePerSecond(), r.toRatePerSecond());
    }
    if (source instanceof TrafficSpec.Spike s) {
      return s.ratePerSecond();
    }
    if (source instanceof TrafficSpec.Diurnal d) {
      return d.meanRatePerSecond() * (1 + d.amplitude());
    }
    if (source instanceof TrafficSpec.Periodic p) {
      return (double) TimeUnits.SECOND / p.everyNanos();
    }
    if (source instanceof TrafficSpec.Mmpp m) {
      return m.states().stream().mapToDouble(TrafficSpec.Mmpp.State::ratePerSecond).max().orElse(0);
    }
    return 0;
  }

  /** Returns a rate of one source: above 0 (or at least 0 when {@code zeroAllowed}) and at most the maximum. */
  private Bound<Double> rate(Node node, String path, boolean zeroAllowed) {
    return values.rate(node, path, zeroAllowed).then(r -> Limits.rate(values, node, path, r));
  }

  private Bound<Double> rate(Node node, String path) {
    return rate(node, path, false);
  }

  /** Returns a timer period or mean hold: at least {@link Limits#MIN_INTERVAL_NANOS}. */
  private Bound<Long> interval(Node node, String path) {
    return values.duration(node, path, Limits.MIN_INTERVAL_NANOS, Long.MAX_VALUE,
        Limits.MIN_INTERVAL_TEXT, null);
  }

  private Bound<? extends TrafficSpec> source(String kind, String stream, Node node, String path) {
    if (kind.equals("trace")) {
      return traces.bind(stream, node, path);
    }
    Fields f = Fields.of(node, path, values, KIND_FIELDS.get(kind));
    return switch (kind) {
      case "burst" -> burst(stream, f);
      case "poisson", "constant" -> steady(kind, stream, f);
      case "ramp" -> ramp(stream, f);
      case "spike" -> spike(stream, f);
      case "diurnal" -> diurnal(stream, f);
      case "periodic" -> periodic(stream, f);
      case "mmpp" -> mmpp(stream, f);
      default -> throw new IllegalStateException("kind " + kind);
    };
  }

  private Bound<TrafficSpec> burst(String stream, Fields f) {
    Bound<Long> at = f.required("at", "a duration from the start, e.g. 1h", values::duration);
    Bound<Long> count = f.required("count", "an integer >= 1",
        (n, p) -> values.integer(n, p, 1, Limits.MAX_BURST_COUNT));
    Bound<Long> beforeEnd = at.then(a -> beforeHorizon(f, "at", a));
    if (!Bound.allOk(beforeEnd, count)) {
      return Bound.reported();
    }
    return Bound.of(new TrafficSpec.Burst(stream, at.get(), count.get()));
  }

  private Bound<TrafficSpec> steady(String kind, String stream, Fields f) {
    Bound<Double> rate = f.required("rate", "a rate such as 20/s", this::rate);
    Bound<Window> window = Window.of(f);
    if (!Bound.allOk(rate, window)) {
      return Bound.reported();
    }
    Window w = window.get();
    return Bound.of(kind.equals("poisson")
        ? new TrafficSpec.Poisson(stream, rate.get(), w.fromNanos(), w.toNanos())
        : new TrafficSpec.Constant(stream, rate.get(), w.fromNanos(), w.toNanos()));
  }

  /** In a ramp, {@code from}/{@code to} are the rates; the window is {@code start}/{@code end}. */
  private Bound<TrafficSpec> ramp(String stream, Fields f) {
    Bound<Double> fromRate = rampRate(f, "from", "start");
    Bound<Double> toRate = rampRate(f, "to", "end");
    Bound<Long> start = f.optional("start", 0L, values::duration);
    Bound<Long> end = f.required("end", "when the ramp ends and its rate reaches `to`, e.g. 40m",
        values::duration);
    if (Bound.allOk(fromRate, toRate) && fromRate.get() == 0 && toRate.get() == 0) {
      return values.reject(f.node("to"), f.path("to"), f.node("to").shown()
          + " is not allowed: both rates of the ramp are 0 (at least one of from, to must be above 0)");
    }
    if (Bound.allOk(start, end) && start.get() >= end.get()) {
      return values.reject(f.node("end"), f.path("end"), f.node("end").shown() + " is not after start "
          + (f.has("start") ? f.node("start").shown() : "0s") + " (allowed: start < end)");
    }
    if (start.ok() && f.has("start") && beforeHorizon(f, "start", start.get()).isReported()) {
      return Bound.reported();
    }
    if (!Bound.allOk(fromRate, toRate, start, end)) {
      return Bound.reported();
    }
    return Bound.of(new TrafficSpec.Ramp(stream, fromRate.get(), toRate.get(), start.get(), end.get()));
  }

  /** Returns a ramp's rate at one end, explaining the rate/window naming when a duration is written. */
  private Bound<Double> rampRate(Fields f, String key, String instant) {
    return f.required(key, "the rate at `" + instant + "`, e.g. 1/s; in a ramp, from/to are the "
        + "rates and start/end the window").then(n -> {
          if (n instanceof Node.Scalar s && s.isString() && Units.nanos(s.text()).isPresent()) {
            return values.reject(n, f.path(key), s.shown() + " is not a rate; in a ramp, from/to are "
                + "the rates at start/end (e.g. " + key + ": 1/s) and start/end the window (e.g. start: "
                + s.text() + ")");
          }
          return rate(n, f.path(key), true);
        });
  }

  private Bound<TrafficSpec> spike(String stream, Fields f) {
    Bound<Long> at = f.required("at", "when the spike starts, e.g. 30m", values::duration);
    Bound<Double> rate = f.required("rate", "the Poisson rate during the spike, e.g. 800/s",
        this::rate);
    Bound<Long> length = f.required("for", "how long the spike lasts, e.g. 2m",
        values::positiveDuration);
    Bound<Window> window = Window.of(f);
    Bound<Long> beforeEnd = at.then(a -> beforeHorizon(f, "at", a));
    if (!Bound.allOk(beforeEnd, rate, length, window)) {
      return Bound.reported();
    }
    Window w = window.get();
    TrafficSpec.Spike spike = new TrafficSpec.Spike(stream, at.get(), rate.get(), length.get(),
        w.fromNanos(), w.toNanos());
    if (spike.startNanos() >= spike.endNanos()) {
      String key = f.has("to") && w.toNanos() <= at.get() ? "to" : "from";
      return values.reject(f.node(key), f.path(key), f.node(key).shown() + " leaves no time for "
          + "the spike " + f.node("at").shown() + " + " + f.node("for").shown()
          + " (allowed: from < at + for and at < to)");
    }
    return Bound.of(spike);
  }

  private Bound<TrafficSpec> diurnal(String stream, Fields f) {
    Bound<Double> mean = f.required("mean", "the mean rate over a period, e.g. 50/s", this::rate);
    Bound<Double> amplitude = f.required("amplitude", "a number 0..1: the peak is mean·(1 + amplitude)",
        (n, p) -> values.decimal(n, p, 0, 1));
    Bound<Long> period = f.optional("period", TrafficSpec.Diurnal.DEFAULT_PERIOD_NANOS,
        values::positiveDuration);
    Bound<Long> peakAt = f.required("peakAt", "when in each period the rate peaks, e.g. 14h",
        values::duration);
    Bound<Window> window = Window.of(f);
    if (Bound.allOk(peakAt, period) && peakAt.get() >= period.get()) {
      return values.reject(f.node("peakAt"), f.path("peakAt"), f.node("peakAt").shown()
          + " is not before the period " + (f.has("period") ? f.node("period").shown()
              : Units.shown(TrafficSpec.Diurnal.DEFAULT_PERIOD_NANOS))
          + " (allowed 0s..period, exclusive)");
    }
    if (!Bound.allOk(mean, amplitude, period, peakAt, window)) {
      return Bound.reported();
    }
    Window w = window.get();
    return Bound.of(new TrafficSpec.Diurnal(stream, mean.get(), amplitude.get(), period.get(),
        peakAt.get(), w.fromNanos(), w.toNanos()));
  }

  private Bound<TrafficSpec> periodic(String stream, Fields f) {
    Bound<Long> every = f.required("every", "the timer period, e.g. 5m", this::interval);
    Bound<Long> jitter = f.optional("jitter", 0L, values::duration);
    Bound<Window> window = Window.of(f);
    if (Bound.allOk(every, jitter) && jitter.get() > every.get()) {
      return values.reject(f.node("jitter"), f.path("jitter"), f.node("jitter").shown()
          + " is above every " + f.node("every").shown()
          + " (allowed 0s..every, so that arrivals keep the order of their ticks)");
    }
    if (!Bound.allOk(every, jitter, window)) {
      return Bound.reported();
    }
    Window w = window.get();
    return Bound.of(new TrafficSpec.Periodic(stream, every.get(), jitter.get(), w.fromNanos(),
        w.toNanos()));
  }

  private Bound<TrafficSpec> mmpp(String stream, Fields f) {
    Bound<Node> statesNode = f.required("states", "a list of at least 2 states {rate, meanHold}");
    Bound<Window> window = Window.of(f);
    Bound<List<TrafficSpec.Mmpp.State>> states = statesNode.then(n -> states(n, f.path("states")));
    if (!Bound.allOk(states, window)) {
      return Bound.reported();
    }
    return Bound.of(new TrafficSpec.Mmpp(stream, states.get(), window.get().fromNanos(),
        window.get().toNanos()));
  }

  private Bound<List<TrafficSpec.Mmpp.State>> states(Node node, String path) {
    if (!(node instanceof Node.Sequence list) || list.items().size() < 2) {
      return values.reject(node, path, (node instanceof Node.Sequence l
          ? "a list of " + l.items().size() + " state" + (l.items().size() == 1 ? "" : "s")
          : node.shown()) + " is not allowed; expected a list of at least 2 states, e.g. "
          + "[{rate: 2/s, meanHold: 10m}, {rate: 100/s, meanHold: 1m}]");
    }
    List<TrafficSpec.Mmpp.State> states = new ArrayList<>();
    boolean valid = true;
    for (int i = 0; i < list.items().size(); i++) {
      Fields s = Fields.of(list.items().get(i), path + "[" + i + "]", values, STATE_FIELDS);
      Bound<Double> rate = s.required("rate", "the Poisson rate in this state, e.g. 2/s; 0/s for "
          + "an off state", (n, p) -> rate(n, p, true));
      Bound<Long> hold = s.required("meanHold", "the mean (exponential) time spent in this state, "
          + "e.g. 10m", this::interval);
      if (Bound.allOk(rate, hold)) {
        states.add(new TrafficSpec.Mmpp.State(rate.get(), hold.get()));
      } else {
        valid = false;
      }
    }
    if (!valid) {
      return Bound.reported();
    }
    if (states.stream().allMatch(st -> st.ratePerSecond() == 0)) {
      return values.reject(node, path, "every state has rate 0/s; at least one must be above 0");
    }
    return Bound.of(states);
  }

  /** Returns {@code nanos} if it is before the scenario duration, else reports it. */
  private Bound<Long> beforeHorizon(Fields f, String key, long nanos) {
    if (horizonNanos.isPresent() && nanos >= horizonNanos.getAsLong()) {
      return values.reject(f.node(key), f.path(key), f.node(key).shown() + " is not before the "
          + "scenario duration (allowed: " + key + " < duration)");
    }
    return Bound.of(nanos);
  }
}
