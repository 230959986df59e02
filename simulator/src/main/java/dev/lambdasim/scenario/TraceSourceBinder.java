package dev.lambdasim.scenario;

import dev.lambdasim.spec.BadRowPolicy;
import dev.lambdasim.spec.Column;
import dev.lambdasim.spec.TraceFormat;
import dev.lambdasim.spec.TraceOptions;
import dev.lambdasim.spec.TrafficSpec;
import dev.lambdasim.spec.WithinPeriod;
import dev.lambdasim.workload.trace.TraceException;
import dev.lambdasim.workload.trace.TraceReaders;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a {@code trace:} source. The format decides which fields are allowed. The file must
 * exist inside the scenario's folder tree (or an --allow-path directory); its header is read
 * now, so that a missing column is a load-time error, but its rows are read only when the run
 * starts.
 */
final class TraceSourceBinder {

  static final List<String> COMMON_FIELDS = List.of("file", "format", "offset", "from", "to", "onBadRow");
  /** Each format's own fields, in the formats' order, so that messages list them alike every run. */
  static final Map<TraceFormat, List<String>> FORMAT_FIELDS = formatFields();
  static final Labels<TraceFormat> FORMATS = Labels.of(TraceFormat.values(), TraceFormat::label);
  /** The units a timestamps trace may count in, as nanoseconds per unit. */
  static final Labels<Long> UNITS = Labels.mapped(List.of("ns", "us", "ms", "s"), Units::nanosPer);
  static final Labels<WithinPeriod> WITHIN = Labels.of(WithinPeriod.values(), WithinPeriod::label);
  static final Labels<BadRowPolicy> ON_BAD_ROW = Labels.of(BadRowPolicy.values(), BadRowPolicy::label);
  static final int MAX_DAY = 366;
  static final int MAX_COLUMN = 1_000_000;

  private final Values values;
  private final ScenarioFolder folder;

  TraceSourceBinder(Values values, ScenarioFolder folder) {
    this.values = values;
    this.folder = folder;
  }

  private static Map<TraceFormat, List<String>> formatFields() {
    Map<TraceFormat, List<String>> m = new EnumMap<>(TraceFormat.class);
    m.put(TraceFormat.TIMESTAMPS, List.of("column", "unit", "duration", "durationUnit"));
    m.put(TraceFormat.AZURE_2019, List.of("function", "day", "withinMinute", "durations"));
    m.put(TraceFormat.AZURE_2021, List.of("function", "useDurations"));
    m.put(TraceFormat.CLOUDWATCH, List.of("function", "period", "withinPeriod"));
    return Collections.unmodifiableMap(m);
  }

  ScenarioFolder folder() {
    return folder;
  }

  /** Returns the trace source, or the mark of a reported one. */
  Bound<TrafficSpec.Trace> bind(String stream, Node node, String path) {
    Node formatNode = node instanceof Node.Mapping m ? m.values().get("format") : null;
    Bound<TraceFormat> format = formatNode == null ? Bound.reported()
        : values.choice(formatNode, Fields.join(path, "format"), FORMATS);
    List<String> known = new ArrayList<>(COMMON_FIELDS);
    if (format.ok()) {
      known.addAll(FORMAT_FIELDS.get(format.get()));
    } else {
      // Without a format, any format's field may be meant: none is called unknown.
      FORMAT_FIELDS.values().forEach(l -> l.stream().filter(k -> !known.contains(k)).forEach(known::add));
    }
    Problems.Mark mark = values.mark();
    Fields f = Fields.of(node, path, values, known);
    if (!(node instanceof Node.Mapping)) {
      // One problem, not also each required field that a non-mapping cannot hold.
      return Bound.reported();
    }
    if (formatNode == null) {
      f.required("format", "one of " + FORMATS.joined(", "));
    }
    Bound<ScenarioFolder.NamedFile> file = f.required("file",
        "the trace file, relative to the scenario, e.g. traces/api.csv")
        .then(n -> folder.existing(n, f.path("file"), values));
    Bound<Window> window = Window.of(f);
    Bound<TraceOffset> offset = TraceOffset.of(f);
    Bound<BadRowPolicy> onBadRow = f.choice("onBadRow", TraceOptions.DEFAULT_ON_BAD_ROW, ON_BAD_ROW);
    if (!Bound.allOk(format, file)) {
      return Bound.reported();
    }
    TraceOptions defaults = TraceOptions.defaults(format.get(), file.get().path())
        .withShownFile(file.get().shown())
        .withOnBadRow(onBadRow.or(TraceOptions.DEFAULT_ON_BAD_ROW));
    Bound<TraceOptions> options = switch (format.get()) {
      case TIMESTAMPS -> timestamps(f, defaults);
      case AZURE_2019 -> azure2019(f, defaults);
      case AZURE_2021 -> {
        Bound<Boolean> use = f.bool("useDurations", false);
        yield function(f, defaults).map(o -> o.withUseDurations(use.or(false)));
      }
      case CLOUDWATCH -> {
        Bound<Long> period = f.optional("period", TraceOptions.INFER_PERIOD, values::positiveDuration);
        Bound<WithinPeriod> within = f.choice("withinPeriod", TraceOptions.DEFAULT_WITHIN, WITHIN);
        yield function(f, defaults).map(o -> o.withPeriod(period.or(TraceOptions.INFER_PERIOD))
            .withWithin(within.or(TraceOptions.DEFAULT_WITHIN)));
      }
    };
    if (mark.reportedSince() || !Bound.allOk(window, offset, options)) {
      return Bound.reported();
    }
    try {
      TraceReaders.check(options.get());
    } catch (TraceException e) {
      values.problems().add(new Location(e.file(), (int) Math.min(e.line(), Integer.MAX_VALUE), 0),
          f.path("file"), e.problem());
      return Bound.reported();
    }
    return Bound.of(new TrafficSpec.Trace(stream, options.get(), offset.get().nanos(),
        offset.get().first(), window.get().fromNanos(), window.get().toNanos()));
  }

