package dev.lambdasim.scenario;

import dev.lambdasim.spec.FunctionSpec;
import dev.lambdasim.spec.InvocationType;
import dev.lambdasim.spec.SqsSpec;
import dev.lambdasim.spec.StreamSpec;

import static dev.lambdasim.scenario.Scenarios.located;
import static dev.lambdasim.scenario.Scenarios.parse;
import static dev.lambdasim.scenario.Scenarios.rejected;
import static dev.lambdasim.scenario.Scenarios.withFunctionLines;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code sqs} and {@code stream} blocks load exactly with their defaults, and every
 * malformed field is reported at its line and column with what is allowed.
 */
final class EventSourceLoaderTest {

  private static final long S = 1_000_000_000L;

  @Test
  void sqsDefaults() throws Exception {
    FunctionSpec f = parse(withFunctionLines("invocation: sqs")).functions().get(0);
    assertThat(f.invocation().type()).isEqualTo(InvocationType.SQS);
    assertThat(f.invocation().sqs()).isEqualTo(SqsSpec.defaults());
    assertThat(f.invocation().sqs().concurrencyCap()).isEqualTo(1250);
  }

  @Test
  void sqsLoadsEveryField() throws Exception {
    FunctionSpec f = parse(withFunctionLines("invocation: sqs", "timeout: 60s",
        "sqs: {batchSize: 500, batchWindow: 5s, maximumConcurrency: 50, visibilityTimeout: 6m, "
            + "maxReceiveCount: 5, deadLetter: orders-dlq, scaling: legacy, perRecord: 2ms, "
            + "poisonRate: 0.001}")).functions().get(0);
    assertThat(f.invocation().sqs()).isEqualTo(new SqsSpec(500, 5 * S, 50, 360 * S, 5, "orders-dlq",
        SqsSpec.Scaling.LEGACY, 2_000_000L, 0.001));
    assertThat(f.invocation().sqs().concurrencyCap()).isEqualTo(50);
  }

  @Test
  void streamDefaults() throws Exception {
    FunctionSpec f = parse(withFunctionLines("invocation: stream")).functions().get(0);
    assertThat(f.invocation().type()).isEqualTo(InvocationType.STREAM);
    assertThat(f.invocation().stream()).isEqualTo(StreamSpec.defaults());
  }

  @Test
  void streamLoadsEveryField() throws Exception {
    FunctionSpec f = parse(withFunctionLines("invocation: stream",
        "stream: {source: dynamodb, shards: 8, parallelizationFactor: 4, batchSize: 500, "
            + "batchWindow: 2s, maxRetries: 3, maxRecordAge: 1h, bisectOnError: true, "
            + "onFailure: failed-orders, routing: round-robin, perRecord: 1ms, poisonRate: 0.5}"))
        .functions().get(0);
    assertThat(f.invocation().stream()).isEqualTo(new StreamSpec(StreamSpec.Source.DYNAMODB, 8, 4, 500,
        2 * S, 3, 3600 * S, true, "failed-orders", StreamSpec.Routing.ROUND_ROBIN, 1_000_000L,
        0.5));
  }

  @Test
  void infiniteRetriesAndRecordAgeAreMinusOne() throws Exception {
    FunctionSpec f = parse(withFunctionLines("invocation: stream",
        "stream: {maxRetries: -1, maxRecordAge: -1}")).functions().get(0);
    assertThat(f.invocation().stream().maxRetries()).isEqualTo(StreamSpec.INFINITE_RETRIES);
    assertThat(f.invocation().stream().maxRecordAgeNanos()).isEqualTo(StreamSpec.INFINITE_RECORD_AGE);
  }

  private static Arguments sqs(String fields, String... expected) {
    return rejected("sqs: {" + fields + "}",
        withFunctionLines("invocation: sqs", "sqs: {" + fields + "}"), expected);
  }

