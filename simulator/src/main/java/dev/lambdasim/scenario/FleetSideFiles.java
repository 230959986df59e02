package dev.lambdasim.scenario;

import dev.lambdasim.spec.DistributionSpec;
import dev.lambdasim.spec.FunctionSpec;
import dev.lambdasim.spec.TraceFormat;
import dev.lambdasim.workload.trace.FleetTraceData;
import dev.lambdasim.workload.trace.FleetTraceData.MemoryStatistic;
import dev.lambdasim.workload.trace.TraceException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The azure-2019 side files a fleet's trace may name, read for the whole fleet when the
 * scenario is loaded (not by each function's reader): {@code durations}, whose row for a
 * function gives its handler time, and {@code memory}, whose row for an app gives its
 * functions' memory, by {@code memoryStatistic}.
 *
 * @param rest          the trace mapping without these keys, for the trace source's binder
 * @param durationsNode where {@code durations} is written, or null
 * @param durations     the duration-percentile file, or null when not written
 * @param memoryNode    where {@code memory} is written, or null
 * @param memory        the app memory file, or null when not written
 * @param statistic     which column of the memory file
 */
record FleetSideFiles(Node rest, Node durationsNode, ScenarioFolder.NamedFile durations,
    Node memoryNode, ScenarioFolder.NamedFile memory, MemoryStatistic statistic) {

  static final List<String> KEYS = List.of("durations", "memory", "memoryStatistic");
  static final Labels<MemoryStatistic> STATISTICS =
      Labels.of(MemoryStatistic.values(), MemoryStatistic::label);
  static final MemoryStatistic DEFAULT_STATISTIC = MemoryStatistic.P99;

  /** How many functions took a field's default for want of a row in its side file. */
  record Fallbacks(int durations, int memory) {
    static final Fallbacks NONE = new Fallbacks(0, 0);
  }

  /** Takes the side files out of the fleet's {@code trace} mapping; the mark when one was reported. */
  static Bound<FleetSideFiles> of(Node node, Values values, ScenarioFolder folder) {
    if (!(node instanceof Node.Mapping m)) {
      return Bound.of(new FleetSideFiles(node, null, null, null, null, DEFAULT_STATISTIC));
    }
    Node.Mapping rest = Node.Mapping.empty(m.at());
    m.values().forEach((k, v) -> {
      if (!KEYS.contains(k)) {
        rest.put(k, m.keys().get(k), v);
      }
    });
    if (KEYS.stream().noneMatch(m.values()::containsKey)) {
      return Bound.of(new FleetSideFiles(rest, null, null, null, null, DEFAULT_STATISTIC));
    }
    Node format = m.values().get("format");
    boolean is2019 = format instanceof Node.Scalar fs && fs.text().equals(TraceFormat.AZURE_2019.label());
    Problems.Mark mark = values.mark();
    Bound<ScenarioFolder.NamedFile> durations = Bound.of(null);
    Bound<ScenarioFolder.NamedFile> memory = Bound.of(null);
    Bound<MemoryStatistic> statistic = Bound.of(DEFAULT_STATISTIC);
    for (String k : KEYS) {
      Node v = m.values().get(k);
      if (v == null) {
        continue;
      }
      String path = "fleet.trace." + k;
      if (!is2019) {
        values.problems().add(m.keys().get(k), path, Node.clipped(k, true) + " is an azure-2019 option (the "
            + "Azure 2019 dataset's side files); this trace is not azure-2019");
      } else if (k.equals("memoryStatistic")) {
        statistic = values.choice(v, path, STATISTICS);
      } else if (k.equals("durations")) {
        durations = folder.existing(v, path, values);
      } else {
        memory = folder.existing(v, path, values);
      }
    }
    if (!mark.reportedSince() && m.values().containsKey("memoryStatistic") && memory.get() == null) {
      values.problems().add(m.keys().get("memoryStatistic"), "fleet.trace.memoryStatistic",
          "memoryStatistic is set but there is no memory file (add memory: <app_memory_percentiles file>)");
    }
    if (mark.reportedSince()) {
      return Bound.reported();
    }
    return Bound.of(new FleetSideFiles(rest, m.values().get("durations"), durations.get(),
        m.values().get("memory"), memory.get(), statistic.get()));
  }

  /**
   * Sets the memory and handler time of the functions whose fields say {@code from: trace},
   * from one pass over each side file; a function or app without a row takes the field's
   * default, or is an error located at the side file. Returns how many took the default.
   */
  Bound<Fallbacks> fill(List<FunctionSpec> specs, List<String> ids, List<String> names,
      List<FromTrace> fromTrace, Values values) {
    Set<String> wantDurations = new HashSet<>();
    Set<String> wantApps = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      if (fromTrace.get(i).duration()) {
        wantDurations.add(ids.get(i));
      }
      if (fromTrace.get(i).memory()) {
        wantApps.add(app(ids.get(i)));
      }
    }
    if (wantDurations.isEmpty() && wantApps.isEmpty()) {
      return Bound.of(Fallbacks.NONE);
    }
    Map<String, long[]> durationRows;
    Map<String, Double> memoryRows;
    try {
      durationRows = wantDurations.isEmpty() ? Map.of()
          : FleetTraceData.durations(durations.path(), durations.shown(), wantDurations);
      memoryRows = wantApps.isEmpty() ? Map.of()
          : FleetTraceData.memory(memory.path(), memory.shown(), statistic, wantApps);
    } catch (TraceException e) {
      values.problems().add(new Location(e.file(), (int) Math.min(e.line(), Integer.MAX_VALUE), 0),
          memory != null && e.file().equals(memory.shown()) ? "fleet.trace.memory"
              : "fleet.trace.durations", e.problem());
      return Bound.reported();
    }
    int durationDefaults = 0;
    int memoryDefaults = 0;
    List<String> missingDurations = new ArrayList<>();
    List<String> missingApps = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      FromTrace ft = fromTrace.get(i);
      FunctionSpec spec = specs.get(i);
      DistributionSpec duration = spec.code().duration();
      int memoryMb = spec.code().memoryMb();
      int reference = spec.code().referenceMemoryMb();
      if (ft.duration()) {
        long[] p = durationRows.get(ids.get(i));
        if (p != null) {
          List<Double> nanos = new ArrayList<>();
          for (long v : p) {
            nanos.add((double) v);
          }
          duration = new DistributionSpec.Percentiles(FleetTraceData.DURATION_PROBABILITIES, nanos);
        } else if (ft.durationDefault()) {
          durationDefaults++;
        } else {
          missingDurations.add(ids.get(i) + " (" + names.get(i) + ")");
        }
      }
      if (ft.memory()) {
        Double mb = memoryRows.get(app(ids.get(i)));
        if (mb != null) {
          memoryMb = FleetTraceData.lambdaMemoryMb(mb);
          if (!ft.referenceWritten()) {
            // Durations were measured at the app's own memory: no scaling unless a reference is written.
            reference = memoryMb;
          }
        } else if (ft.memoryDefault()) {
          memoryDefaults++;
        } else if (!missingApps.contains(app(ids.get(i)))) {
          missingApps.add(app(ids.get(i)));
        }
      }
      specs.set(i, spec.withCode(spec.code().withMemoryMb(memoryMb)
          .withReferenceMemoryMb(reference).withDuration(duration)));
    }
    reportMissing(values, durations, "fleet.trace.durations", missingDurations, "fleet function",
        "whose duration is {from: trace}",
        "give a fallback: duration: {from: trace, default: {dist: ...}}");
    reportMissing(values, memory, "fleet.trace.memory", missingApps, "app",
        "of fleet functions whose memoryMb is {from: trace}",
        "HashOwner/HashApp; give a fallback: memoryMb: {from: trace, default: 512}");
    if (!missingDurations.isEmpty() || !missingApps.isEmpty()) {
      return Bound.reported();
    }
    return Bound.of(new Fallbacks(durationDefaults, memoryDefaults));
  }

  /** Reports the functions or apps that {@code file} has no row for, naming the first three. */
  private static void reportMissing(Values values, ScenarioFolder.NamedFile file, String path,
      List<String> missing, String noun, String which, String hint) {
    if (missing.isEmpty()) {
      return;
    }
    values.problems().add(new Location(file.shown(), 0, 0), path, "no row for " + missing.size()
        + " " + noun + (missing.size() == 1 ? "" : "s") + " " + which + ", e.g. "
        + String.join(", ", missing.subList(0, Math.min(3, missing.size()))) + " (" + hint + ")");
  }

  /** Returns HashOwner/HashApp of an azure-2019 id HashOwner/HashApp/HashFunction. */
  private static String app(String id) {
    return id.substring(0, id.lastIndexOf('/'));
  }
}
