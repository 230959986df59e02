package dev.lambdasim.scenario;

import dev.lambdasim.spec.AsyncSpec;
import dev.lambdasim.spec.ClientRetrySpec;
import dev.lambdasim.spec.CodeSpec;
import dev.lambdasim.spec.InvocationSpec;
import dev.lambdasim.spec.InvocationType;
import dev.lambdasim.spec.SqsSpec;
import dev.lambdasim.spec.StreamSpec;
import dev.lambdasim.spec.TimeUnits;

import java.util.List;

/**
 * Binds how a function is invoked: {@code invocation} and the blocks of each path, {@code async},
 * {@code sqs}, {@code stream} and {@code retry}. Each block's fields are checked only when the
 * block is written; a block that is not written takes the spec's defaults.
 */
final class InvocationBinder {

  static final List<String> ASYNC_FIELDS =
      List.of("maxRetries", "maxEventAge", "onSuccess", "onFailure", "deadLetter");
  static final List<String> SQS_FIELDS = List.of("batchSize", "batchWindow",
      "maximumConcurrency", "visibilityTimeout", "maxReceiveCount", "deadLetter", "scaling",
      "perRecord", "poisonRate");
  static final List<String> STREAM_FIELDS = List.of("source", "shards", "parallelizationFactor",
      "batchSize", "batchWindow", "maxRetries", "maxRecordAge", "bisectOnError", "onFailure",
      "routing", "perRecord", "poisonRate");
  static final List<String> RETRY_FIELDS = List.of("maxAttempts", "baseDelay", "maxDelay");

  static final Labels<InvocationType> TYPES = Labels.of(InvocationType.values(), InvocationType::label);
  static final Labels<SqsSpec.Scaling> SQS_SCALING =
      Labels.of(SqsSpec.Scaling.values(), SqsSpec.Scaling::label);
  static final Labels<StreamSpec.Source> STREAM_SOURCES =
      Labels.of(StreamSpec.Source.values(), StreamSpec.Source::label);
  static final Labels<StreamSpec.Routing> ROUTINGS =
      Labels.of(StreamSpec.Routing.values(), StreamSpec.Routing::label);

  private static final String NAME_RULE = "1 to 64 of A-Z a-z 0-9 _ . -";

  private final Values values;

  InvocationBinder(Values values) {
    this.values = values;
  }

  Bound<InvocationType> type(Fields f) {
    return f.choice("invocation", InvocationSpec.DEFAULTS.type(), TYPES);
  }

  /** Binds the {@code async} block: how asynchronous events are retried and where they go. */
  Bound<AsyncSpec> async(Fields f) {
    if (!f.has("async")) {
      return Bound.of(AsyncSpec.defaults());
    }
    Fields a = Fields.of(f.node("async"), f.path("async"), values, ASYNC_FIELDS);
    Bound<Long> maxRetries = a.integer("maxRetries", (long) AsyncSpec.DEFAULT_MAX_RETRIES, 0, 2);
    Bound<Long> maxEventAge = a.duration("maxEventAge", AsyncSpec.DEFAULT_MAX_EVENT_AGE_NANOS,
        60 * TimeUnits.SECOND, AsyncSpec.DEFAULT_MAX_EVENT_AGE_NANOS, "60s", "6h");
    Bound<String> onSuccess = a.text("onSuccess", null);
    Bound<String> onFailure = a.text("onFailure", null);
    Bound<String> deadLetter = a.text("deadLetter", null);
    checkDestination(a, "onSuccess", onSuccess);
    checkDestination(a, "onFailure", onFailure);
    checkDestination(a, "deadLetter", deadLetter);
    // A bad destination name fails the load, but the names still tell which functions are
    // destinations, which the check of empty traffic needs.
    if (!Bound.allOk(maxRetries, maxEventAge)) {
      return Bound.reported();
    }
    return Bound.of(new AsyncSpec(maxRetries.get().intValue(), maxEventAge.get(),
        onSuccess.or(null), onFailure.or(null), deadLetter.or(null)));
  }

  /** Checks a destination: a function's name, or the name of a counted sink. */
  private void checkDestination(Fields a, String key, Bound<String> target) {
    if (target.ok() && target.get() != null && !FunctionBinder.NAME.matcher(target.get()).matches()) {
      values.report(a.node(key), a.path(key), Node.clipped(target.get(), true) + " is not a valid destination "
          + "name (allowed: a function's name, or a sink name of " + NAME_RULE + ")");
    }
  }

