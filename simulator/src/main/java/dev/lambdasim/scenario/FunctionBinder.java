package dev.lambdasim.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Binds one item of {@code functions}. */
final class FunctionBinder {

  static final List<String> FIELDS = List.of("name", "description", "memoryMb", "architecture",
      "timeout", "duration", "referenceMemoryMb", "cpuBound", "threads", "init", "errorRate",
      "keepAlive", "maxLifetime", "reuse", "reservedConcurrency", "provisionedConcurrency",
      "invocation", "async", "sqs", "stream", "traffic");
  static final List<String> LATER_INVOCATIONS = List.of("sqs", "stream");
  static final List<String> ASYNC_FIELDS =
      List.of("maxRetries", "maxEventAge", "onSuccess", "onFailure", "deadLetter");

  static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  static final long SECOND = 1_000_000_000L;
  static final long MINUTE = 60 * SECOND;

  private static final Map<String, Architecture> ARCHITECTURES =
      labels(Architecture.values(), Architecture::label);
  private static final Map<String, ReusePolicy> REUSE = labels(ReusePolicy.values(), ReusePolicy::label);
  private static final Map<String, String> INVOCATIONS = Map.of(
      "sync", "sync", "async", "async", "sqs", "sqs", "stream", "stream");

  private final Values values;
  private final DistributionBinder distributions;
  private final TrafficBinder traffic;
  private final ProvisionedBinder provisionedBinder;

  FunctionBinder(Values values, DistributionBinder distributions, TrafficBinder traffic,
      ProvisionedBinder provisionedBinder) {
    this.values = values;
    this.distributions = distributions;
    this.traffic = traffic;
    this.provisionedBinder = provisionedBinder;
  }

