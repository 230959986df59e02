package dev.lambdasim.scenario;

import dev.lambdasim.spec.Architecture;
import dev.lambdasim.spec.AsyncSpec;
import dev.lambdasim.spec.ClientRetrySpec;
import dev.lambdasim.spec.DistributionSpec;
import dev.lambdasim.spec.InvocationSpec;
import dev.lambdasim.spec.ConcurrencySpec;
import dev.lambdasim.spec.EnvironmentSpec;
import dev.lambdasim.spec.CodeSpec;
import dev.lambdasim.spec.FunctionSpec;
import dev.lambdasim.spec.InitSpec;
import dev.lambdasim.spec.InvocationType;
import dev.lambdasim.spec.ProvisionedSpec;
import dev.lambdasim.spec.ReusePolicy;
import dev.lambdasim.spec.SqsSpec;
import dev.lambdasim.spec.StreamSpec;
import dev.lambdasim.spec.TrafficSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Binds one item of {@code functions}. */
final class FunctionBinder {

  static final List<String> FIELDS = List.of("name", "description", "memoryMb", "architecture",
      "timeout", "duration", "referenceMemoryMb", "cpuBound", "threads", "init", "errorRate",
      "keepAlive", "maxLifetime", "reuse", "reservedConcurrency", "provisionedConcurrency",
      "invocation", "async", "sqs", "stream", "retry", "traffic");
  static final List<String> RETRY_FIELDS = List.of("maxAttempts", "baseDelay", "maxDelay");
  static final List<String> SQS_FIELDS = List.of("batchSize", "batchWindow",
      "maximumConcurrency", "visibilityTimeout", "maxReceiveCount", "deadLetter", "scaling",
      "perRecord", "poisonRate");
  static final List<String> STREAM_FIELDS = List.of("source", "shards", "parallelizationFactor",
      "batchSize", "batchWindow", "maxRetries", "maxRecordAge", "bisectOnError", "onFailure",
      "routing", "perRecord", "poisonRate");
  static final List<String> ASYNC_FIELDS =
      List.of("maxRetries", "maxEventAge", "onSuccess", "onFailure", "deadLetter");

  static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  static final long SECOND = 1_000_000_000L;
  static final long MILLISECOND = 1_000_000L;
  static final long MINUTE = 60 * SECOND;

  private static final Map<String, Architecture> ARCHITECTURES =
      labels(Architecture.values(), Architecture::label);
  private static final Map<String, ReusePolicy> REUSE = labels(ReusePolicy.values(), ReusePolicy::label);
  private static final Map<String, InvocationType> INVOCATIONS =
      labels(InvocationType.values(), InvocationType::label);
  private static final Map<String, SqsSpec.Scaling> SQS_SCALING =
      labels(SqsSpec.Scaling.values(), SqsSpec.Scaling::label);
  private static final Map<String, StreamSpec.Source> STREAM_SOURCES =
      labels(StreamSpec.Source.values(), StreamSpec.Source::label);
  private static final Map<String, StreamSpec.Routing> ROUTINGS =
      labels(StreamSpec.Routing.values(), StreamSpec.Routing::label);

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
    Long memoryMb = f.integer("memoryMb", (long) CodeSpec.DEFAULT_MEMORY_MB, CodeSpec.MIN_MEMORY_MB,
        CodeSpec.MAX_MEMORY_MB);
    Architecture architecture = f.choice("architecture", CodeSpec.DEFAULT_ARCHITECTURE, ARCHITECTURES);
    Long timeout = f.duration("timeout", CodeSpec.DEFAULT_TIMEOUT_NANOS, SECOND, 900 * SECOND, "1s", "900s");
    Node durationNode = f.required("duration", "a distribution, e.g. {dist: lognormal, median: 80ms, p99: 400ms}");
    DistributionSpec duration = durationNode == null ? null : distributions.bind(durationNode, f.path("duration"));
    Long referenceMemoryMb = f.integer("referenceMemoryMb",
        or(memoryMb, (long) CodeSpec.DEFAULT_MEMORY_MB), CodeSpec.MIN_MEMORY_MB, CodeSpec.MAX_MEMORY_MB);
    Double cpuBound = f.decimal("cpuBound", CodeSpec.DEFAULT_CPU_BOUND, 0, 1);
    Long threads = f.integer("threads", (long) CodeSpec.DEFAULT_THREADS, 1, 64);
    InitSpec init = init(f);
    Double errorRate = f.decimal("errorRate", CodeSpec.DEFAULT_ERROR_RATE, 0, 1);
    DistributionSpec keepAlive = f.has("keepAlive")
        ? distributions.bind(f.node("keepAlive"), f.path("keepAlive"))
        : EnvironmentSpec.DEFAULT_KEEP_ALIVE;
    Long maxLifetime = f.duration("maxLifetime", EnvironmentSpec.DEFAULT_MAX_LIFETIME_NANOS, MINUTE, Long.MAX_VALUE, "1m", null);
    ReusePolicy reuse = f.choice("reuse", EnvironmentSpec.DEFAULT_REUSE, REUSE);
    Long reserved = f.integer("reservedConcurrency", (long) ConcurrencySpec.NO_RESERVED, 0, 1_000_000);
    ProvisionedSpec provisioned = provisionedBinder.bind(f.node("provisionedConcurrency"), f.path("provisionedConcurrency"));
    InvocationType invocation = invocation(f);
    AsyncSpec async = async(f);
    SqsSpec sqs = sqs(f, invocation, timeout);
    StreamSpec stream = stream(f, invocation);
    Node trafficNode = f.required("traffic", "a list of sources, e.g. [{poisson: {rate: 20/s}}]");
    List<TrafficSpec> sources = trafficNode == null ? List.of() : traffic.bind(trafficNode, f.path("traffic"));

