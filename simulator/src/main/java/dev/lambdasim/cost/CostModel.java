package dev.lambdasim.cost;

import dev.lambdasim.spec.Architecture;
import dev.lambdasim.spec.PricingSpec;
import dev.lambdasim.spec.PricingSpec.ArchitecturePrices;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Prices a billing period's usage the way the Lambda pricing page does.
 *
 * <p>Choices, each reproducing the pricing page's worked examples:
 * <ul>
 *   <li>Monthly quantities (tier bounds, free tier) are per 30 days and scale pro rata with
 *       {@code billingSeconds}: a 15-day period has half the free tier and tiers half as wide.
 *   <li>The free tier is deducted account-wide, x86_64 and arm64 together, from requests and
 *       from on-demand GB-s only, never from provisioned concurrency or its duration charge.
 *       This is how the page's provisioned-concurrency example (E4) applies it, even though the
 *       page also says the free tier does not apply to PC-enabled functions. Requests of
 *       PC-enabled functions do count against the free requests, as in E4.
 *   <li>Each function's share of the free tier is proportional to its usage (requests, or
 *       on-demand GB-s), so no charge ever goes negative and no function is favoured.
 *   <li>Free GB-s are deducted before tiering: the tiers apply, per architecture, to the
 *       account's billable on-demand GB-s. (At 400,000 GB-s against a first tier of 6 billion
 *       the alternative order changes nothing measurable.)
 *   <li>An architecture's tiered charge is shared among its functions in proportion to their
 *       billable on-demand GB-s, i.e. each pays the architecture's average tiered price.
 *   <li>Duration on provisioned environments is charged flat at the provisioned duration price;
 *       it neither uses nor fills the on-demand tiers.
 * </ul>
 *
 * <p>The account's charges are the sums of the functions' charges, so they add up exactly in a
 * report. Amounts stay unrounded doubles; rounding to cents is the reporter's job.
 */
public final class CostModel {

  /** Length of the month that the page's monthly quantities refer to: 30 days. */
  public static final double SECONDS_PER_BILLING_MONTH = 30 * 86_400;

  private static final long NANOS_PER_MILLI = 1_000_000L;
  private static final double MB_MILLIS_PER_GB_SECOND = 1024 * 1000.0;

  private final PricingSpec pricing;
  private final double billingSeconds;
  private final double monthFraction;

  /**
   * Creates a model for {@code pricing} over a billing period of {@code billingSeconds}.
   *
   * @throws IllegalArgumentException if the period is not positive or the prices are malformed
   */
  public CostModel(PricingSpec pricing, double billingSeconds) {
    this.pricing = Objects.requireNonNull(pricing, "pricing");
    if (!(billingSeconds > 0) || Double.isInfinite(billingSeconds)) {
      throw new IllegalArgumentException(
          "billingSeconds must be finite and > 0, got " + billingSeconds);
    }
    for (Architecture architecture : Architecture.values()) {
      requireWellFormed(architecture, pricing.pricesFor(architecture));
    }
    this.billingSeconds = billingSeconds;
    this.monthFraction = billingSeconds / SECONDS_PER_BILLING_MONTH;
  }

  /** Returns the billing period in seconds. */
  public double billingSeconds() {
    return billingSeconds;
  }

  /** Returns {@code durationNanos} rounded up to the next whole millisecond; 0 stays 0. */
  public static long billedMillis(long durationNanos) {
    if (durationNanos < 0) {
      throw new IllegalArgumentException("duration must be >= 0 ns, got " + durationNanos);
    }
    long millis = durationNanos / NANOS_PER_MILLI;
    return durationNanos % NANOS_PER_MILLI == 0 ? millis : millis + 1;
  }

  /** Returns the GB-seconds of {@code billedMillis} at {@code memoryMb} (1 GB = 1,024 MB). */
  public static double gbSeconds(int memoryMb, long billedMillis) {
    if (memoryMb < 0 || billedMillis < 0) {
      throw new IllegalArgumentException("memoryMb and billedMillis must be >= 0, got "
          + memoryMb + " MB and " + billedMillis + " ms");
    }
    // One division of an exact product keeps e.g. 1,536 MB × 120 ms exactly 0.18 GB-s.
    return (double) memoryMb * billedMillis / MB_MILLIS_PER_GB_SECOND;
  }

