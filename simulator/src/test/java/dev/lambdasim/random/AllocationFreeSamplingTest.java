package dev.lambdasim.random;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lambdasim.spec.DistributionSpec;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.apache.commons.math3.random.Well19937c;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Drawing does not allocate: after warm-up, a million draws of every distribution allocate
 * (almost) nothing on the drawing thread. Skipped where the JVM cannot count allocated bytes.
 */
final class AllocationFreeSamplingTest {

  private static final double MS = 1e6;

  @Test
  void drawsDoNotAllocate() {
    var threads = ManagementFactory.getThreadMXBean();
    assumeTrue(threads instanceof com.sun.management.ThreadMXBean);
    var counter = (com.sun.management.ThreadMXBean) threads;
    assumeTrue(counter.isThreadAllocatedMemorySupported());
    assumeTrue(counter.isThreadAllocatedMemoryEnabled());

    List<DistributionSpec> specs = List.of(
        new DistributionSpec.Constant(5 * MS),
        new DistributionSpec.Exponential(5 * MS),
        new DistributionSpec.Uniform(1 * MS, 9 * MS),
        new DistributionSpec.Normal(5 * MS, 5 * MS),
        new DistributionSpec.LogNormal(Math.log(5 * MS), 0.5),
        new DistributionSpec.Gamma(2, 2 * MS),
        new DistributionSpec.Gamma(0.5, 2 * MS),
        new DistributionSpec.Weibull(1.5, 5 * MS),
        new DistributionSpec.Percentiles(List.of(0.0, 0.5, 1.0), List.of(1.0, 2 * MS, 9 * MS)),
        new DistributionSpec.Empirical("f", List.of(1.0, 2.0, 3.0)));
    var softly = new SoftAssertions();
    for (DistributionSpec spec : specs) {
      DurationSampler sampler = DurationSampler.of(spec, new Well19937c(9));
      long sink = drawMany(sampler); // warm-up, so allocations in JIT-compiled code are measured
      long before = counter.getCurrentThreadAllocatedBytes();
      sink += drawMany(sampler);
      long allocated = counter.getCurrentThreadAllocatedBytes() - before;

      softly.assertThat(allocated).as("bytes allocated by 1,000,000 draws of %s", spec)
          .isLessThan(1_024);
      softly.assertThat(sink).isNotZero();
    }
    softly.assertAll();
  }

  private static long drawMany(DurationSampler sampler) {
    long sum = 0;
    for (int i = 0; i < 1_000_000; i++) {
      sum += sampler.sampleNanos();
    }
    return sum;
  }
}
