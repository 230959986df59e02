package dev.lambdasim.run;

import static dev.lambdasim.metrics.PeriodColumn.ITERATOR_AGE_AVG;
import static dev.lambdasim.metrics.PeriodColumn.ITERATOR_AGE_MAX;
import static dev.lambdasim.run.Scenarios.MIN;
import static dev.lambdasim.run.Scenarios.MS;
import static dev.lambdasim.run.Scenarios.S;
import static dev.lambdasim.run.Scenarios.constant;
import static dev.lambdasim.run.Scenarios.function;
import static dev.lambdasim.run.Scenarios.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lambdasim.metrics.EsmMetrics.FailureRecord;
import dev.lambdasim.metrics.MetricsSink;
import dev.lambdasim.metrics.PeriodRow;
import dev.lambdasim.spec.AccountSpec;
import dev.lambdasim.spec.ScalingSpec;
import dev.lambdasim.spec.Scenario;
import dev.lambdasim.spec.StreamSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stream event source mapping, as the Lambda Developer Guide's pages on Kinesis and
 * DynamoDB streams describe it: a shard (or key lane) runs one batch at a time, so IteratorAge
 * grows when arrivals outpace shards × parallelizationFactor batches; a failing batch blocks
 * exactly its shard; retries, bisection and the on-failure destination.
 */
final class StreamEventSourceTest {

  private static final AccountSpec ACCOUNT = new AccountSpec(1000, 100, ScalingSpec.perFunction());

  private static StreamSpec stream(int shards, int factor, int batchSize, int maxRetries,
      boolean bisect, StreamSpec.Routing routing, double poisonRate) {
    return new StreamSpec(StreamSpec.Source.KINESIS, shards, factor, batchSize, 0, maxRetries,
        StreamSpec.INFINITE_RECORD_AGE, bisect, "failures", routing, 0, poisonRate);
  }

  private static List<PeriodRow> rows(Scenario scenario) {
    List<PeriodRow> rows = new ArrayList<>();
    MetricsSink sink = row -> {
      if (!row.function().equals("*")) {
        rows.add(row);
      }
    };
    new Simulation(scenario, sink).run(ProgressListener.none());
    return rows;
  }

  /**
   * 400 records a second dealt round-robin to 2 shards (200 a second each); batches of 100
   * records take 1 s, so a shard processes 100 a second. Behind, a shard sends batches back to
   * back: by time t it has sent the first ≈ 100·t of its records, the last of which arrived at
   * 100·t / 200 = t/2, so IteratorAge ≈ t − t/2: it grows linearly at
   * 1 − capacity / arrival rate = 1 − (2 × 100) / 400 = 0.5 s per second.
   */
  @Test
  void iteratorAgeGrowsAtThePredictedSlopeWhenShardsFallBehind() {
    List<PeriodRow> rows = rows(scenario(10 * MIN, ACCOUNT, function("consumer")
        .duration(constant(S)).stream(stream(2, 1, 100, StreamSpec.INFINITE_RETRIES, false,
            StreamSpec.Routing.ROUND_ROBIN, 0))
        .constantRate(400)));
    for (int m : new int[] {1, 4, 9}) {
      double endOfMinute = 60.0 * (m + 1);
      assertThat(rows.get(m).value(ITERATOR_AGE_MAX) / 1000).as("minute %d", m)
          .isCloseTo(0.5 * endOfMinute, within(2.0));
    }
    double slope = (rows.get(9).value(ITERATOR_AGE_MAX) - rows.get(4).value(ITERATOR_AGE_MAX))
        / 1000 / 300;
    assertThat(slope).isCloseTo(0.5, within(0.01));
    // The average over a minute's batches is the age at mid-minute: 0.5 × 570 s.
    assertThat(rows.get(9).value(ITERATOR_AGE_AVG) / 1000).isCloseTo(285.0, within(2.0));
  }

