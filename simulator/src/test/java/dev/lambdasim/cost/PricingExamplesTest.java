package dev.lambdasim.cost;

import static dev.lambdasim.cost.CostModel.billedMillis;
import static dev.lambdasim.cost.CostModel.gbSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasim.spec.Architecture;
import dev.lambdasim.spec.PricingSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of the AWS Lambda Pricing page (E1–E14 here) come out to the cent with the
 * default us-east-1 prices. Usage is built the way the simulator builds it: per-invocation billed
 * milliseconds times memory, then summed.
 */
final class PricingExamplesTest {

  private static final double DAY_SECONDS = 86_400;
  private static final double MONTH_SECONDS = 30 * DAY_SECONDS;
  private static final long MS = 1_000_000L;

  @Test
  void e1OnDemandWithFreeTier() {
    // 3 M requests × 120 ms × 1,536 MB = 540,000 GB-s; 400,000 GB-s and 1 M requests are free.
    var usage = onDemand("e1", Architecture.X86_64, 3_000_000, 1536, 120 * MS);

    Bill bill = new CostModel(withFreeTier(), MONTH_SECONDS).bill(List.of(usage));

    assertThat(cents(bill.account().computeUsd())).isEqualTo(usd("2.33"));
    assertThat(cents(bill.account().requestsUsd())).isEqualTo(usd("0.40"));
    assertThat(cents(bill.account().totalUsd())).isEqualTo(usd("2.73"));
  }

  @Test
  void e2OnDemandWithoutFreeTierOver31Days() {
    // 10,000 vehicles × 24 × 31 = 7.44 M requests × 2 s × 1,024 MB.
    var usage = onDemand("e2", Architecture.X86_64, 7_440_000, 1024, 2_000 * MS);

    Bill bill = new CostModel(PricingSpec.defaults(), 31 * DAY_SECONDS).bill(List.of(usage));

    assertThat(cents(bill.account().computeUsd())).isEqualTo(usd("248.00"));
    assertThat(cents(bill.account().requestsUsd())).isEqualTo(usd("1.49"));
    assertThat(cents(bill.account().totalUsd())).isEqualTo(usd("249.49"));
  }

  /**
   * E4 is one function: its provisioned environments served 500,000 requests at 100 ms and the
   * other 2.5 M spilled over to on-demand at 120 ms. It is one usage row because the simulator
   * reports one row per function, with on-demand and provisioned duration kept apart. The page's
   * "PC duration" and "on-demand" lines are both in {@code computeUsd} (0.73 + 0.83).
   */
  @Test
  void e4ProvisionedConcurrencyWithSpillover() {
    var usage = e4Usage();

    Bill bill = new CostModel(withFreeTier(), MONTH_SECONDS).bill(List.of(usage));

    assertThat(cents(bill.account().provisionedUsd())).isEqualTo(usd("18.00"));
    assertThat(cents(bill.account().requestsUsd())).isEqualTo(usd("0.40"));
    assertThat(cents(bill.account().computeUsd())).isEqualTo(usd("1.56"));
    assertThat(cents(bill.account().totalUsd())).isEqualTo(usd("19.96"));
  }

  @Test
  void e4DurationLinesSeparately() {
    var model = new CostModel(withFreeTier(), MONTH_SECONDS);
    var full = e4Usage();
    var provisionedOnly = new FunctionUsage("e4", Architecture.X86_64, 0, 0,
        full.provisionedDurationGbSeconds(), 0);
    var onDemandOnly = new FunctionUsage("e4", Architecture.X86_64, 0,
        full.onDemandGbSeconds(), 0, 0);

    // The free GB-s go to the on-demand part only, so the PC duration line is the full 75,000.
    assertThat(cents(model.bill(List.of(provisionedOnly)).account().computeUsd()))
        .isEqualTo(usd("0.73"));
    assertThat(cents(model.bill(List.of(onDemandOnly)).account().computeUsd()))
        .isEqualTo(usd("0.83"));
  }

  @Test
  void e5ProvisionedConcurrencyForADay() {
    // PC 7 × 4 GB for 86,400 s; 2 M requests × 280 ms × 4,096 MB on provisioned environments.
    var usage = new FunctionUsage("e5", Architecture.X86_64, 2_000_000,
        /* onDemandGbSeconds= */ 0,
        /* provisionedDurationGbSeconds= */ 2_000_000 * gbSeconds(4096, billedMillis(280 * MS)),
        /* provisionedConfiguredGbSeconds= */ 7 * 4.0 * DAY_SECONDS);

    Bill bill = new CostModel(PricingSpec.defaults(), MONTH_SECONDS).bill(List.of(usage));

    assertThat(cents(bill.account().provisionedUsd())).isEqualTo(usd("10.08"));
    assertThat(cents(bill.account().computeUsd())).isEqualTo(usd("21.78"));
    assertThat(cents(bill.account().requestsUsd())).isEqualTo(usd("0.40"));
    assertThat(cents(bill.account().totalUsd())).isEqualTo(usd("32.26"));
  }

