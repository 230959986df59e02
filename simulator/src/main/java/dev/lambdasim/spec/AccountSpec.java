package dev.lambdasim.spec;

/**
 * The account's Region-wide limits.
 *
 * @param concurrencyLimit  account concurrency limit (default 1,000)
 * @param unreservedMinimum concurrency always left unreserved (default 100)
 * @param scaling           how fast new execution environments may be created
 */
public record AccountSpec(int concurrencyLimit, int unreservedMinimum, ScalingSpec scaling) {

  public static final int DEFAULT_CONCURRENCY_LIMIT = 1000;
  public static final int DEFAULT_UNRESERVED_MINIMUM = 100;

  /** Returns what functions may claim in all: the limit less the unreserved minimum. */
  public long claimableConcurrency() {
    return (long) concurrencyLimit - unreservedMinimum;
  }

  public static AccountSpec defaults() {
    return new AccountSpec(DEFAULT_CONCURRENCY_LIMIT, DEFAULT_UNRESERVED_MINIMUM,
        ScalingSpec.perFunction());
  }
}