  /** Binds the {@code sqs} block, and checks the function's timeout against the queue's. */
  Bound<SqsSpec> sqs(Fields f, Bound<InvocationType> type, Bound<Long> timeout) {
    SqsSpec d = SqsSpec.defaults();
    if (f.has("sqs") && type.ok() && type.get() != InvocationType.SQS) {
      values.problems().add(f.keyAt("sqs"), f.path("sqs"), "'sqs' settings need invocation: sqs "
          + "(invocation is " + type.get().label() + ")");
    }
    if (!f.has("sqs")) {
      if (type.ok() && type.get() == InvocationType.SQS && timeout.ok()
          && timeout.get() > d.visibilityTimeoutNanos()) {
        values.report(f.node("timeout"), f.path("timeout"), f.node("timeout").shown()
            + " is above the queue's visibility timeout " + Units.shown(d.visibilityTimeoutNanos())
            + " (the default); the function timeout must be at most sqs.visibilityTimeout "
            + "(allowed: timeout <= visibilityTimeout)");
      }
      return Bound.of(d);
    }
    Problems.Mark mark = values.mark();
    Fields q = Fields.of(f.node("sqs"), f.path("sqs"), values, SQS_FIELDS);
    Bound<Long> batchSize = q.integer("batchSize", (long) d.batchSize(), 1, 10_000);
    Bound<Long> window = q.duration("batchWindow", d.batchWindowNanos(), 0, 300 * TimeUnits.SECOND,
        "0s", "300s");
    Bound<Long> maximumConcurrency = q.integer("maximumConcurrency", (long) d.maximumConcurrency(),
        2, 1000);
    Bound<Long> visibility = q.duration("visibilityTimeout", d.visibilityTimeoutNanos(), 0,
        12 * TimeUnits.HOUR, "0s", "12h");
    Bound<Long> maxReceiveCount = q.integer("maxReceiveCount", (long) d.maxReceiveCount(), 1, 1000);
    Bound<String> deadLetter = q.text("deadLetter", d.deadLetter());
    Bound<SqsSpec.Scaling> scaling = q.choice("scaling", d.scaling(), SQS_SCALING);
    Bound<Long> perRecord = q.duration("perRecord", d.perRecordNanos(), 0, 900 * TimeUnits.SECOND,
        "0s", "900s");
    Bound<Double> poisonRate = q.decimal("poisonRate", d.poisonRate(), 0, 1);
    if (Bound.allOk(batchSize, window) && batchSize.get() > 10 && window.get() < TimeUnits.SECOND) {
      values.report(q.node("batchSize"), q.path("batchSize"), batchSize.get() + " needs a batchWindow "
          + "of at least 1s (batches above 10 messages need a window; allowed: batchSize <= 10, "
          + "or batchWindow >= 1s)");
    }
    if (deadLetter.ok() && !FunctionBinder.NAME.matcher(deadLetter.get()).matches()) {
      values.report(q.node("deadLetter"), q.path("deadLetter"), Node.clipped(deadLetter.get(), true) + " is not a "
          + "valid dead-letter queue name (allowed: " + NAME_RULE + ")");
    }
    if (q.has("deadLetter") && !q.has("maxReceiveCount")) {
      values.report(q.node("deadLetter"), q.path("deadLetter"), "a dead-letter queue needs "
          + "maxReceiveCount (the receives after which a message moves there; allowed 1..1000)");
    }
    if (Bound.allOk(visibility, timeout) && timeout.get() > visibility.get()) {
      Node at = q.has("visibilityTimeout") ? q.node("visibilityTimeout") : f.node("timeout");
      String path = q.has("visibilityTimeout") ? q.path("visibilityTimeout") : f.path("timeout");
      String timeoutText = f.has("timeout") ? f.node("timeout").shown()
          : Units.shown(CodeSpec.DEFAULT_TIMEOUT_NANOS) + " (the default)";
      String visibilityText = q.has("visibilityTimeout") ? q.node("visibilityTimeout").shown()
          : Units.shown(d.visibilityTimeoutNanos()) + " (the default)";
      values.report(at, path, "the function timeout " + timeoutText + " is above the visibility "
          + "timeout " + visibilityText + " (allowed: timeout <= visibilityTimeout)");
    }
    return Bound.unlessReportedSince(mark, () -> new SqsSpec(batchSize.get().intValue(),
        window.get(), maximumConcurrency.get().intValue(), visibility.get(),
        maxReceiveCount.get().intValue(), deadLetter.get(), scaling.get(), perRecord.get(),
        poisonRate.get()));
  }

