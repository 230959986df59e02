package dev.lambdasim.run;

import dev.lambdasim.cost.Bill;
import dev.lambdasim.cost.CostModel;
import dev.lambdasim.cost.FunctionUsage;
import dev.lambdasim.engine.EventLoop;
import dev.lambdasim.metrics.EnvironmentTimeline;
import dev.lambdasim.metrics.EsmMetrics;
import dev.lambdasim.metrics.FunctionMetrics;
import dev.lambdasim.metrics.LatencyHistogram;
import dev.lambdasim.metrics.MeasuredWindow;
import dev.lambdasim.metrics.MetricsRecorder;
import dev.lambdasim.metrics.MetricsSink;
import dev.lambdasim.model.Account;
import dev.lambdasim.model.AsyncQueue;
import dev.lambdasim.model.EventSource;
import dev.lambdasim.model.SimulatedFunction;
import dev.lambdasim.model.SqsQueue;
import dev.lambdasim.model.StreamMapping;
import dev.lambdasim.metrics.ThrottleReason;
import dev.lambdasim.random.RandomStreams;
import dev.lambdasim.spec.AsyncSpec;
import dev.lambdasim.spec.FleetReplay;
import dev.lambdasim.spec.FunctionSpec;
import dev.lambdasim.spec.InvocationType;
import dev.lambdasim.spec.Scenario;
import dev.lambdasim.spec.TrafficSpec;
import dev.lambdasim.workload.ArrivalProcesses;
import dev.lambdasim.workload.trace.BadRows;
import dev.lambdasim.workload.TraceArrivals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of one scenario: builds the object graph (loop, account, functions, sources), plays
 * the traffic to the horizon, checks the conservation ledger and summarises.
 *
 * <p>Everything a run touches hangs off this object; several simulations can run in one JVM.
 */
public final class Simulation {

  /** Percentiles at which latency CDFs are reported. */
  static final double[] CDF_PERCENTILES = {
      0, 1, 5, 10, 20, 25, 30, 40, 50, 60, 70, 75, 80, 90, 95, 99, 99.9, 100};

  /** How many progress reports a run makes. */
  private static final int PROGRESS_STEPS = 200;

  private final Scenario scenario;
  private final EventLoop loop = new EventLoop();
  private final MetricsRecorder recorder;
  private final List<SimulatedFunction> functions = new ArrayList<>();
  private final List<ArrivalSource> sources = new ArrayList<>();
  /** One per fleet that reads its trace once for all its functions. */
  private final Map<FleetReplay, FleetSource> fleetSources = new LinkedHashMap<>();
  private final PeriodClock periodClock;
  private final Account account;

  public Simulation(Scenario scenario, MetricsSink sink) {
    this(scenario, sink, null, TimelineLimits.NONE);
  }

  /**
   * A run whose metrics rows go to {@code sink} and whose environment state spans, within
   * {@code limits}, go to {@code timelineSink} (may be null for none).
   */
  public Simulation(Scenario scenario, MetricsSink sink, EnvironmentTimeline.Sink timelineSink,
      TimelineLimits limits) {
    this.scenario = scenario;
    this.recorder = new MetricsRecorder(scenario.warmupNanos(), sink);
    RandomStreams streams = new RandomStreams(scenario.seed());
    this.account = new Account(scenario.account(), scenario.functions(),
        recorder.accountConcurrency, recorder.accountProvisionedBusy);
    for (int i = 0; i < scenario.functions().size(); i++) {
      FunctionSpec spec = scenario.functions().get(i);
      FunctionMetrics metrics =
          recorder.register(new FunctionMetrics(spec.name(), scenario.warmupNanos()),
              FleetReplay.listedInMetrics(spec));
      EnvironmentTimeline timeline = timelineSink == null
          ? EnvironmentTimeline.none(spec.name())
          : new EnvironmentTimeline(spec.name(), timelineSink, limits.maxEnvironments(),
              limits.maxSpansPerFunction());
      SimulatedFunction function = new SimulatedFunction(spec, i, loop, account, streams, metrics,
          timeline, scenario.pricing().billInit(), scenario.warmupNanos(),
          scenario.durationNanos());
      functions.add(function);
      for (TrafficSpec source : spec.traffic()) {
        if (source instanceof TrafficSpec.Fleet fleet && fleet.replay().sharedReader()) {
          fleetSources.computeIfAbsent(fleet.replay(),
              r -> new FleetSource(loop, r, scenario.durationNanos())).attach(fleet.index(), function);
          continue;
        }
        sources.add(new ArrivalSource(loop, function,
            ArrivalProcesses.of(source, spec.name(), streams), scenario.durationNanos(),
            spec.name() + "/" + source.streamName()));
      }
    }
    Map<String, SimulatedFunction> byName = new LinkedHashMap<>();
    for (SimulatedFunction f : functions) {
      byName.put(f.name(), f);
      f.attach(new AsyncQueue(f, f.metrics(), f.spec().invocation().async(),
          streams.stream("function/" + f.name() + "/asyncBackoff")));
    }
    for (SimulatedFunction f : functions) {
      AsyncSpec async = f.spec().invocation().async();
      f.asyncQueue().connect(queueOf(byName, async.onSuccess()), queueOf(byName, async.onFailure()));
      String prefix = "function/" + f.name() + "/";
      if (f.spec().invocation().type() == InvocationType.SQS) {
        f.attach(new SqsQueue(f, f.spec().invocation().sqs(), streams.stream(prefix + "sqsPoison")));
      } else if (f.spec().invocation().type() == InvocationType.STREAM) {
        f.attach(new StreamMapping(f, f.spec().invocation().stream(), streams.stream(prefix + "streamRouting"),
            streams.stream(prefix + "streamPoison")));
      }
    }
    this.periodClock = new PeriodClock(loop, recorder, scenario.metricsPeriodNanos(),
        scenario.durationNanos());
  }

