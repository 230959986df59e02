package dev.lambdasim.run;

import static dev.lambdasim.run.Scenarios.D;
import static dev.lambdasim.run.Scenarios.MS;
import static dev.lambdasim.run.Scenarios.S;
import static dev.lambdasim.run.Scenarios.constant;
import static dev.lambdasim.run.Scenarios.function;
import static dev.lambdasim.run.Scenarios.scenario;
import static dev.lambdasim.run.Scenarios.unlimitedAccount;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasim.cost.FunctionCost;
import dev.lambdasim.spec.AccountSpec;
import dev.lambdasim.spec.PricingSpec;
import dev.lambdasim.spec.ScalingSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of the AWS Lambda Pricing page that are workloads (E1, E2, E5), played
 * through full simulations, cost the page's totals to the cent.
 *
 * <p>Arrivals are evenly spaced so the request count is exact; keep-alive and lifetime are longer
 * than the run, so each environment has exactly one cold start, and init is 0 ms, so it bills
 * nothing. Invocations still running at the horizon (at most one duration's worth) have not
 * completed, so their duration is not billed; each test bounds that shortfall below half a cent.
 */
final class PricingSimulationTest {

  /**
   * E1: 3 M requests in 30 days (2,592,000 s), 120 ms, 1,536 MB, x86, free tier.
   * Compute 3 M × 0.12 s × 1.5 GB = 540,000 GB-s − 400,000 free = 140,000 × $0.0000166667 =
   * $2.33; requests (3 M − 1 M) × $0.20/M = $0.40; total $2.73. One request every 864 ms on a
   * 120 ms handler needs one environment, and the last request (at 2,591,999.136 s) ends before
   * the horizon.
   */
  @Test
  void e1OnDemandWithFreeTier() {
    PricingSpec freeTier = withFreeTier(PricingSpec.defaults());
    RunResult result = Simulation.run(scenario(30 * D, unlimitedAccount(), freeTier,
        function("e1").memoryMb(1536).duration(constant(120 * MS))
            .constantRate(3_000_000 / 2_592_000.0)));

    FunctionSummary e1 = result.function("e1");
    assertThat(e1.invocations()).isEqualTo(3_000_000);
    assertThat(e1.coldStarts()).isEqualTo(1);
    assertThat(e1.onDemandGbSeconds()).isEqualTo(540_000.0, withinGbSeconds());
    assertThat(cents(e1.cost().computeUsd())).isEqualTo("2.33");
    assertThat(cents(e1.cost().requestsUsd())).isEqualTo("0.40");
    assertThat(cents(e1.cost().totalUsd())).isEqualTo("2.73");
    assertThat(result.accountCost()).isEqualTo(e1.cost());
  }

  /**
   * E2: 7.44 M requests over 31 days, 2 s, 1,024 MB, x86, no free tier. Requests
   * 7.44 × $0.20 = $1.488; compute 14.88 M GB-s × $0.0000166667 = $248.00; total $249.49.
   * A request every 360 ms on a 2 s handler keeps ⌈2 / 0.36⌉ = 6 environments; the about
   * 2 s / 0.36 s ≈ 6 requests in flight at the horizon leave ≤ 12 GB-s (≈ $0.0002) unbilled.
   */
  @Test
  void e2OnDemandWithoutFreeTier() {
    RunResult result = Simulation.run(scenario(31 * D, unlimitedAccount(),
        function("e2").memoryMb(1024).duration(constant(2 * S))
            .constantRate(7_440_000 / (31 * 86_400.0))));

    FunctionSummary e2 = result.function("e2");
    assertThat(e2.invocations()).isEqualTo(7_440_000);
    assertThat(e2.coldStarts()).isEqualTo(6);
    assertThat(e2.onDemandGbSeconds()).isBetween(14_880_000.0 - 12, 14_880_000.0);
    assertThat(cents(e2.cost().requestsUsd())).isEqualTo("1.49");
    assertThat(cents(e2.cost().computeUsd())).isEqualTo("248.00");
    assertThat(cents(e2.cost().totalUsd())).isEqualTo("249.49");
    assertThat(result.accountCost()).isEqualTo(e2.cost());
  }

  /**
   * E5: 2 M requests in 24 h, 280 ms, 4,096 MB, x86, provisioned concurrency 7. One request
   * every 43.2 ms on a 280 ms handler has 280 / 43.2 = 6.48, so 6 or 7, in flight: 7 provisioned
   * environments serve all of them. Provisioned 7 × 4 GB × 86,400 s = 2,419,200 GB-s ×
   * $0.0000041667 = $10.08; duration 2 M × 0.28 s × 4 GB = 2,240,000 GB-s × $0.0000097222 =
   * $21.78 (the ≤ 7 requests in flight at the end leave ≤ 7.84 GB-s, $0.00008, unbilled);
   * requests $0.40; total $32.26.
   */
  @Test
  void e5ProvisionedConcurrencyWithoutSpillover() {
    AccountSpec account = new AccountSpec(1000, 100, ScalingSpec.perFunction());
    RunResult result = Simulation.run(scenario(D, account,
        function("e5").memoryMb(4096).duration(constant(280 * MS)).provisioned(7)
            .constantRate(2_000_000 / 86_400.0)));

    FunctionSummary e5 = result.function("e5");
    assertThat(e5.invocations()).isEqualTo(2_000_000);
    assertThat(e5.spilloverInvocations()).isZero();
    assertThat(e5.provisionedInvocations()).isEqualTo(2_000_000);
    assertThat(e5.coldStarts()).isZero();
    assertThat(e5.provisionedConfiguredGbSeconds()).isEqualTo(2_419_200.0, withinGbSeconds());
    assertThat(e5.provisionedDurationGbSeconds()).isBetween(2_240_000.0 - 7.84, 2_240_000.0);
    FunctionCost cost = result.accountCost();
    assertThat(cents(cost.provisionedUsd())).isEqualTo("10.08");
    assertThat(cents(cost.computeUsd())).isEqualTo("21.78");
    assertThat(cents(cost.requestsUsd())).isEqualTo("0.40");
    assertThat(cents(cost.totalUsd())).isEqualTo("32.26");
    assertThat(e5.cost()).isEqualTo(cost);
  }

  private static PricingSpec withFreeTier(PricingSpec p) {
    return new PricingSpec(true, p.billInit(), p.requestsPerMillionUsd(), p.freeTierRequests(),
        p.freeTierGbSeconds(), p.x86(), p.arm());
  }

  /** Sums of millions of exact per-invocation GB-s in doubles drift by far less than this. */
  private static org.assertj.core.data.Offset<Double> withinGbSeconds() {
    return org.assertj.core.data.Offset.offset(1e-3);
  }

  /** Returns {@code usd} rounded half-up to cents, as the page prints it. */
  private static String cents(double usd) {
    return BigDecimal.valueOf(usd).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
