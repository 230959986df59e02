package dev.lambdasim.cost;

import static dev.lambdasim.cost.CostModel.billedMillis;
import static dev.lambdasim.cost.CostModel.gbSeconds;
import static dev.lambdasim.cost.PricingExamplesTest.cents;
import static dev.lambdasim.cost.PricingExamplesTest.usd;
import static dev.lambdasim.cost.PricingExamplesTest.withFreeTier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import dev.lambdasim.spec.Architecture;
import dev.lambdasim.spec.PricingSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cost model's own rules: billed milliseconds round up, monthly quantities scale with the
 * billing period, the free tier never makes a charge negative, and the functions' charges add
 * up to the account's, with each architecture's tiered charge shared by on-demand GB-s.
 */
final class CostModelTest {

  private static final double DAY_SECONDS = 86_400;
  private static final double MONTH_SECONDS = 30 * DAY_SECONDS;

  @Test
  void billedMillisRoundsUp() {
    assertThat(billedMillis(0)).isZero();
    assertThat(billedMillis(1)).isEqualTo(1);
    assertThat(billedMillis(1_000_000)).isEqualTo(1);
    assertThat(billedMillis(1_000_001)).isEqualTo(2);
    assertThat(billedMillis(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE / 1_000_000 + 1);
  }

  @Test
  void billedMillisRejectsNegativeDurations() {
    assertThatIllegalArgumentException().isThrownBy(() -> billedMillis(-1));
  }

  @Test
  void gbSecondsUsesBinaryGigabytes() {
    assertThat(gbSeconds(1024, 1000)).isEqualTo(1.0);
    assertThat(gbSeconds(1536, 120)).isEqualTo(0.18);
    assertThat(gbSeconds(128, 1)).isEqualTo(0.000125);
  }

  @Test
  void freeTierIsProratedToTheBillingPeriod() {
    var usage = new FunctionUsage("f", Architecture.X86_64, 1_000_000, 300_000, 0, 0);

    Bill bill = new CostModel(withFreeTier(), 15 * DAY_SECONDS).bill(List.of(usage));

    // Half a month: 500,000 free requests and 200,000 free GB-s.
    assertThat(bill.account().requestsUsd()).isCloseTo(500_000 * 0.20 / 1e6, within(1e-12));
    assertThat(bill.account().computeUsd()).isCloseTo(100_000 * 0.0000166667, within(1e-12));
  }

  @Test
  void tierBoundsAreProratedToTheBillingPeriod() {
    // Half a month: the first x86 tier ends at 3 B GB-s instead of 6 B.
    var usage = new FunctionUsage("f", Architecture.X86_64, 0, 4.0e9, 0, 0);

    Bill bill = new CostModel(PricingSpec.defaults(), 15 * DAY_SECONDS).bill(List.of(usage));

    assertThat(cents(bill.account().computeUsd())).isEqualTo(usd("65000.10"));
  }

  @Test
  void freeTierNeverMakesAChargeNegative() {
    var usage = new FunctionUsage("f", Architecture.ARM64, 10, 5.0, 0, 0);

    Bill bill = new CostModel(withFreeTier(), MONTH_SECONDS).bill(List.of(usage));

    assertThat(bill.account()).isEqualTo(new FunctionCost(0, 0, 0));
  }

  @Test
  void freeTierIsSharedAcrossArchitecturesByUsage() {
    // 300,000 + 100,000 GB-s use up the free tier exactly, whatever the architecture.
    var x86 = new FunctionUsage("x", Architecture.X86_64, 750_000, 300_000, 0, 0);
    var arm = new FunctionUsage("a", Architecture.ARM64, 250_000, 100_000, 0, 0);

    Bill bill = new CostModel(withFreeTier(), MONTH_SECONDS).bill(List.of(x86, arm));

    assertThat(bill.account().totalUsd()).isCloseTo(0, within(1e-9));
  }

  @Test
  void functionsAddUpToTheAccountAcrossTiersAndArchitectures() {
    var big = new FunctionUsage("big", Architecture.X86_64, 900_000_000, 4.0e9, 1.0e6, 2.0e6);
    var twin = new FunctionUsage("twin", Architecture.X86_64, 900_000_000, 4.0e9, 0, 0);
    var arm = new FunctionUsage("arm", Architecture.ARM64, 200_000_000, 2.0e9, 0, 3.0e6);
    var model = new CostModel(withFreeTier(), MONTH_SECONDS);

    Bill bill = model.bill(List.of(big, twin, arm));

    FunctionCost sum = bill.byFunction().values().stream()
        .reduce(FunctionCost.ZERO, FunctionCost::plus);
    assertThat(sum.requestsUsd()).isCloseTo(bill.account().requestsUsd(), within(1e-6));
    assertThat(sum.computeUsd()).isCloseTo(bill.account().computeUsd(), within(1e-6));
    assertThat(sum.provisionedUsd()).isCloseTo(bill.account().provisionedUsd(), within(1e-6));
  }

  @Test
  void accountChargesFollowTheTiersOfEachArchitecture() {
    var big = new FunctionUsage("big", Architecture.X86_64, 0, 4.0e9, 0, 0);
    var twin = new FunctionUsage("twin", Architecture.X86_64, 0, 4.0e9, 0, 0);
    var arm = new FunctionUsage("arm", Architecture.ARM64, 0, 2.0e9, 0, 0);

    Bill bill = new CostModel(withFreeTier(), MONTH_SECONDS).bill(List.of(big, twin, arm));

    // 400,000 free GB-s are shared 8:2, so x86 bills 7,999,680,000 and arm 1,999,920,000.
    double x86Usd = 6.0e9 * 0.0000166667 + (7_999_680_000.0 - 6.0e9) * 0.000015;
    double armUsd = 1_999_920_000.0 * 0.0000133334;
    assertThat(bill.account().computeUsd()).isCloseTo(x86Usd + armUsd, within(1e-6));
    // Equal usage of one architecture pays an equal share of its tiered charge.
    assertThat(bill.byFunction().get("big").computeUsd()).isCloseTo(x86Usd / 2, within(1e-6));
    assertThat(bill.byFunction().get("twin").computeUsd()).isCloseTo(x86Usd / 2, within(1e-6));
    assertThat(bill.byFunction().get("arm").computeUsd()).isCloseTo(armUsd, within(1e-6));
  }

  @Test
  void requestsAreSharedInProportionToUsage() {
    var small = new FunctionUsage("small", Architecture.X86_64, 1_000_000, 0, 0, 0);
    var large = new FunctionUsage("large", Architecture.ARM64, 3_000_000, 0, 0, 0);

    Bill bill = new CostModel(withFreeTier(), MONTH_SECONDS).bill(List.of(small, large));

    // 3 M billable requests ($0.60) split 1:3.
    assertThat(bill.byFunction().get("small").requestsUsd()).isCloseTo(0.15, within(1e-12));
    assertThat(bill.byFunction().get("large").requestsUsd()).isCloseTo(0.45, within(1e-12));
  }

  @Test
  void provisionedChargesIgnoreTheFreeTier() {
    var usage = new FunctionUsage("pc", Architecture.X86_64, 0, 0, 1_000, 1_000);

    Bill bill = new CostModel(withFreeTier(), MONTH_SECONDS).bill(List.of(usage));

    assertThat(bill.account().computeUsd()).isCloseTo(1_000 * 0.0000097222, within(1e-12));
    assertThat(bill.account().provisionedUsd()).isCloseTo(1_000 * 0.0000041667, within(1e-12));
  }

  @Test
  void billKeepsTheOrderOfTheUsages() {
    var usages = List.of(
        new FunctionUsage("zeta", Architecture.X86_64, 1, 1, 0, 0),
        new FunctionUsage("alpha", Architecture.ARM64, 1, 1, 0, 0),
        new FunctionUsage("mid", Architecture.X86_64, 1, 1, 0, 0));

    Bill bill = new CostModel(PricingSpec.defaults(), MONTH_SECONDS).bill(usages);

    assertThat(bill.byFunction()).containsOnlyKeys("zeta", "alpha", "mid");
    assertThat(List.copyOf(bill.byFunction().keySet())).containsExactly("zeta", "alpha", "mid");
  }

  @Test
  void rejectsAFunctionListedTwice() {
    var usage = new FunctionUsage("f", Architecture.X86_64, 1, 1, 0, 0);
    var model = new CostModel(PricingSpec.defaults(), MONTH_SECONDS);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> model.bill(List.of(usage, usage)))
        .withMessageContaining("more than once");
  }

  @Test
  void rejectsMismatchedTierPricesAndBounds() {
    var defaults = PricingSpec.defaults();
    var broken = new PricingSpec.ArchitecturePrices(
        List.of(0.1, 0.2), List.of(1.0, 2.0), 0, 0);
    var pricing = new PricingSpec(false, true, 0.2, 0, 0, broken, defaults.arm());

    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CostModel(pricing, MONTH_SECONDS))
        .withMessageContaining("tier bounds");
  }

  @Test
  void emptyUsageCostsNothing() {
    Bill bill = new CostModel(withFreeTier(), MONTH_SECONDS).bill(List.of());

    assertThat(bill.byFunction()).isEmpty();
    assertThat(bill.account()).isEqualTo(FunctionCost.ZERO);
  }
}
