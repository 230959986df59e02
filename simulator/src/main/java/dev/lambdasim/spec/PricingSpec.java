package dev.lambdasim.spec;

import java.util.List;

/**
 * Prices in US dollars. Defaults are us-east-1's, from the AWS Lambda Pricing page.
 *
 * @param freeTier            deduct the monthly free tier (1 M requests, 400,000 GB-s), pro rata
 * @param billInit            bill init time on cold starts (true since 2025-08-01: AWS Compute
 *                            Blog, "AWS Lambda standardizes billing for INIT Phase")
 * @param requestsPerMillionUsd price of one million requests
 * @param freeTierRequests    requests free per 30 days
 * @param freeTierGbSeconds   GB-seconds free per 30 days
 * @param x86                 x86_64 prices
 * @param arm                 arm64 prices
 */
public record PricingSpec(
    boolean freeTier,
    boolean billInit,
    double requestsPerMillionUsd,
    long freeTierRequests,
    double freeTierGbSeconds,
    ArchitecturePrices x86,
    ArchitecturePrices arm) {

  public static PricingSpec defaults() {
    return new PricingSpec(false, true, 0.20, 1_000_000L, 400_000.0,
        ArchitecturePrices.x86Defaults(), ArchitecturePrices.armDefaults());
  }

  public ArchitecturePrices pricesFor(Architecture architecture) {
    return architecture == Architecture.ARM64 ? arm : x86;
  }

  /**
   * Prices of one architecture.
   *
   * @param gbSecondUsd         on-demand duration price per GB-s, one entry per monthly tier
   * @param tierGbSeconds       upper bounds of all tiers but the last, GB-s per 30 days (ascending)
   * @param provisionedGbSecondUsd price per GB-s of configured provisioned concurrency
   * @param provisionedDurationGbSecondUsd duration price per GB-s of invocations on provisioned environments
   */
  public record ArchitecturePrices(
      List<Double> gbSecondUsd,
      List<Double> tierGbSeconds,
      double provisionedGbSecondUsd,
      double provisionedDurationGbSecondUsd) {

    public ArchitecturePrices {
      gbSecondUsd = List.copyOf(gbSecondUsd);
      tierGbSeconds = List.copyOf(tierGbSeconds);
    }

    public static ArchitecturePrices x86Defaults() {
      return new ArchitecturePrices(
          List.of(0.0000166667, 0.000015, 0.0000133334),
          List.of(6.0e9, 15.0e9),
          0.0000041667, 0.0000097222);
    }

    public static ArchitecturePrices armDefaults() {
      return new ArchitecturePrices(
          List.of(0.0000133334, 0.0000120001, 0.0000106667),
          List.of(7.5e9, 18.75e9),
          0.0000033334, 0.0000077778);
    }
  }
}
