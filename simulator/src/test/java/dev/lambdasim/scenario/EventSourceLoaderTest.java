package dev.lambdasim.scenario;

import dev.lambdasim.spec.FunctionSpec;
import dev.lambdasim.spec.InvocationType;
import dev.lambdasim.spec.SqsSpec;
import dev.lambdasim.spec.StreamSpec;

import static dev.lambdasim.scenario.Scenarios.assertProblem;
import static dev.lambdasim.scenario.Scenarios.column;
import static dev.lambdasim.scenario.Scenarios.parse;
import static dev.lambdasim.scenario.Scenarios.problemAt;
import static dev.lambdasim.scenario.Scenarios.withFunctionLines;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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

  @Test
  void unknownInvocationIsNamedWithTheAllowedOnes() {
    assertProblem(withFunctionLines("invocation: kafka"), "functions[0].invocation", 8, 17,
        "'kafka' is not allowed", "allowed sync | async | sqs | stream");
  }

  @Test
  void sqsSettingsNeedSqsInvocation() {
    assertProblem(withFunctionLines("sqs: {batchSize: 10}"), "functions[0].sqs", 8, 5,
        "'sqs' settings need invocation: sqs", "invocation is sync");
  }

  @Test
  void streamSettingsNeedStreamInvocation() {
    assertProblem(withFunctionLines("invocation: sqs", "stream: {shards: 2}"),
        "functions[0].stream", 9, 5, "'stream' settings need invocation: stream");
  }

  @Test
  void sqsFieldsOutOfRange() {
    String[][] cases = {
        {"batchSize: 0", "functions[0].sqs.batchSize", "below the minimum 1", "1..10000"},
        {"batchSize: 10001, batchWindow: 1s", "functions[0].sqs.batchSize",
            "above the maximum 10000"},
        {"batchWindow: 301s", "functions[0].sqs.batchWindow", "above the maximum 300s"},
        {"batchWindow: 5", "functions[0].sqs.batchWindow", "has no unit"},
        {"maximumConcurrency: 1", "functions[0].sqs.maximumConcurrency", "2..1000"},
        {"maximumConcurrency: 1001", "functions[0].sqs.maximumConcurrency", "2..1000"},
        {"visibilityTimeout: 13h", "functions[0].sqs.visibilityTimeout", "0s..12h"},
        {"maxReceiveCount: 0", "functions[0].sqs.maxReceiveCount", "1..1000"},
        {"scaling: fast", "functions[0].sqs.scaling", "allowed current | legacy"},
        {"poisonRate: 2", "functions[0].sqs.poisonRate", "0..1"},
        {"perRecord: 901s", "functions[0].sqs.perRecord", "0s..900s"},
        {"batchSize: 11", "functions[0].sqs.batchSize", "needs a batchWindow of at least 1s"},
        {"batchSize: 100, batchWindow: 500ms", "functions[0].sqs.batchSize",
            "needs a batchWindow of at least 1s"},
        {"deadLetter: dlq", "functions[0].sqs.deadLetter", "needs maxReceiveCount"},
        {"maxReceiveCount: 3, deadLetter: 'a b'", "functions[0].sqs.deadLetter",
            "not a valid dead-letter queue name"},
        {"visibilityTimeout: 2s", "functions[0].sqs.visibilityTimeout",
            "the function timeout 3s (the default) is above the visibility timeout '2s'",
            "timeout <= visibilityTimeout"},
        {"batchsize: 10", "functions[0].sqs.batchsize", "unknown field 'batchsize'",
            "did you mean 'batchSize'"},
    };
    for (String[] c : cases) {
      String yaml = withFunctionLines("invocation: sqs", "sqs: {" + c[0] + "}");
      Problem p = problemAt(yaml, c[1]);
      assertThat(p.line()).as(c[0]).isEqualTo(9);
      assertThat(p.message()).as(c[0]).contains(java.util.Arrays.copyOfRange(c, 2, c.length));
    }
  }

  @Test
  void sqsProblemsPointAtTheValue() {
    String yaml = withFunctionLines("invocation: sqs", "sqs: {maximumConcurrency: 1}");
    assertProblem(yaml, "functions[0].sqs.maximumConcurrency", 9, column(yaml, 9, "1}"),
        "1 is below the minimum 2");
  }

  @Test
  void aTimeoutAboveTheDefaultVisibilityTimeoutIsReportedAtTheTimeout() {
    String yaml = withFunctionLines("invocation: sqs", "timeout: 60s");
    assertProblem(yaml, "functions[0].timeout", 9, column(yaml, 9, "60s"),
        "above the queue's visibility timeout 30s", "timeout <= visibilityTimeout");
  }

  @Test
  void streamFieldsOutOfRange() {
    String[][] cases = {
        {"source: kafka", "functions[0].stream.source", "allowed kinesis | dynamodb"},
        {"shards: 0", "functions[0].stream.shards", "1..1000"},
        {"parallelizationFactor: 11", "functions[0].stream.parallelizationFactor", "1..10"},
        {"batchSize: 10001", "functions[0].stream.batchSize", "1..10000"},
        {"batchWindow: 301s", "functions[0].stream.batchWindow", "0s..300s"},
        {"maxRetries: -2", "functions[0].stream.maxRetries", "-1..10000"},
        {"maxRetries: 10001", "functions[0].stream.maxRetries", "-1..10000"},
        {"maxRecordAge: 59s", "functions[0].stream.maxRecordAge", "60s..7d"},
        {"maxRecordAge: 8d", "functions[0].stream.maxRecordAge", "60s..7d"},
        {"maxRecordAge: 3600", "functions[0].stream.maxRecordAge", "-1 for no limit"},
        {"bisectOnError: yes please", "functions[0].stream.bisectOnError", "not a boolean"},
        {"onFailure: 'no good'", "functions[0].stream.onFailure", "not a valid destination"},
        {"routing: hashed", "functions[0].stream.routing", "allowed random | round-robin"},
        {"poisonRate: -0.1", "functions[0].stream.poisonRate", "0..1"},
        {"shard: 2", "functions[0].stream.shard", "did you mean 'shards'"},
    };
    for (String[] c : cases) {
      String yaml = withFunctionLines("invocation: stream", "stream: {" + c[0] + "}");
      Problem p = problemAt(yaml, c[1]);
      assertThat(p.line()).as(c[0]).isEqualTo(9);
      assertThat(p.message()).as(c[0]).contains(java.util.Arrays.copyOfRange(c, 2, c.length));
    }
  }
}