  /**
   * The same traffic with parallelizationFactor 3: each shard runs 3 key lanes, 300 records a
   * second of capacity for 200 arriving, so the stream keeps up and IteratorAge stays under
   * the poll interval plus one batch (2 s).
   */
  @Test
  void raisingTheParallelizationFactorStopsTheGrowth() {
    Scenario scenario = scenario(10 * MIN, ACCOUNT, function("consumer")
        .duration(constant(S)).stream(stream(2, 3, 100, StreamSpec.INFINITE_RETRIES, false,
            StreamSpec.Routing.ROUND_ROBIN, 0))
        .constantRate(400));
    List<PeriodRow> rows = rows(scenario);
    for (int m = 1; m < 10; m++) {
      assertThat(rows.get(m).value(ITERATOR_AGE_MAX)).as("minute %d", m).isLessThan(2000.0);
    }
    FunctionSummary consumer = Simulation.run(scenario).function("consumer");
    assertThat(consumer.concurrencyPeak()).isLessThanOrEqualTo(6);
    assertThat(consumer.eventSource().iteratorAgeMs().max()).isLessThan(2000.0);
  }

  /**
   * Poison records (a batch holding one always fails) with infinite retries: each poisoned
   * shard stops at its first poison record and holds everything after it, while the other
   * shards keep up.
   */
  @Test
  void aPoisonRecordWithInfiniteRetriesBlocksExactlyItsShard() {
    FunctionSummary consumer = Simulation.run(scenario(10 * MIN, ACCOUNT, function("consumer")
        .duration(constant(100 * MS)).stream(stream(4, 1, 100, StreamSpec.INFINITE_RETRIES,
            false, StreamSpec.Routing.RANDOM, 2e-5))
        .poisson(100))).function("consumer");
    List<EsmSummary.Shard> shards = consumer.eventSource().shards();
    assertThat(shards).as("the seed gives some poisoned and some clean shards")
        .anyMatch(s -> s.poisoned() > 0).anyMatch(s -> s.poisoned() == 0);
    for (EsmSummary.Shard shard : shards) {
      if (shard.poisoned() > 0) {
        // Blocked since its poison record (with this seed, the last half-minute or more).
        assertThat(shard.backlogAtEnd()).as("shard %d", shard.shard()).isGreaterThan(100);
        assertThat(shard.iteratorAgeMaxMs()).isGreaterThan(10_000.0);
        assertThat(shard.succeeded() + shard.backlogAtEnd()).isEqualTo(shard.received());
      } else {
        assertThat(shard.backlogAtEnd()).as("shard %d", shard.shard()).isLessThan(60);
        assertThat(shard.iteratorAgeMaxMs()).isLessThan(2000.0);
      }
      assertThat(shard.givenUp()).isZero();
    }
    assertThat(consumer.eventSource().retries()).isPositive();
    assertThat(consumer.ledger().failed()).isZero();
    assertThat(consumer.ledger().balanced()).isTrue();
  }