  @Test
  void e12OneMillisecondBilling() {
    var usage = onDemand("e12", Architecture.X86_64, 60_000_000, 1024, 28 * MS);

    Bill bill = new CostModel(PricingSpec.defaults(), MONTH_SECONDS).bill(List.of(usage));

    assertThat(cents(bill.account().computeUsd())).isEqualTo(usd("28.00"));
    assertThat(cents(bill.account().requestsUsd())).isEqualTo(usd("12.00"));
  }

  @Test
  void e12HundredMillisecondBillingWouldHaveCostMore() {
    // The pre-2020 rounding, for the blog's comparison: 28 ms billed as 100 ms.
    var usage = new FunctionUsage("e12", Architecture.X86_64, 60_000_000,
        60_000_000 * gbSeconds(1024, 100), 0, 0);

    Bill bill = new CostModel(PricingSpec.defaults(), MONTH_SECONDS).bill(List.of(usage));

    assertThat(cents(bill.account().computeUsd())).isEqualTo(usd("100.00"));
  }

  @Test
  void e13TieredPricing() {
    // 75 M invocations × 60 s × 2 GB = 9 B GB-s: 6 B in the first tier, 3 B in the second.
    var usage = new FunctionUsage("e13", Architecture.X86_64, 0, 9.0e9, 0, 0);

    Bill bill = new CostModel(PricingSpec.defaults(), MONTH_SECONDS).bill(List.of(usage));

    assertThat(cents(bill.account().computeUsd())).isEqualTo(usd("145000.20"));
  }

  @Test
  void e14BilledMillisRoundsTheSumOfInitAndHandler() {
    assertThat(billedMillis(3_004_920_000L + 111_230_000L)).isEqualTo(3117);
    assertThat(billedMillis(133_610_000L + 80_000_000L)).isEqualTo(214);
    assertThat(billedMillis(3_016_780_000L + 84_000_000L)).isEqualTo(3101);
  }

  @Test
  void arm64UsesArmPrices() {
    // E1 and E5 on arm64: 140,000 GB-s × 0.0000133334; PC 2,419,200 × 0.0000033334 and
    // duration 2,240,000 × 0.0000077778.
    var e1 = onDemand("e1", Architecture.ARM64, 3_000_000, 1536, 120 * MS);
    var e5 = new FunctionUsage("e5", Architecture.ARM64, 0, 0, 2_240_000, 2_419_200);

    Bill onDemand = new CostModel(withFreeTier(), MONTH_SECONDS).bill(List.of(e1));
    Bill provisioned = new CostModel(PricingSpec.defaults(), MONTH_SECONDS).bill(List.of(e5));

    assertThat(cents(onDemand.account().computeUsd())).isEqualTo(usd("1.87"));
    assertThat(cents(provisioned.account().provisionedUsd())).isEqualTo(usd("8.06"));
    assertThat(cents(provisioned.account().computeUsd())).isEqualTo(usd("17.42"));
  }

  @Test
  void arm64Tiers() {
    // 7.5 B GB-s in the first arm tier, 2.5 B in the second.
    var usage = new FunctionUsage("arm", Architecture.ARM64, 0, 10.0e9, 0, 0);

    Bill bill = new CostModel(PricingSpec.defaults(), MONTH_SECONDS).bill(List.of(usage));

    assertThat(cents(bill.account().computeUsd())).isEqualTo(usd("130000.75"));
  }

  private static FunctionUsage e4Usage() {
    return new FunctionUsage("e4", Architecture.X86_64, 3_000_000,
        /* onDemandGbSeconds= */ 2_500_000 * gbSeconds(1536, billedMillis(120 * MS)),
        /* provisionedDurationGbSeconds= */ 500_000 * gbSeconds(1536, billedMillis(100 * MS)),
        /* provisionedConfiguredGbSeconds= */ 100 * 1.5 * 28_800);
  }

  static FunctionUsage onDemand(
      String function, Architecture architecture, long requests, int memoryMb, long nanos) {
    return new FunctionUsage(function, architecture, requests,
        requests * gbSeconds(memoryMb, billedMillis(nanos)), 0, 0);
  }

  static PricingSpec withFreeTier() {
    PricingSpec defaults = PricingSpec.defaults();
    return new PricingSpec(/* freeTier= */ true, defaults.billInit(),
        defaults.requestsPerMillionUsd(), defaults.freeTierRequests(),
        defaults.freeTierGbSeconds(), defaults.x86(), defaults.arm());
  }

  static BigDecimal cents(double usd) {
    return BigDecimal.valueOf(usd).setScale(2, RoundingMode.HALF_UP);
  }

  static BigDecimal usd(String amount) {
    return new BigDecimal(amount);
  }
}