  private static Arguments stream(String fields, String... expected) {
    return rejected("stream: {" + fields + "}",
        withFunctionLines("invocation: stream", "stream: {" + fields + "}"), expected);
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        rejected("an unknown invocation is named with the allowed ones",
            withFunctionLines("invocation: kafka"),
            "x.yaml:8:17: functions[0].invocation: 'kafka' is not allowed (allowed sync | async "
                + "| sqs | stream)"),
        rejected("sqs settings need sqs invocation", withFunctionLines("sqs: {batchSize: 10}"),
            "x.yaml:8:5: functions[0].sqs: 'sqs' settings need invocation: sqs (invocation is "
                + "sync)"),
        rejected("stream settings need stream invocation",
            withFunctionLines("invocation: sqs", "stream: {shards: 2}"),
            "x.yaml:9:5: functions[0].stream: 'stream' settings need invocation: stream "
                + "(invocation is sqs)"),
        rejected("a timeout above the default visibility timeout is reported at the timeout",
            withFunctionLines("invocation: sqs", "timeout: 60s"),
            "x.yaml:9:14: functions[0].timeout: '60s' is above the queue's visibility timeout "
                + "30s (the default); the function timeout must be at most "
                + "sqs.visibilityTimeout (allowed: timeout <= visibilityTimeout)"),
        sqs("batchSize: 0",
            "x.yaml:9:22: functions[0].sqs.batchSize: 0 is below the minimum 1 (allowed "
                + "1..10000)"),
        sqs("batchSize: 10001, batchWindow: 1s",
            "x.yaml:9:22: functions[0].sqs.batchSize: 10001 is above the maximum 10000 (allowed "
                + "1..10000)"),
        sqs("batchWindow: 301s",
            "x.yaml:9:24: functions[0].sqs.batchWindow: '301s' is above the maximum 300s "
                + "(allowed 0s..300s)"),
        sqs("batchWindow: 5",
            "x.yaml:9:24: functions[0].sqs.batchWindow: 5 has no unit; a duration needs one of "
                + "ns, us, ms, s, m, h, d (e.g. '5s')"),
        sqs("maximumConcurrency: 1",
            "x.yaml:9:31: functions[0].sqs.maximumConcurrency: 1 is below the minimum 2 "
                + "(allowed 2..1000)"),
        sqs("maximumConcurrency: 1001",
            "x.yaml:9:31: functions[0].sqs.maximumConcurrency: 1001 is above the maximum 1000 "
                + "(allowed 2..1000)"),
        sqs("visibilityTimeout: 13h",
            "x.yaml:9:30: functions[0].sqs.visibilityTimeout: '13h' is above the maximum 12h "
                + "(allowed 0s..12h)"),
        sqs("maxReceiveCount: 0",
            "x.yaml:9:28: functions[0].sqs.maxReceiveCount: 0 is below the minimum 1 (allowed "
                + "1..1000)"),
        sqs("scaling: fast",
            "x.yaml:9:20: functions[0].sqs.scaling: 'fast' is not allowed (allowed current | "
                + "legacy)"),
        sqs("poisonRate: 2",
            "x.yaml:9:23: functions[0].sqs.poisonRate: 2 is above the maximum 1 (allowed 0..1)"),
        sqs("perRecord: 901s",
            "x.yaml:9:22: functions[0].sqs.perRecord: '901s' is above the maximum 900s (allowed "
                + "0s..900s)"),
        sqs("batchSize: 11",
            "x.yaml:9:22: functions[0].sqs.batchSize: 11 needs a batchWindow of at least 1s "
                + "(batches above 10 messages need a window; allowed: batchSize <= 10, or "
                + "batchWindow >= 1s)"),
        sqs("batchSize: 100, batchWindow: 500ms",
            "x.yaml:9:22: functions[0].sqs.batchSize: 100 needs a batchWindow of at least 1s "
                + "(batches above 10 messages need a window; allowed: batchSize <= 10, or "
                + "batchWindow >= 1s)"),
        sqs("deadLetter: dlq",
            "x.yaml:9:23: functions[0].sqs.deadLetter: a dead-letter queue needs "
                + "maxReceiveCount (the receives after which a message moves there; allowed "
                + "1..1000)"),
        sqs("maxReceiveCount: 3, deadLetter: 'a b'",
            "x.yaml:9:43: functions[0].sqs.deadLetter: 'a b' is not a valid dead-letter queue "
                + "name (allowed: 1 to 64 of A-Z a-z 0-9 _ . -)"),
        sqs("visibilityTimeout: 2s",
            "x.yaml:9:30: functions[0].sqs.visibilityTimeout: the function timeout 3s (the "
                + "default) is above the visibility timeout '2s' (allowed: timeout <= "
                + "visibilityTimeout)"),
        sqs("batchsize: 10",
            "x.yaml:9:11: functions[0].sqs.batchsize: unknown field 'batchsize' (did you mean "
                + "'batchSize'?); allowed: batchSize, batchWindow, maximumConcurrency, "
                + "visibilityTimeout, maxReceiveCount, deadLetter, scaling, perRecord, "
                + "poisonRate"),
        stream("source: kafka",
            "x.yaml:9:22: functions[0].stream.source: 'kafka' is not allowed (allowed kinesis | "
                + "dynamodb)"),
        stream("shards: 0",
            "x.yaml:9:22: functions[0].stream.shards: 0 is below the minimum 1 (allowed 1..1000)"),
        stream("parallelizationFactor: 11",
            "x.yaml:9:37: functions[0].stream.parallelizationFactor: 11 is above the maximum 10 "
                + "(allowed 1..10)"),
        stream("batchSize: 10001",
            "x.yaml:9:25: functions[0].stream.batchSize: 10001 is above the maximum 10000 "
                + "(allowed 1..10000)"),
        stream("batchWindow: 301s",
            "x.yaml:9:27: functions[0].stream.batchWindow: '301s' is above the maximum 300s "
                + "(allowed 0s..300s)"),
        stream("maxRetries: -2",
            "x.yaml:9:26: functions[0].stream.maxRetries: -2 is below the minimum -1 (allowed "
                + "-1..10000)"),
        stream("maxRetries: 10001",
            "x.yaml:9:26: functions[0].stream.maxRetries: 10001 is above the maximum 10000 "
                + "(allowed -1..10000)"),
        stream("maxRecordAge: 59s",
            "x.yaml:9:28: functions[0].stream.maxRecordAge: '59s' is below the minimum 60s "
                + "(allowed 60s..7d)"),
        stream("maxRecordAge: 8d",
            "x.yaml:9:28: functions[0].stream.maxRecordAge: '8d' is above the maximum 7d "
                + "(allowed 60s..7d)"),
        stream("maxRecordAge: 3600",
            "x.yaml:9:28: functions[0].stream.maxRecordAge: 3600 is not allowed (allowed: -1 "
                + "for no limit, or a duration 60s..7d)"),
        stream("bisectOnError: yes please",
            "x.yaml:9:29: functions[0].stream.bisectOnError: 'yes please' is not a boolean "
                + "(allowed true, false)"),
        stream("onFailure: 'no good'",
            "x.yaml:9:25: functions[0].stream.onFailure: 'no good' is not a valid destination "
                + "name (allowed: 1 to 64 of A-Z a-z 0-9 _ . -)"),
        stream("routing: hashed",
            "x.yaml:9:23: functions[0].stream.routing: 'hashed' is not allowed (allowed random "
                + "| round-robin)"),
        stream("poisonRate: -0.1",
            "x.yaml:9:26: functions[0].stream.poisonRate: -0.1 is below the minimum 0 (allowed "
                + "0..1)"),
        stream("shard: 2",
            "x.yaml:9:14: functions[0].stream.shard: unknown field 'shard' (did you mean "
                + "'shards'?); allowed: source, shards, parallelizationFactor, batchSize, "
                + "batchWindow, maxRetries, maxRecordAge, bisectOnError, onFailure, routing, "
                + "perRecord, poisonRate"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void malformed(String yaml, List<String> expected) {
    assertThat(located(yaml)).containsExactlyElementsOf(expected);
  }
}