  private Bound<TraceOptions> timestamps(Fields f, TraceOptions options) {
    Bound<Column> column = f.optional("column", TraceOptions.DEFAULT_COLUMN, this::column);
    Bound<Long> unit = f.required("unit", "the unit of the timestamps: ns, us, ms or s",
        (n, p) -> values.choice(n, p, UNITS));
    // No duration column unless one is written; its unit is the timestamps' unless written.
    Bound<Column> duration = f.optional("duration", null, this::column);
    Bound<Long> durationUnit = f.has("durationUnit") ? f.choice("durationUnit", null, UNITS) : unit;
    if (f.has("durationUnit") && !f.has("duration")) {
      values.report(f.node("durationUnit"), f.path("durationUnit"), "durationUnit is set but there "
          + "is no duration column (add duration: <column>)");
    }
    if (!Bound.allOk(column, unit, duration, durationUnit)) {
      return Bound.reported();
    }
    TraceOptions o = options.withColumn(column.get(), unit.get());
    return Bound.of(duration.get() == null ? o : o.withDurationColumn(duration.get(), durationUnit.get()));
  }

  private Bound<TraceOptions> azure2019(Fields f, TraceOptions options) {
    Bound<Long> day = f.integer("day", (long) TraceOptions.DEFAULT_DAY, 1, MAX_DAY);
    Bound<WithinPeriod> within = f.choice("withinMinute", TraceOptions.DEFAULT_WITHIN, WITHIN);
    Bound<TraceOptions> withFunction = function(f, options)
        .map(o -> o.withDay(day.or((long) TraceOptions.DEFAULT_DAY).intValue())
            .withWithin(within.or(TraceOptions.DEFAULT_WITHIN)));
    // The durations file is checked even after a bad function id, as if none were written.
    Bound<TraceOptions> withDurations = durations(f, withFunction.or(options));
    return withFunction.then(o -> withDurations);
  }

  /** Returns a column: a name (text) or a 0-based index (integer). */
  private Bound<Column> column(Node n, String path) {
    if (n instanceof Node.Scalar s && s.kind() == Node.Scalar.Kind.NUMBER) {
      return values.integer(n, path, 0, MAX_COLUMN).map(index -> Column.at(index.intValue()));
    }
    return values.text(n, path).then(name -> name.isEmpty()
        ? values.reject(n, path, "an empty column name is not allowed (write the header text, or an index from 0)")
        : Bound.of(Column.named(name)));
  }

  /** Returns the options with the {@code function} to replay, if one is written. */
  private Bound<TraceOptions> function(Fields f, TraceOptions options) {
    Bound<String> function = f.text("function", null).then(id -> id != null
        && (id.isBlank() || id.startsWith("/") || id.endsWith("/"))
        ? values.reject(f.node("function"), f.path("function"), f.node("function").shown()
            + " is not a function id (write the hash, or app/func)")
        : Bound.of(id));
    return function.map(id -> id == null ? options : options.withFunction(id));
  }

  /** The azure-2019 duration-percentile file: allowed and checked like the trace file. */
  private Bound<TraceOptions> durations(Fields f, TraceOptions options) {
    if (!f.has("durations")) {
      return Bound.of(options);
    }
    return folder.existing(f.node("durations"), f.path("durations"), values).then(file -> {
      if (options.function() == null) {
        return values.reject(f.node("durations"), f.path("durations"), "durations need a function: "
            + "the percentiles are one function's (add function: <hash>)");
      }
      return Bound.of(options.withDurationsFile(file.path(), file.shown()));
    });
  }
}
