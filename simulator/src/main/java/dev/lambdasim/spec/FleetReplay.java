package dev.lambdasim.spec;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fleet's trace and its functions: the trace options (every row, offset resolved), and per
 * function its original id, its short name and whether {@code metrics.csv} lists it (one of the
 * {@code topN} with the most arrivals in the trace's replay window) or adds it to the
 * {@code *others*} row. Shared by the fleet's {@link TrafficSpec.Fleet} sources; compared by
 * identity, so the run can group them.
 */
public final class FleetReplay {

  /** How many of a fleet's functions {@code metrics.csv} lists by default. */
  public static final int DEFAULT_TOP_N = 20;

  private final TraceOptions options;
  private final long offsetNanos;
  private final long fromNanos;
  private final long toNanos;
  private final List<String> originalIds;
  private final List<String> names;
  private final boolean[] listed;
  private final Map<String, Integer> indexById;
  private final long rowsSkipped;
  private final List<String> rowsSkippedFirst;
  private final int durationDefaults;
  private final int memoryDefaults;

  public FleetReplay(TraceOptions options, long offsetNanos, long fromNanos, long toNanos,
      List<String> originalIds, List<String> names, boolean[] listed, long rowsSkipped,
      List<String> rowsSkippedFirst, int durationDefaults, int memoryDefaults) {
    this.options = options;
    this.offsetNanos = offsetNanos;
    this.fromNanos = fromNanos;
    this.toNanos = toNanos;
    this.originalIds = List.copyOf(originalIds);
    this.names = List.copyOf(names);
    this.listed = listed.clone();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < originalIds.size(); i++) {
      index.put(originalIds.get(i), i);
    }
    this.indexById = Collections.unmodifiableMap(index);
    this.rowsSkipped = rowsSkipped;
    this.rowsSkippedFirst = List.copyOf(rowsSkippedFirst);
    this.durationDefaults = durationDefaults;
    this.memoryDefaults = memoryDefaults;
  }

  /** Returns how many functions have {@code duration: {from: trace}} but took its default (no row in the durations file). */
  public int durationDefaults() {
    return durationDefaults;
  }

  /** Returns how many functions have {@code memoryMb: {from: trace}} but took its default (no row for their app). */
  public int memoryDefaults() {
    return memoryDefaults;
  }

  /**
   * Returns how many rows of the trace were skipped as bad ({@code onBadRow: skip}), counted by
   * the loading pass over the whole file; 0 under {@code onBadRow: fail}.
   */
  public long rowsSkipped() {
    return rowsSkipped;
  }

  /** Returns the first skipped rows, as {@code file:line: what is wrong}. */
  public List<String> rowsSkippedFirst() {
    return rowsSkippedFirst;
  }

  /** Returns the scenario's fleet, or null when it has none. */
  public static FleetReplay of(Scenario scenario) {
    for (FunctionSpec spec : scenario.functions()) {
      for (TrafficSpec source : spec.traffic()) {
        if (source instanceof TrafficSpec.Fleet fleet) {
          return fleet.replay();
        }
      }
    }
    return null;
  }

  /** Returns the trace's options, selecting no function. */
  public TraceOptions options() {
    return options;
  }

  /** Returns the offset added to every instant ({@code offset: first} already resolved). */
  public long offsetNanos() {
    return offsetNanos;
  }

  public long fromNanos() {
    return fromNanos;
  }

  public long toNanos() {
    return toNanos;
  }

  /** Returns how many functions the fleet has. */
  public int size() {
    return originalIds.size();
  }

  /** Returns the trace's id of function {@code index}. */
  public String originalId(int index) {
    return originalIds.get(index);
  }

  /** Returns the simulated function's name of function {@code index}. */
  public String name(int index) {
    return names.get(index);
  }

  /** Returns whether function {@code index} has its own rows in {@code metrics.csv}. */
  public boolean listed(int index) {
    return listed[index];
  }

  /** Returns the index of each original id. */
  public Map<String, Integer> indexById() {
    return indexById;
  }

  /** Returns whether the run reads the trace once for all functions (azure-2021, ordered by start). */
  public boolean sharedReader() {
    return options.format() == TraceFormat.AZURE_2021;
  }

  /** Returns a trace source replaying only function {@code index} (a pass over the file of its own). */
  public TrafficSpec.Trace traceOf(int index) {
    return new TrafficSpec.Trace("trace#0", options.withFunction(originalIds.get(index)),
        offsetNanos, false, fromNanos, toNanos);
  }

  /** Returns the original id of a fleet function, or null for a function written in {@code functions}. */
  public static String originalIdOf(FunctionSpec spec) {
    for (TrafficSpec source : spec.traffic()) {
      if (source instanceof TrafficSpec.Fleet fleet) {
        return fleet.replay().originalId(fleet.index());
      }
    }
    return null;
  }

  /** Returns whether {@code metrics.csv} lists the function (every written function, and a fleet's top N). */
  public static boolean listedInMetrics(FunctionSpec spec) {
    for (TrafficSpec source : spec.traffic()) {
      if (source instanceof TrafficSpec.Fleet fleet) {
        return fleet.replay().listed(fleet.index());
      }
    }
    return true;
  }
}