  private static <E> Map<String, E> labels(E[] constants, java.util.function.Function<E, String> label) {
    Map<String, E> m = new LinkedHashMap<>();
    for (E e : constants) {
      m.put(label.apply(e), e);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  /** Returns the function; values left invalid are replaced by placeholders (the load will fail). */
  FunctionSpec bind(Node node, String path) {
    Fields f = Fields.of(node, path, values, FIELDS);
    Node nameNode = f.required("name", "a unique name matching [A-Za-z0-9_.-]{1,64}");
    String name = nameNode == null ? null : values.text(nameNode, f.path("name"));
    if (name != null && !NAME.matcher(name).matches()) {
      values.report(nameNode, f.path("name"), nameNode.shown()
          + " is not a valid function name (allowed: 1 to 64 of A-Z a-z 0-9 _ . -)");
    }
    String description = f.text("description", "");
    Long memoryMb = f.integer("memoryMb", 128L, 128, 10240);
    Architecture architecture = f.choice("architecture", Architecture.X86_64, ARCHITECTURES);
    Long timeout = f.duration("timeout", 3 * SECOND, SECOND, 900 * SECOND, "1s", "900s");
    Node durationNode = f.required("duration", "a distribution, e.g. {dist: lognormal, median: 80ms, p99: 400ms}");
    DistributionSpec duration = durationNode == null ? null : distributions.bind(durationNode, f.path("duration"));
    Long referenceMemoryMb = f.integer("referenceMemoryMb", memoryMb == null ? 128L : memoryMb, 128, 10240);
    Double cpuBound = f.decimal("cpuBound", 1.0, 0, 1);
    Long threads = f.integer("threads", 1L, 1, 64);
    InitSpec init = init(f);
    Double errorRate = f.decimal("errorRate", 0.0, 0, 1);
    DistributionSpec keepAlive = f.has("keepAlive")
        ? distributions.bind(f.node("keepAlive"), f.path("keepAlive"))
        : new DistributionSpec.Uniform(5 * MINUTE, 7 * MINUTE);
    Long maxLifetime = f.duration("maxLifetime", 120 * MINUTE, MINUTE, Long.MAX_VALUE, "1m", null);
    ReusePolicy reuse = f.choice("reuse", ReusePolicy.MOST_RECENT, REUSE);
    Long reserved = f.integer("reservedConcurrency", (long) FunctionSpec.NO_RESERVED, 0, 1_000_000);
    ProvisionedSpec provisioned = provisionedBinder.bind(f.node("provisionedConcurrency"), f.path("provisionedConcurrency"));
    InvocationType invocation = invocation(f);
    AsyncSpec async = async(f);
    Node trafficNode = f.required("traffic", "a list of sources, e.g. [{poisson: {rate: 20/s}}]");
    List<TrafficSpec> sources = trafficNode == null ? List.of() : traffic.bind(trafficNode, f.path("traffic"));

    if (reserved != null && provisioned != null && reserved != FunctionSpec.NO_RESERVED
        && provisioned.maxPossible() > reserved) {
      values.report(f.node("provisionedConcurrency"), f.path("provisionedConcurrency"),
          (provisioned.isFixed() ? provisioned.maxPossible() + " is"
              : "its largest possible value " + provisioned.maxPossible() + " is")
          + " above reservedConcurrency " + reserved + " (allowed 0.." + reserved + ")");
    }
    return new FunctionSpec(name == null ? "" : name, description, or(memoryMb, 128L).intValue(),
        architecture == null ? Architecture.X86_64 : architecture, or(timeout, SECOND),
        duration == null ? new DistributionSpec.Constant(0) : duration,
        or(referenceMemoryMb, 128L).intValue(), or(cpuBound, 1.0), or(threads, 1L).intValue(), init,
        or(errorRate, 0.0), keepAlive == null ? new DistributionSpec.Constant(0) : keepAlive,
        or(maxLifetime, MINUTE), reuse == null ? ReusePolicy.MOST_RECENT : reuse,
        or(reserved, (long) FunctionSpec.NO_RESERVED).intValue(),
        provisioned == null ? ProvisionedSpec.fixed(0) : provisioned,
        invocation == null ? InvocationType.SYNC : invocation, sources,
        async == null ? AsyncSpec.defaults() : async);
  }

  private InitSpec init(Fields f) {
    DistributionSpec lognormal150 = new DistributionSpec.LogNormal(Math.log(150e6),
        (Math.log(400e6) - Math.log(150e6)) / DistributionBinder.Z_99);
    if (!f.has("init")) {
      return new InitSpec(lognormal150, 0);
    }
    Fields init = Fields.of(f.node("init"), f.path("init"), values, List.of("duration", "cpuBound"));
    DistributionSpec duration = init.has("duration")
        ? distributions.bind(init.node("duration"), init.path("duration")) : lognormal150;
    Double cpuBound = init.decimal("cpuBound", 0.0, 0, 1);
    return new InitSpec(duration == null ? lognormal150 : duration, or(cpuBound, 0.0));
  }

  private AsyncSpec async(Fields f) {
    if (!f.has("async")) {
      return AsyncSpec.defaults();
    }
    Fields a = Fields.of(f.node("async"), f.path("async"), values, ASYNC_FIELDS);
    Long maxRetries = a.integer("maxRetries", (long) AsyncSpec.DEFAULT_MAX_RETRIES, 0, 2);
    Long maxEventAge = a.duration("maxEventAge", AsyncSpec.DEFAULT_MAX_EVENT_AGE_NANOS,
        60 * SECOND, AsyncSpec.DEFAULT_MAX_EVENT_AGE_NANOS, "60s", "6h");
    String onSuccess = a.text("onSuccess", null);
    String onFailure = a.text("onFailure", null);
    String deadLetter = a.text("deadLetter", null);
    for (String key : List.of("onSuccess", "onFailure", "deadLetter")) {
      String target = a.text(key, null);
      if (target != null && !NAME.matcher(target).matches()) {
        values.report(a.node(key), a.path(key), "'" + target + "' is not a valid destination "
            + "name (allowed: a function's name, or a sink name of 1 to 64 of A-Z a-z 0-9 _ . -)");
      }
    }
    if (maxRetries == null || maxEventAge == null) {
      return null;
    }
    return new AsyncSpec(maxRetries.intValue(), maxEventAge, onSuccess, onFailure, deadLetter);
  }

  private InvocationType invocation(Fields f) {
    String invocation = f.choice("invocation", "sync", INVOCATIONS);
    if (invocation != null && !invocation.equals("sync") && !invocation.equals("async")) {
      values.report(f.node("invocation"), f.path("invocation"), "invocation '" + invocation
          + "' is not supported yet (supported: sync, async)");
    }
    for (String later : LATER_INVOCATIONS) {
      if (f.has(later)) {
        values.problems().add(f.keyAt(later), f.path(later), "'" + later
            + "' settings are not supported yet (invocation: sync and async are simulated)");
      }
    }
    return "async".equals(invocation) ? InvocationType.ASYNC : InvocationType.SYNC;
  }

  private static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
