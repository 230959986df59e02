package dev.lambdasim.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasim.metrics.Gauge;
import dev.lambdasim.spec.AccountSpec;
import dev.lambdasim.spec.ConcurrencySpec;
import dev.lambdasim.spec.DistributionSpec;
import dev.lambdasim.spec.FunctionSpec;
import dev.lambdasim.spec.ProvisionedSpec;
import dev.lambdasim.spec.ScalingSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The account's claims and pools:
 * <ul>
 *   <li>a function with reserved concurrency claims exactly that, provisioned concurrency inside
 *       it adding nothing;
 *   <li>a function without reserved concurrency claims its initial provisioned concurrency, and
 *       one with neither claims nothing;
 *   <li>the unreserved pool is the limit less every claim, so claims up to the unreserved minimum
 *       leave exactly the minimum;
 *   <li>a changed provisioned claim shrinks or grows the unreserved pool by as much;
 *   <li>the unreserved pool is full once its capacity is acquired, and a release frees one;
 *   <li>the account admits invocations up to its concurrency limit, counting them itself, and
 *       feeds its gauges the same counts.
 * </ul>
 */
final class AccountTest {

  private static final AccountSpec ACCOUNT =
      new AccountSpec(/* concurrencyLimit= */ 1000, /* unreservedMinimum= */ 100,
          ScalingSpec.perFunction());

  @Test
  void reservedConcurrencyIsTheWholeClaim() {
    assertThat(Account.claim(function("reserved", 200, 0))).isEqualTo(200);
    assertThat(Account.claim(function("reservedAndProvisioned", 200, 80))).isEqualTo(200);
  }

  @Test
  void withoutReservedTheInitialProvisionedIsClaimed() {
    assertThat(Account.claim(function("provisioned", ConcurrencySpec.NO_RESERVED, 50)))
        .isEqualTo(50);
    assertThat(Account.claim(function("plain", ConcurrencySpec.NO_RESERVED, 0))).isZero();
  }

  @Test
  void theUnreservedPoolIsTheLimitLessEveryClaim() {
    Account account = account(List.of(
        function("reserved", 500, 0),
        function("reservedAndProvisioned", 300, 80),
        function("provisioned", ConcurrencySpec.NO_RESERVED, 100),
        function("plain", ConcurrencySpec.NO_RESERVED, 0)));

    // 1000 - 500 - 300 - 100: every claim the loader allows, leaving the unreserved minimum.
    assertThat(account.unreservedCapacity()).isEqualTo(ACCOUNT.unreservedMinimum());
  }

  @Test
  void aChangedProvisionedClaimMovesTheUnreservedPool() {
    Account account = account(List.of(function("provisioned", ConcurrencySpec.NO_RESERVED, 100)));

    account.adjustClaim(+20);
    assertThat(account.unreservedCapacity()).isEqualTo(880);
    account.adjustClaim(-70);
    assertThat(account.unreservedCapacity()).isEqualTo(950);
  }

  @Test
  void theUnreservedPoolIsFullOnceItsCapacityIsAcquired() {
    Account account = account(List.of(function("reserved", 997, 0)));

    for (int i = 0; i < 3; i++) {
      assertThat(account.unreservedFull()).as("after %d acquired", i).isFalse();
      account.unreservedAcquire();
    }
    assertThat(account.unreservedFull()).isTrue();
    assertThat(account.unreservedInFlight()).isEqualTo(3);

    account.unreservedRelease();
    assertThat(account.unreservedFull()).isFalse();
    assertThat(account.unreservedInFlight()).isEqualTo(2);
  }

  @Test
  void theAccountAdmitsUpToItsLimitAndFeedsItsGauges() {
    Gauge concurrency = new Gauge(0);
    Gauge provisionedBusy = new Gauge(0);
    Account account = new Account(new AccountSpec(/* concurrencyLimit= */ 2,
        /* unreservedMinimum= */ 0, ScalingSpec.perFunction()), List.of(), concurrency,
        provisionedBusy);

    account.invocationStarted(/* nowNanos= */ 10, /* provisioned= */ true);
    assertThat(account.belowConcurrencyLimit()).isTrue();
    account.invocationStarted(/* nowNanos= */ 20, /* provisioned= */ false);
    assertThat(account.belowConcurrencyLimit()).isFalse();
    assertThat(concurrency.value()).isEqualTo(2);
    assertThat(provisionedBusy.value()).isEqualTo(1);

    account.invocationEnded(/* nowNanos= */ 30, /* provisioned= */ true);
    assertThat(account.belowConcurrencyLimit()).isTrue();
    assertThat(concurrency.value()).isEqualTo(1);
    assertThat(provisionedBusy.value()).isZero();
  }

  private static Account account(List<FunctionSpec> functions) {
    return new Account(ACCOUNT, functions, new Gauge(0), new Gauge(0));
  }

  private static FunctionSpec function(String name, int reserved, int provisioned) {
    return FunctionSpec.of(name, new DistributionSpec.Constant(1e6), List.of())
        .withConcurrency(new ConcurrencySpec(reserved, ProvisionedSpec.fixed(provisioned)));
  }
}