  /**
   * 250 records at once, batches of 100, a function that always fails and maxRetries 2: each
   * of the 3 batches (100, 100, 50 records) is invoked 1 + 2 = 3 times, then goes to the
   * on-failure destination with its shard and sequence range, in order.
   */
  @Test
  void maxRetriesGivesUpAfterOnePlusMaxRetriesAttempts() {
    FunctionSummary consumer = Simulation.run(scenario(10 * MIN, ACCOUNT, function("consumer")
        .duration(constant(100 * MS)).errorRate(1.0)
        .stream(stream(1, 1, 100, 2, false, StreamSpec.Routing.ROUND_ROBIN, 0))
        .burst(0, 250))).function("consumer");
    assertThat(consumer.invocations()).isEqualTo(9);
    assertThat(consumer.eventSource().retries()).isEqualTo(6);
    assertThat(consumer.ledger().failed()).isEqualTo(250);
    assertThat(consumer.eventSource().deliveries()).containsExactly(Map.entry("failures", 250L));
    assertThat(consumer.eventSource().failureRecords())
        .extracting(FailureRecord::shard, FailureRecord::firstSequence,
            FailureRecord::lastSequence, FailureRecord::records, FailureRecord::condition,
            FailureRecord::approximateInvokeCount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, 0L, 99L, 100, "RetryAttemptsExhausted", 3),
            org.assertj.core.groups.Tuple.tuple(0, 100L, 199L, 100, "RetryAttemptsExhausted", 3),
            org.assertj.core.groups.Tuple.tuple(0, 200L, 249L, 50, "RetryAttemptsExhausted", 3));
  }

  /**
   * bisectOnError on a batch of 64 poison records with maxRetries 0: the batch splits down to
   * single records (a binary tree of 2 × 64 − 1 = 127 invocations) and each record is given up
   * alone; without bisection one invocation gives up all 64 at once.
   */
  @Test
  void bisectionSplitsAFailedBatchDownToSingleRecords() {
    FunctionSummary split = Simulation.run(scenario(10 * MIN, ACCOUNT, function("consumer")
        .duration(constant(10 * MS))
        .stream(stream(1, 1, 64, 0, true, StreamSpec.Routing.ROUND_ROBIN, 1.0))
        .burst(0, 64))).function("consumer");
    assertThat(split.invocations()).isEqualTo(127);
    assertThat(split.eventSource().bisections()).isEqualTo(63);
    assertThat(split.eventSource().failureRecordCount()).isEqualTo(64);
    assertThat(split.eventSource().failureRecords()).allMatch(r -> r.records() == 1);
    assertThat(split.ledger().failed()).isEqualTo(64);

    FunctionSummary whole = Simulation.run(scenario(10 * MIN, ACCOUNT, function("consumer")
        .duration(constant(10 * MS))
        .stream(stream(1, 1, 64, 0, false, StreamSpec.Routing.ROUND_ROBIN, 1.0))
        .burst(0, 64))).function("consumer");
    assertThat(whole.invocations()).isEqualTo(1);
    assertThat(whole.eventSource().failureRecordCount()).isEqualTo(1);
    assertThat(whole.ledger().failed()).isEqualTo(64);
  }

  /**
   * With a few poison records among good ones (50 records a second, 1 in 1,000 poison,
   * maxRetries 0), bisection gives up exactly the poison records and delivers every other;
   * without it the good records of each poisoned batch are lost with it.
   */
  @Test
  void bisectionIsolatesPoisonRecords() {
    FunctionSummary split = run(true);
    long poisoned = split.eventSource().shards().get(0).poisoned();
    assertThat(poisoned).isPositive();
    assertThat(split.ledger().failed()).isEqualTo(poisoned);
    assertThat(split.ledger().succeeded()).isEqualTo(split.arrivals() - poisoned);

    FunctionSummary whole = run(false);
    assertThat(whole.eventSource().shards().get(0).poisoned()).isEqualTo(poisoned);
    // Batches chain every 100 ms at 50 records a second: about 5 records go with each poison.
    assertThat(whole.ledger().failed()).isGreaterThanOrEqualTo(3 * poisoned);
    assertThat(whole.eventSource().failureRecords()).allMatch(r -> r.records() > 1);
  }

  private static FunctionSummary run(boolean bisect) {
    return Simulation.run(scenario(400 * S, ACCOUNT, function("consumer")
        .duration(constant(100 * MS))
        .stream(stream(1, 1, 100, 0, bisect, StreamSpec.Routing.ROUND_ROBIN, 0.001))
        .constantRate(50, 0, 390 * S))).function("consumer");
  }

  /** Records older than maxRecordAge are discarded, and the ledger still balances. */
  @Test
  void recordsOlderThanMaxRecordAgeAreDropped() {
    StreamSpec spec = new StreamSpec(StreamSpec.Source.KINESIS, 1, 1, 100, 0,
        StreamSpec.INFINITE_RETRIES, 60 * S, false, "failures", StreamSpec.Routing.RANDOM, 0, 0);
    FunctionSummary consumer = Simulation.run(scenario(10 * MIN, ACCOUNT, function("consumer")
        .duration(constant(S)).stream(spec).constantRate(200))).function("consumer");
    assertThat(consumer.ledger().dropped()).isPositive();
    assertThat(consumer.eventSource().failuresByCondition()).containsOnlyKeys("RecordAgeExceeded");
    assertThat(consumer.eventSource().iteratorAgeMs().max()).isLessThan(61_000.0);
    assertThat(consumer.ledger().balanced()).isTrue();
  }
}