    if (reserved != null && provisioned != null && reserved != ConcurrencySpec.NO_RESERVED
        && provisioned.maxPossible() > reserved) {
      values.report(f.node("provisionedConcurrency"), f.path("provisionedConcurrency"),
          (provisioned.isFixed() ? provisioned.maxPossible() + " is"
              : "its largest possible value " + provisioned.maxPossible() + " is")
          + " above reservedConcurrency " + reserved + " (allowed 0.." + reserved + ")");
    }
    CodeSpec code = new CodeSpec(or(memoryMb, (long) CodeSpec.DEFAULT_MEMORY_MB).intValue(),
        or(architecture, CodeSpec.DEFAULT_ARCHITECTURE), or(timeout, SECOND),
        or(duration, new DistributionSpec.Constant(0)),
        or(referenceMemoryMb, (long) CodeSpec.DEFAULT_MEMORY_MB).intValue(),
        or(cpuBound, CodeSpec.DEFAULT_CPU_BOUND), or(threads, (long) CodeSpec.DEFAULT_THREADS).intValue(),
        init, or(errorRate, CodeSpec.DEFAULT_ERROR_RATE));
    EnvironmentSpec environments = new EnvironmentSpec(
        or(keepAlive, new DistributionSpec.Constant(0)), or(maxLifetime, MINUTE),
        or(reuse, EnvironmentSpec.DEFAULT_REUSE));
    ConcurrencySpec concurrency = new ConcurrencySpec(
        or(reserved, (long) ConcurrencySpec.NO_RESERVED).intValue(),
        or(provisioned, ProvisionedSpec.fixed(0)));
    InvocationSpec invocations = new InvocationSpec(or(invocation, InvocationType.SYNC),
        or(async, AsyncSpec.defaults()), or(sqs, SqsSpec.defaults()),
        or(stream, StreamSpec.defaults()), retry(f, invocation));
    return new FunctionSpec(or(name, ""), description, code, environments, concurrency,
        invocations, sources);
  }

  /** Binds the {@code retry} block: how callers retry throttled sync requests. */
  private ClientRetrySpec retry(Fields f, InvocationType invocation) {
    ClientRetrySpec none = ClientRetrySpec.none();
    if (!f.has("retry")) {
      return none;
    }
    if (invocation != null && invocation != InvocationType.SYNC) {
      values.problems().add(f.keyAt("retry"), f.path("retry"), "client retries apply to sync "
          + "calls only (allowed with invocation: sync; async, sqs and stream have their own "
          + "retries)");
      return none;
    }
    Fields r = Fields.of(f.node("retry"), f.path("retry"), values, RETRY_FIELDS);
    Long attempts = r.integer("maxAttempts", 3L, 1, 20);
    Long base = r.duration("baseDelay", none.baseDelayNanos(), MILLISECOND, 600 * SECOND, "1ms",
        "600s");
    Long max = r.duration("maxDelay", none.maxDelayNanos(), MILLISECOND, 3600 * SECOND, "1ms",
        "1h");
    if (base != null && max != null && max < base) {
      values.report(r.node("maxDelay"), r.path("maxDelay"), r.node("maxDelay").shown()
          + " is below baseDelay (allowed: maxDelay >= baseDelay)");
      return none;
    }
    if (attempts == null || base == null || max == null) {
      return none;
    }
    return new ClientRetrySpec(attempts.intValue(), base, max);
  }

  /** Binds the {@code sqs} block; null when something was reported. */
  private SqsSpec sqs(Fields f, InvocationType invocation, Long timeout) {
    if (f.has("sqs") && invocation != null && invocation != InvocationType.SQS) {
      values.problems().add(f.keyAt("sqs"), f.path("sqs"), "'sqs' settings need invocation: sqs "
          + "(invocation is " + invocation.label() + ")");
    }
    if (!f.has("sqs")) {
      if (invocation == InvocationType.SQS && timeout != null
          && timeout > SqsSpec.DEFAULT_VISIBILITY_TIMEOUT_NANOS) {
        values.report(f.node("timeout"), f.path("timeout"), f.node("timeout").shown()
            + " is above the queue's visibility timeout 30s (the default); the function timeout "
            + "must be at most sqs.visibilityTimeout (allowed: timeout <= visibilityTimeout)");
      }
      return SqsSpec.defaults();
    }
    int before = values.problems().count();
    Fields q = Fields.of(f.node("sqs"), f.path("sqs"), values, SQS_FIELDS);
    Long batchSize = q.integer("batchSize", (long) SqsSpec.DEFAULT_BATCH_SIZE, 1, 10_000);
    Long window = q.duration("batchWindow", 0L, 0, 300 * SECOND, "0s", "300s");
    Long maximumConcurrency = q.integer("maximumConcurrency",
        (long) SqsSpec.NO_MAXIMUM_CONCURRENCY, 2, 1000);
    Long visibility = q.duration("visibilityTimeout", SqsSpec.DEFAULT_VISIBILITY_TIMEOUT_NANOS, 0,
        12 * 3600 * SECOND, "0s", "12h");
    Long maxReceiveCount = q.integer("maxReceiveCount", (long) SqsSpec.NO_REDRIVE, 1, 1000);
    String deadLetter = q.text("deadLetter", SqsSpec.DEFAULT_DEAD_LETTER);
    SqsSpec.Scaling scaling = q.choice("scaling", SqsSpec.Scaling.CURRENT, SQS_SCALING);
    Long perRecord = q.duration("perRecord", 0L, 0, 900 * SECOND, "0s", "900s");
    Double poisonRate = q.decimal("poisonRate", 0.0, 0, 1);
    if (batchSize != null && window != null && batchSize > 10 && window < SECOND) {
      values.report(q.node("batchSize"), q.path("batchSize"), batchSize + " needs a batchWindow "
          + "of at least 1s (batches above 10 messages need a window; allowed: batchSize <= 10, "
          + "or batchWindow >= 1s)");
    }
    if (deadLetter != null && !NAME.matcher(deadLetter).matches()) {
      values.report(q.node("deadLetter"), q.path("deadLetter"), "'" + deadLetter + "' is not a "
          + "valid dead-letter queue name (allowed: 1 to 64 of A-Z a-z 0-9 _ . -)");
    }
    if (q.has("deadLetter") && !q.has("maxReceiveCount")) {
      values.report(q.node("deadLetter"), q.path("deadLetter"), "a dead-letter queue needs "
          + "maxReceiveCount (the receives after which a message moves there; allowed 1..1000)");
    }
    if (visibility != null && timeout != null && timeout > visibility) {
      Node at = q.has("visibilityTimeout") ? q.node("visibilityTimeout") : f.node("timeout");
      String path = q.has("visibilityTimeout") ? q.path("visibilityTimeout") : f.path("timeout");
      String timeoutText = f.has("timeout") ? f.node("timeout").shown() : "3s (the default)";
      values.report(at, path, "the function timeout " + timeoutText + " is above "
          + "the visibility timeout " + (q.has("visibilityTimeout")
              ? q.node("visibilityTimeout").shown() : "30s (the default)")
          + " (allowed: timeout <= visibilityTimeout)");
    }
    if (values.problems().count() > before) {
      return null;
    }
    return new SqsSpec(batchSize.intValue(), window, maximumConcurrency.intValue(), visibility,
        maxReceiveCount.intValue(), deadLetter, scaling, perRecord, poisonRate);
  }

  /** Binds the {@code stream} block; null when something was reported. */
  private StreamSpec stream(Fields f, InvocationType invocation) {
    if (f.has("stream") && invocation != null && invocation != InvocationType.STREAM) {
      values.problems().add(f.keyAt("stream"), f.path("stream"), "'stream' settings need "
          + "invocation: stream (invocation is " + invocation.label() + ")");
    }
    if (!f.has("stream")) {
      return StreamSpec.defaults();
    }
    int before = values.problems().count();
    Fields st = Fields.of(f.node("stream"), f.path("stream"), values, STREAM_FIELDS);
    StreamSpec.Source source = st.choice("source", StreamSpec.Source.KINESIS, STREAM_SOURCES);
    Long shards = st.integer("shards", 1L, 1, 1000);
    Long factor = st.integer("parallelizationFactor", 1L, 1, 10);
    Long batchSize = st.integer("batchSize", (long) StreamSpec.DEFAULT_BATCH_SIZE, 1, 10_000);
    Long window = st.duration("batchWindow", 0L, 0, 300 * SECOND, "0s", "300s");
    Long maxRetries = st.integer("maxRetries", (long) StreamSpec.INFINITE_RETRIES, -1, 10_000);
    Long maxRecordAge = StreamSpec.INFINITE_RECORD_AGE;
    Node ageNode = st.node("maxRecordAge");
    if (ageNode instanceof Node.Scalar s && s.kind() == Node.Scalar.Kind.NUMBER) {
      if (!"-1".equals(s.text())) {
        values.report(ageNode, st.path("maxRecordAge"), s.text() + " is not allowed (allowed: -1 "
            + "for no limit, or a duration 60s..7d)");
        maxRecordAge = null;
      }
    } else if (ageNode != null) {
      maxRecordAge = values.duration(ageNode, st.path("maxRecordAge"), 60 * SECOND,
          7 * 24 * 3600 * SECOND, "60s", "7d");
    }
    Boolean bisect = st.bool("bisectOnError", false);
    String onFailure = st.text("onFailure", null);
    if (onFailure != null && !NAME.matcher(onFailure).matches()) {
      values.report(st.node("onFailure"), st.path("onFailure"), "'" + onFailure + "' is not a "
          + "valid destination name (allowed: 1 to 64 of A-Z a-z 0-9 _ . -)");
    }
    StreamSpec.Routing routing = st.choice("routing", StreamSpec.Routing.RANDOM, ROUTINGS);
    Long perRecord = st.duration("perRecord", 0L, 0, 900 * SECOND, "0s", "900s");
    Double poisonRate = st.decimal("poisonRate", 0.0, 0, 1);
    if (values.problems().count() > before) {
      return null;
    }
    return new StreamSpec(source, shards.intValue(), factor.intValue(), batchSize.intValue(),
        window, maxRetries.intValue(), maxRecordAge, bisect, onFailure, routing, perRecord,
        poisonRate);
  }

  private InitSpec init(Fields f) {
    if (!f.has("init")) {
      return InitSpec.DEFAULT;
    }
    Fields init = Fields.of(f.node("init"), f.path("init"), values, List.of("duration", "cpuBound"));
    DistributionSpec duration = init.has("duration")
        ? distributions.bind(init.node("duration"), init.path("duration")) : InitSpec.DEFAULT.duration();
    Double cpuBound = init.decimal("cpuBound", InitSpec.DEFAULT.cpuBound(), 0, 1);
    return new InitSpec(or(duration, InitSpec.DEFAULT.duration()), or(cpuBound, 0.0));
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

  /** Returns the invocation type, or null when it was reported. */
  private InvocationType invocation(Fields f) {
    return f.choice("invocation", InvocationType.SYNC, INVOCATIONS);
  }

  private static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