  /** Binds the {@code stream} block. */
  Bound<StreamSpec> stream(Fields f, Bound<InvocationType> type) {
    StreamSpec d = StreamSpec.defaults();
    if (f.has("stream") && type.ok() && type.get() != InvocationType.STREAM) {
      values.problems().add(f.keyAt("stream"), f.path("stream"), "'stream' settings need "
          + "invocation: stream (invocation is " + type.get().label() + ")");
    }
    if (!f.has("stream")) {
      return Bound.of(d);
    }
    Problems.Mark mark = values.mark();
    Fields st = Fields.of(f.node("stream"), f.path("stream"), values, STREAM_FIELDS);
    Bound<StreamSpec.Source> source = st.choice("source", d.source(), STREAM_SOURCES);
    Bound<Long> shards = st.integer("shards", (long) d.shards(), 1, 1000);
    Bound<Long> factor = st.integer("parallelizationFactor", (long) d.parallelizationFactor(), 1, 10);
    Bound<Long> batchSize = st.integer("batchSize", (long) d.batchSize(), 1, 10_000);
    Bound<Long> window = st.duration("batchWindow", d.batchWindowNanos(), 0, 300 * TimeUnits.SECOND,
        "0s", "300s");
    Bound<Long> maxRetries = st.integer("maxRetries", (long) d.maxRetries(), -1, 10_000);
    Bound<Long> maxRecordAge = st.optional("maxRecordAge", d.maxRecordAgeNanos(), this::recordAge);
    Bound<Boolean> bisect = st.bool("bisectOnError", d.bisectOnError());
    Bound<String> onFailure = st.text("onFailure", d.onFailure());
    if (onFailure.ok() && onFailure.get() != null && !FunctionBinder.NAME.matcher(onFailure.get()).matches()) {
      values.report(st.node("onFailure"), st.path("onFailure"), Node.clipped(onFailure.get(), true) + " is not a "
          + "valid destination name (allowed: " + NAME_RULE + ")");
    }
    Bound<StreamSpec.Routing> routing = st.choice("routing", d.routing(), ROUTINGS);
    Bound<Long> perRecord = st.duration("perRecord", d.perRecordNanos(), 0, 900 * TimeUnits.SECOND,
        "0s", "900s");
    Bound<Double> poisonRate = st.decimal("poisonRate", d.poisonRate(), 0, 1);
    return Bound.unlessReportedSince(mark, () -> new StreamSpec(source.get(),
        shards.get().intValue(), factor.get().intValue(), batchSize.get().intValue(), window.get(),
        maxRetries.get().intValue(), maxRecordAge.get(), bisect.get(), onFailure.get(),
        routing.get(), perRecord.get(), poisonRate.get()));
  }

  /** Returns a record age: -1 for no limit, or a duration 60s..7d. */
  private Bound<Long> recordAge(Node node, String path) {
    if (node instanceof Node.Scalar s && s.kind() == Node.Scalar.Kind.NUMBER) {
      return String.valueOf(StreamSpec.INFINITE_RECORD_AGE).equals(s.text())
          ? Bound.of(StreamSpec.INFINITE_RECORD_AGE)
          : values.reject(node, path, s.text() + " is not allowed (allowed: -1 for no limit, or a "
              + "duration 60s..7d)");
    }
    return values.duration(node, path, 60 * TimeUnits.SECOND, 7 * TimeUnits.DAY, "60s", "7d");
  }

  /** Binds the {@code retry} block: how callers retry throttled sync requests. */
  Bound<ClientRetrySpec> retry(Fields f, Bound<InvocationType> type) {
    if (!f.has("retry")) {
      return Bound.of(ClientRetrySpec.none());
    }
    if (type.ok() && type.get() != InvocationType.SYNC) {
      values.problems().add(f.keyAt("retry"), f.path("retry"), "client retries apply to sync "
          + "calls only (allowed with invocation: sync; async, sqs and stream have their own "
          + "retries)");
      return Bound.reported();
    }
    Fields r = Fields.of(f.node("retry"), f.path("retry"), values, RETRY_FIELDS);
    Bound<Long> attempts = r.integer("maxAttempts", (long) ClientRetrySpec.STANDARD_MAX_ATTEMPTS, 1, 20);
    Bound<Long> base = r.duration("baseDelay", ClientRetrySpec.DEFAULT_BASE_DELAY_NANOS,
        TimeUnits.MILLISECOND, 600 * TimeUnits.SECOND, "1ms", "600s");
    Bound<Long> max = r.duration("maxDelay", ClientRetrySpec.DEFAULT_MAX_DELAY_NANOS,
        TimeUnits.MILLISECOND, TimeUnits.HOUR, "1ms", "1h");
    if (Bound.allOk(base, max) && max.get() < base.get()) {
      return values.reject(r.node("maxDelay"), r.path("maxDelay"), r.node("maxDelay").shown()
          + " is below baseDelay (allowed: maxDelay >= baseDelay)");
    }
    if (!Bound.allOk(attempts, base, max)) {
      return Bound.reported();
    }
    return Bound.of(new ClientRetrySpec(attempts.get().intValue(), base.get(), max.get()));
  }
}
