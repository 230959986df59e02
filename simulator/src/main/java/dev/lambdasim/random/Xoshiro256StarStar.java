package dev.lambdasim.random;

import org.apache.commons.math3.random.BitsStreamGenerator;

/**
 * The xoshiro256** generator (Blackman and Vigna, 2018) as a Commons Math
 * {@link org.apache.commons.math3.random.RandomGenerator}, so every Commons Math distribution
 * can draw from it.
 *
 * <p>Why not {@code Well19937c}: the benchmark spends a large share of its time in the
 * generator, and a fleet scenario holds several streams per function. xoshiro256** is several
 * times faster per draw and has 32 bytes of state instead of 2.5 KB, with a period of
 * 2^256 − 1 and no known statistical weakness in its output. The state is filled from the
 * 64-bit seed with SplitMix64, as its authors recommend.
 */
public final class Xoshiro256StarStar extends BitsStreamGenerator {

  private static final long serialVersionUID = 1L;
  private static final double DOUBLE_UNIT = 0x1.0p-53;

  private long s0;
  private long s1;
  private long s2;
  private long s3;

  public Xoshiro256StarStar(long seed) {
    setSeed(seed);
  }

  @Override
  public void setSeed(int seed) {
    setSeed((long) seed);
  }

  @Override
  public void setSeed(int[] seed) {
    long combined = 0;
    for (int value : seed) {
      combined = RandomStreams.mix(combined ^ (value & 0xffffffffL));
    }
    setSeed(combined);
  }

  @Override
  public void setSeed(long seed) {
    long z = seed;
    s0 = RandomStreams.mix(z);
    z += 0x9e3779b97f4a7c15L;
    s1 = RandomStreams.mix(z);
    z += 0x9e3779b97f4a7c15L;
    s2 = RandomStreams.mix(z);
    z += 0x9e3779b97f4a7c15L;
    s3 = RandomStreams.mix(z);
    if ((s0 | s1 | s2 | s3) == 0) {
      s0 = 1; // the all-zero state is the one state the generator cannot leave
    }
    clear();
  }

  @Override
  public long nextLong() {
    long result = Long.rotateLeft(s1 * 5, 7) * 9;
    long t = s1 << 17;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = Long.rotateLeft(s3, 45);
    return result;
  }

  @Override
  protected int next(int bits) {
    return (int) (nextLong() >>> (64 - bits));
  }

  /** Returns a uniform double in [0, 1) from the top 53 bits. */
  @Override
  public double nextDouble() {
    return (nextLong() >>> 11) * DOUBLE_UNIT;
  }

  private double spareGaussian;
  private boolean hasSpareGaussian;

  /**
   * Returns a standard normal draw by Marsaglia's polar method with the JDK's intrinsic
   * {@code Math.log}/{@code Math.sqrt} (Commons Math's version uses the slower FastMath).
   */
  @Override
  public double nextGaussian() {
    if (hasSpareGaussian) {
      hasSpareGaussian = false;
      return spareGaussian;
    }
    double u;
    double v;
    double s;
    do {
      u = 2 * nextDouble() - 1;
      v = 2 * nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double factor = Math.sqrt(-2 * Math.log(s) / s);
    spareGaussian = v * factor;
    hasSpareGaussian = true;
    return u * factor;
  }

  @Override
  public void clear() {
    super.clear();
    hasSpareGaussian = false;
  }
}