  private static AsyncQueue queueOf(Map<String, SimulatedFunction> byName, String target) {
    SimulatedFunction function = target == null ? null : byName.get(target);
    return function == null ? null : function.asyncQueue();
  }

  /** Runs the scenario without a metrics file. */
  public static RunResult run(Scenario scenario) {
    return new Simulation(scenario, MetricsSink.discarding()).run(ProgressListener.none());
  }

  /**
   * Plays the scenario to its horizon and returns the result.
   *
   * @throws IllegalStateException if the conservation ledger does not balance (a bug)
   */
  public RunResult run(ProgressListener progress) {
    for (SimulatedFunction f : functions) {
      f.provision();
    }
    periodClock.start();
    long horizon = scenario.durationNanos();
    try {
      for (ArrivalSource source : sources) {
        source.start();
      }
      for (FleetSource fleet : fleetSources.values()) {
        fleet.start();
      }
      for (int step = 1; step <= PROGRESS_STEPS; step++) {
        long until = step == PROGRESS_STEPS ? horizon : horizon / PROGRESS_STEPS * step;
        loop.runUntil(until);
        progress.progress((double) step / PROGRESS_STEPS, loop.eventsHandled());
      }
    } finally {
      // Trace files stay open while a trace has arrivals left before the horizon.
      for (ArrivalSource source : sources) {
        source.close();
      }
      fleetSources.values().forEach(FleetSource::close);
    }
    periodClock.finish();
    for (SimulatedFunction f : functions) {
      f.closeTimeline(horizon);
    }
    return summarise();
  }