  /**
   * Returns the bill for {@code usages}, one row per function.
   *
   * @throws IllegalArgumentException if two rows name the same function
   */
  public Bill bill(List<FunctionUsage> usages) {
    requireUniqueFunctions(usages);
    double requestShare = billableShare(totalRequests(usages), freeRequests());
    double onDemandShare = billableShare(totalOnDemandGbSeconds(usages), freeGbSeconds());
    Map<Architecture, Double> averagePriceUsd = averageTieredPrices(usages, onDemandShare);

    Map<String, FunctionCost> byFunction = new LinkedHashMap<>();
    FunctionCost account = FunctionCost.ZERO;
    for (FunctionUsage usage : usages) {
      ArchitecturePrices prices = pricing.pricesFor(usage.architecture());
      double requestsUsd =
          usage.requests() * requestShare * pricing.requestsPerMillionUsd() / 1e6;
      double onDemandUsd = usage.onDemandGbSeconds() * onDemandShare
          * averagePriceUsd.get(usage.architecture());
      double provisionedDurationUsd =
          usage.provisionedDurationGbSeconds() * prices.provisionedDurationGbSecondUsd();
      double provisionedUsd =
          usage.provisionedConfiguredGbSeconds() * prices.provisionedGbSecondUsd();
      FunctionCost cost =
          new FunctionCost(requestsUsd, onDemandUsd + provisionedDurationUsd, provisionedUsd);
      byFunction.put(usage.function(), cost);
      account = account.plus(cost);
    }
    return new Bill(byFunction, account);
  }

  /** Returns the requests free in this period, 0 without the free tier. */
  double freeRequests() {
    return pricing.freeTier() ? pricing.freeTierRequests() * monthFraction : 0;
  }

  /** Returns the on-demand GB-s free in this period, 0 without the free tier. */
  double freeGbSeconds() {
    return pricing.freeTier() ? pricing.freeTierGbSeconds() * monthFraction : 0;
  }

  /** Returns the tiered charge of {@code gbSeconds} of one architecture in this period. */
  double tieredUsd(Architecture architecture, double gbSeconds) {
    ArchitecturePrices prices = pricing.pricesFor(architecture);
    List<Double> tierPrices = prices.gbSecondUsd();
    List<Double> bounds = prices.tierGbSeconds();
    double usd = 0;
    double lower = 0;
    for (int tier = 0; tier < tierPrices.size() && gbSeconds > lower; tier++) {
      double upper = tier < bounds.size()
          ? bounds.get(tier) * monthFraction
          : Double.POSITIVE_INFINITY;
      usd += (Math.min(gbSeconds, upper) - lower) * tierPrices.get(tier);
      lower = upper;
    }
    return usd;
  }

  /**
   * Returns, per architecture, the tiered charge divided by its billable GB-s: the price each of
   * its functions pays per billable GB-s.
   */
  private Map<Architecture, Double> averageTieredPrices(
      List<FunctionUsage> usages, double onDemandShare) {
    Map<Architecture, Double> billableGbSeconds = new EnumMap<>(Architecture.class);
    for (Architecture architecture : Architecture.values()) {
      billableGbSeconds.put(architecture, 0.0);
    }
    for (FunctionUsage usage : usages) {
      billableGbSeconds.merge(usage.architecture(), usage.onDemandGbSeconds() * onDemandShare,
          Double::sum);
    }
    Map<Architecture, Double> average = new EnumMap<>(Architecture.class);
    billableGbSeconds.forEach((architecture, gbSeconds) -> average.put(architecture,
        gbSeconds > 0
            ? tieredUsd(architecture, gbSeconds) / gbSeconds
            : pricing.pricesFor(architecture).gbSecondUsd().get(0)));
    return average;
  }

  /** Returns the billable fraction of {@code total} once {@code free} is deducted, in [0, 1]. */
  private static double billableShare(double total, double free) {
    return total > 0 ? Math.max(0, total - free) / total : 0;
  }

  private static double totalRequests(List<FunctionUsage> usages) {
    double total = 0;
    for (FunctionUsage usage : usages) {
      total += usage.requests();
    }
    return total;
  }

  private static double totalOnDemandGbSeconds(List<FunctionUsage> usages) {
    double total = 0;
    for (FunctionUsage usage : usages) {
      total += usage.onDemandGbSeconds();
    }
    return total;
  }

  private static void requireUniqueFunctions(List<FunctionUsage> usages) {
    Set<String> seen = new HashSet<>();
    for (FunctionUsage usage : usages) {
      if (!seen.add(usage.function())) {
        throw new IllegalArgumentException(
            "function " + usage.function() + " appears more than once in the usage");
      }
    }
  }

  private static void requireWellFormed(Architecture architecture, ArchitecturePrices prices) {
    Objects.requireNonNull(prices, architecture.label() + " prices");
    List<Double> bounds = prices.tierGbSeconds();
    if (prices.gbSecondUsd().size() != bounds.size() + 1) {
      throw new IllegalArgumentException(architecture.label() + ": " + prices.gbSecondUsd().size()
          + " tier prices need " + (prices.gbSecondUsd().size() - 1) + " tier bounds, got "
          + bounds.size());
    }
    for (int i = 0; i < bounds.size(); i++) {
      if (!(bounds.get(i) > (i == 0 ? 0 : bounds.get(i - 1)))) {
        throw new IllegalArgumentException(architecture.label()
            + ": tier bounds must be positive and ascending, got " + bounds);
      }
    }
  }

  @Override
  public String toString() {
    return "CostModel(billingSeconds=" + billingSeconds + ", freeTier=" + pricing.freeTier() + ")";
  }
}
