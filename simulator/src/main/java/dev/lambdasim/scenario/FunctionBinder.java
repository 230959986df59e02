package dev.lambdasim.scenario;

import dev.lambdasim.spec.Architecture;
import dev.lambdasim.spec.AsyncSpec;
import dev.lambdasim.spec.CodeSpec;
import dev.lambdasim.spec.ConcurrencySpec;
import dev.lambdasim.spec.DistributionSpec;
import dev.lambdasim.spec.EnvironmentSpec;
import dev.lambdasim.spec.FunctionSpec;
import dev.lambdasim.spec.InitSpec;
import dev.lambdasim.spec.InvocationSpec;
import dev.lambdasim.spec.InvocationType;
import dev.lambdasim.spec.ProvisionedSpec;
import dev.lambdasim.spec.ReusePolicy;
import dev.lambdasim.spec.SqsSpec;
import dev.lambdasim.spec.StreamSpec;
import dev.lambdasim.spec.TimeUnits;
import dev.lambdasim.spec.TrafficSpec;

import java.util.List;
import java.util.regex.Pattern;

/** Binds one item of {@code functions}: its code, environments, concurrency and traffic. */
final class FunctionBinder {

  static final List<String> FIELDS = List.of("name", "description", "memoryMb", "architecture",
      "timeout", "duration", "referenceMemoryMb", "cpuBound", "threads", "init", "errorRate",
      "keepAlive", "maxLifetime", "reuse", "reservedConcurrency", "provisionedConcurrency",
      "invocation", "async", "sqs", "stream", "retry", "traffic");
  static final List<String> INIT_FIELDS = List.of("duration", "cpuBound");

  static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  static final Labels<Architecture> ARCHITECTURES = Labels.of(Architecture.values(), Architecture::label);
  static final Labels<ReusePolicy> REUSE = Labels.of(ReusePolicy.values(), ReusePolicy::label);
  /** A placeholder handler time for a function whose duration was reported; the load fails. */
  private static final DistributionSpec REPORTED_DURATION = new DistributionSpec.Constant(0);

  private final Values values;
  private final DistributionBinder distributions;
  private final TrafficBinder traffic;
  private final ProvisionedBinder provisioned;
  private final InvocationBinder invocations;

  FunctionBinder(Values values, DistributionBinder distributions, TrafficBinder traffic,
      ProvisionedBinder provisioned) {
    this.values = values;
    this.distributions = distributions;
    this.traffic = traffic;
    this.provisioned = provisioned;
    this.invocations = new InvocationBinder(values);
  }