  private RunResult summarise() {
    long horizon = scenario.durationNanos();
    long measuredNanos = horizon - scenario.warmupNanos();
    double measuredSeconds = measuredNanos / 1e9;

    List<FunctionUsage> usages = new ArrayList<>();
    for (SimulatedFunction f : functions) {
      MeasuredWindow m = f.metrics().measured();
      FunctionSpec spec = f.spec();
      double configuredGbSeconds = f.provisionedConfiguredGbSeconds(horizon);
      usages.add(new FunctionUsage(spec.name(), spec.code().architecture(), m.invocations(),
          m.onDemandGbSeconds(), m.provisionedDurationGbSeconds(), configuredGbSeconds));
    }
    Bill bill = new CostModel(scenario.pricing(), measuredSeconds).bill(usages);

    List<FunctionSummary> summaries = new ArrayList<>();
    Map<String, Long> accountByReason = emptyByReason();
    Ledger conservation = Ledger.EMPTY;
    for (int i = 0; i < functions.size(); i++) {
      SimulatedFunction f = functions.get(i);
      FunctionMetrics m = f.metrics();
      MeasuredWindow w = m.measured();
      Ledger all = Ledger.of(m.allOutcomes());
      Ledger measured = Ledger.of(m.measuredOutcomes());
      if (!all.balanced() || !measured.balanced()) {
        throw new IllegalStateException("conservation ledger of function " + f.name()
            + " does not balance: whole run " + all + ", measured " + measured);
      }
      // An independent count: the requests the model itself still holds.
      if (all.inFlightAtEnd() != f.requestsInFlight()) {
        throw new IllegalStateException("conservation ledger of function " + f.name()
            + " says " + all.inFlightAtEnd() + " requests are in flight, the model holds "
            + f.requestsInFlight());
      }
      Map<String, Long> byReason = emptyByReason();
      long throttles = 0;
      for (ThrottleReason reason : ThrottleReason.all()) {
        long count = w.throttles(reason);
        byReason.put(reason.label(), count);
        accountByReason.merge(reason.label(), count, Long::sum);
        throttles += count;
      }
      conservation = conservation.plus(measured);
      summaries.add(new FunctionSummary(
          f.name(), measured.arrivals(), w.invocations(), w.errors(), w.timeouts(), throttles,
          byReason, w.coldStarts(), w.provisionedInvocations(), w.spilloverInvocations(),
          Stats.of(w.duration()), Stats.of(w.init()), Stats.of(w.latency()),
          m.concurrency.measuredPeak(), m.concurrency.measuredMean(horizon),
          w.environmentsCreated(), w.environmentsReclaimed(), w.environmentsRecycled(),
          m.environments.measuredPeak(),
          m.idle.measuredMean(horizon) + m.provisionedIdle.measuredMean(horizon),
          w.onDemandGbSeconds(), w.provisionedDurationGbSeconds(),
          usages.get(i).provisionedConfiguredGbSeconds(),
          bill.byFunction().get(f.name()), measured,
          cdf(w.latencyCold()), cdf(w.latencyWarm()),
          new ProvisionedSummary(usages.get(i).provisionedConfiguredGbSeconds(),
              m.provisionedUtilisationMean(horizon), m.provisionedUtilisationMax(),
              m.scalingActionCount(), m.scalingActions()),
          new AsyncSummary(m.async.received(), m.async.dropped(), m.async.retried(),
              m.async.throttledAttempts(), Stats.of(m.async.age()),
              m.async.queueDepth.measuredPeak(), m.async.failuresByCondition(),
              m.async.failedInvokeCounts(), m.async.deliveries()),
          traceRows(f), eventSource(f)));
    }
    Map<String, Integer> claimed = new LinkedHashMap<>();
    for (FunctionSpec spec : scenario.functions()) {
      claimed.put(spec.name(), Account.claim(spec));
    }
    return new RunResult(scenario, measuredSeconds, summaries,
        recorder.accountConcurrency.measuredPeak(),
        recorder.accountConcurrency.measuredMean(horizon),
        accountByReason, bill.account(), conservation, claimed, loop.eventsHandled());
  }

  /** Returns the rows the function's trace sources skipped, or null if it has none. */
  private FunctionSummary.TraceRows traceRows(SimulatedFunction function) {
    long skipped = 0;
    List<String> first = new ArrayList<>();
    boolean any = false;
    for (ArrivalSource source : sources) {
      if (source.function() == function && source.process() instanceof TraceArrivals trace) {
        any = true;
        skipped += trace.badRows().skipped();
        first.addAll(trace.badRows().firstSkipped());
      }
    }
    return any ? new FunctionSummary.TraceRows(skipped,
        first.subList(0, Math.min(first.size(), BadRows.KEPT))) : null;
  }

  private static EsmSummary eventSource(SimulatedFunction f) {
    EventSource source = f.eventSource();
    if (source == null) {
      return null;
    }
    EsmMetrics esm = f.metrics().esm;
    List<EsmSummary.Shard> shards = new ArrayList<>();
    if (source instanceof StreamMapping stream) {
      for (StreamMapping.ShardStats s : stream.shardStats()) {
        shards.add(new EsmSummary.Shard(s.shard(), s.received(), s.succeeded(), s.givenUp(),
            s.backlogAtEnd(), s.iteratorAgeMaxMs(), s.poisoned()));
      }
    }
    return new EsmSummary(f.spec().invocation().type().label(), esm.received(), esm.batches(),
        esm.meanBatchSize(), esm.receives(), esm.throttledBatches(), esm.failedBatches(),
        esm.retries(), esm.bisections(), Stats.of(esm.messageAge()), Stats.of(esm.iteratorAge()),
        esm.backlog.measuredPeak(), esm.batchesInFlight.measuredPeak(),
        esm.pollerConcurrency.measuredPeak(), esm.failedByCondition(), esm.deliveries(),
        esm.failureRecordCount(), esm.failureRecords(), shards);
  }

  private static Map<String, Long> emptyByReason() {
    Map<String, Long> byReason = new LinkedHashMap<>();
    for (ThrottleReason reason : ThrottleReason.all()) {
      byReason.put(reason.label(), 0L);
    }
    return byReason;
  }

  private static List<FunctionSummary.CdfPoint> cdf(LatencyHistogram histogram) {
    List<FunctionSummary.CdfPoint> points = new ArrayList<>();
    if (histogram.count() == 0) {
      return points;
    }
    for (double p : CDF_PERCENTILES) {
      points.add(new FunctionSummary.CdfPoint(p, histogram.percentileMs(p)));
    }
    return points;
  }
}