  /**
   * Returns the function. A reported field takes its default, so that binding goes on and every
   * problem is found; the load fails, so the spec is only meaningful when nothing was reported.
   */
  FunctionSpec bind(Node node, String path) {
    Fields f = Fields.of(node, path, values, FIELDS);
    Bound<String> name = f.required("name", "a unique name matching [A-Za-z0-9_.-]{1,64}", values::text);
    if (name.ok() && !NAME.matcher(name.get()).matches()) {
      values.report(f.node("name"), f.path("name"), f.node("name").shown()
          + " is not a valid function name (allowed: 1 to 64 of A-Z a-z 0-9 _ . -)");
    }
    Bound<String> description = f.text("description", "");
    Bound<Long> memoryMb = f.integer("memoryMb", (long) CodeSpec.DEFAULT_MEMORY_MB,
        CodeSpec.MIN_MEMORY_MB, CodeSpec.MAX_MEMORY_MB);
    Bound<Architecture> architecture = f.choice("architecture", CodeSpec.DEFAULT_ARCHITECTURE,
        ARCHITECTURES);
    Bound<Long> timeout = f.duration("timeout", CodeSpec.DEFAULT_TIMEOUT_NANOS, TimeUnits.SECOND,
        900 * TimeUnits.SECOND, "1s", "900s");
    Bound<DistributionSpec> duration = f.required("duration",
        "a distribution, e.g. {dist: lognormal, median: 80ms, p99: 400ms}", distributions::bind);
    // Handler time is measured at the function's own memory unless another is written.
    long memoryOrDefault = memoryMb.or((long) CodeSpec.DEFAULT_MEMORY_MB);
    Bound<Long> referenceMemoryMb = f.integer("referenceMemoryMb", memoryOrDefault,
        CodeSpec.MIN_MEMORY_MB, CodeSpec.MAX_MEMORY_MB);
    Bound<Double> cpuBound = f.decimal("cpuBound", CodeSpec.DEFAULT_CPU_BOUND, 0, 1);
    Bound<Long> threads = f.integer("threads", (long) CodeSpec.DEFAULT_THREADS, 1, 64);
    InitSpec init = init(f);
    Bound<Double> errorRate = f.decimal("errorRate", CodeSpec.DEFAULT_ERROR_RATE, 0, 1);
    Bound<DistributionSpec> keepAlive = f.optional("keepAlive", EnvironmentSpec.DEFAULT_KEEP_ALIVE,
        distributions::bind);
    Bound<Long> maxLifetime = f.duration("maxLifetime", EnvironmentSpec.DEFAULT_MAX_LIFETIME_NANOS,
        TimeUnits.MINUTE, Long.MAX_VALUE, "1m", null);
    Bound<ReusePolicy> reuse = f.choice("reuse", EnvironmentSpec.DEFAULT_REUSE, REUSE);
    Bound<Long> reserved = f.integer("reservedConcurrency", (long) ConcurrencySpec.NO_RESERVED, 0,
        ProvisionedBinder.MAX_COUNT);
    Bound<ProvisionedSpec> provisionedSpec = provisioned.bind(f.node("provisionedConcurrency"),
        f.path("provisionedConcurrency"));
    Bound<InvocationType> type = invocations.type(f);
    Bound<AsyncSpec> async = invocations.async(f);
    Bound<SqsSpec> sqs = invocations.sqs(f, type, timeout);
    Bound<StreamSpec> stream = invocations.stream(f, type);
    Bound<List<TrafficSpec>> sources = f.required("traffic",
        "a list of sources, e.g. [{poisson: {rate: 20/s}}]", (n, p) -> Bound.of(traffic.bind(n, p)));

    ConcurrencySpec concurrency = new ConcurrencySpec(
        reserved.or((long) ConcurrencySpec.NO_RESERVED).intValue(),
        provisionedSpec.or(ConcurrencySpec.DEFAULTS.provisioned()));
    checkProvisionedWithinReserved(f, reserved, provisionedSpec);
    InvocationSpec d = InvocationSpec.DEFAULTS;
    InvocationSpec invocation = new InvocationSpec(type.or(d.type()), async.or(d.async()),
        sqs.or(d.sqs()), stream.or(d.stream()), invocations.retry(f, type).or(d.retry()));
    CodeSpec code = new CodeSpec((int) memoryOrDefault,
        architecture.or(CodeSpec.DEFAULT_ARCHITECTURE), timeout.or(CodeSpec.DEFAULT_TIMEOUT_NANOS),
        duration.or(REPORTED_DURATION), referenceMemoryMb.or(memoryOrDefault).intValue(),
        cpuBound.or(CodeSpec.DEFAULT_CPU_BOUND),
        threads.or((long) CodeSpec.DEFAULT_THREADS).intValue(), init,
        errorRate.or(CodeSpec.DEFAULT_ERROR_RATE));
    EnvironmentSpec environments = new EnvironmentSpec(keepAlive.or(EnvironmentSpec.DEFAULT_KEEP_ALIVE),
        maxLifetime.or(EnvironmentSpec.DEFAULT_MAX_LIFETIME_NANOS),
        reuse.or(EnvironmentSpec.DEFAULT_REUSE));
    return new FunctionSpec(name.or(""), description.or(""), code, environments, concurrency,
        invocation, sources.or(List.of()));
  }

  /** Provisioned concurrency, at its largest, must fit in the function's reserved concurrency. */
  private void checkProvisionedWithinReserved(Fields f, Bound<Long> reserved,
      Bound<ProvisionedSpec> provisionedSpec) {
    if (!Bound.allOk(reserved, provisionedSpec) || reserved.get() == ConcurrencySpec.NO_RESERVED) {
      return;
    }
    ProvisionedSpec p = provisionedSpec.get();
    if (p.maxPossible() > reserved.get()) {
      values.report(f.node("provisionedConcurrency"), f.path("provisionedConcurrency"),
          (p.isFixed() ? p.maxPossible() + " is" : "its largest possible value " + p.maxPossible() + " is")
          + " above reservedConcurrency " + reserved.get() + " (allowed 0.." + reserved.get() + ")");
    }
  }

  /** Binds {@code init}; a reported field takes its default. */
  private InitSpec init(Fields f) {
    if (!f.has("init")) {
      return InitSpec.DEFAULT;
    }
    Fields init = Fields.of(f.node("init"), f.path("init"), values, INIT_FIELDS);
    Bound<DistributionSpec> duration = init.optional("duration", InitSpec.DEFAULT.duration(),
        distributions::bind);
    Bound<Double> cpuBound = init.decimal("cpuBound", InitSpec.DEFAULT.cpuBound(), 0, 1);
    return new InitSpec(duration.or(InitSpec.DEFAULT.duration()),
        cpuBound.or(InitSpec.DEFAULT.cpuBound()));
  }
}
