package dev.lambdasim.workload;

import static dev.lambdasim.workload.Arrivals.MIN;
import static dev.lambdasim.workload.Arrivals.OPEN;
import static dev.lambdasim.workload.Arrivals.S;
import static dev.lambdasim.workload.Arrivals.all;
import static dev.lambdasim.workload.Arrivals.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lambdasim.spec.TrafficSpec;
import dev.lambdasim.spec.TrafficSpec.Mmpp.State;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every kind keeps its arrivals inside its window ([from, to); [start, end) for a ramp, whose
 * from/to are rates; [at, at + for) ∩ [from, to) for a spike), never goes back in time, is
 * reproducible from its seed, and draws an arrival without allocating.
 */
final class SourceWindowTest {

  private static final long FROM = 10 * MIN;
  private static final long TO = 20 * MIN;

  private static List<TrafficSpec> windowed() {
    return List.of(
        new TrafficSpec.Poisson("poisson#0", 50, FROM, TO),
        new TrafficSpec.Constant("constant#0", 50, FROM, TO),
        new TrafficSpec.Ramp("ramp#0", 100, 0, FROM, TO),
        new TrafficSpec.Spike("spike#0", 5 * MIN, 50, 30 * MIN, FROM, TO),
        new TrafficSpec.Diurnal("diurnal#0", 50, 1, 7 * MIN, 0, FROM, TO),
        new TrafficSpec.Periodic("periodic#0", S / 50, S / 100, FROM, TO),
        new TrafficSpec.Mmpp("mmpp#0", List.of(new State(50, MIN), new State(100, MIN)), FROM, TO));
  }

  @Test
  void everyKindStaysInItsWindow() {
    var softly = new SoftAssertions();
    for (TrafficSpec spec : windowed()) {
      long[] t = all(of(spec, 1));
      softly.assertThat(t.length).as("%s arrivals", spec).isGreaterThan(10_000);
      softly.assertThat(t[0]).as("first of %s", spec).isGreaterThanOrEqualTo(FROM).isLessThan(FROM + S);
      softly.assertThat(t[t.length - 1]).as("last of %s", spec).isLessThan(TO).isGreaterThan(TO - 10 * S);
    }
    softly.assertAll();
  }

  @Test
  void spikeIsClippedToFromAndTo() {
    long[] t = all(of(new TrafficSpec.Spike("spike#0", 30 * MIN, 100, 10 * MIN, 32 * MIN, 35 * MIN), 2));
    assertThat(t[0]).isGreaterThanOrEqualTo(32 * MIN);
    assertThat(t[t.length - 1]).isLessThan(35 * MIN);
  }

  @Test
  void sameSeedSameInstants() {
    for (TrafficSpec spec : windowed()) {
      assertThat(all(of(spec, 5))).as(spec.toString()).isEqualTo(all(of(spec, 5)));
    }
  }

  @Test
  void drawingDoesNotAllocate() {
    var threads = ManagementFactory.getThreadMXBean();
    assumeTrue(threads instanceof com.sun.management.ThreadMXBean);
    var counter = (com.sun.management.ThreadMXBean) threads;
    assumeTrue(counter.isThreadAllocatedMemorySupported() && counter.isThreadAllocatedMemoryEnabled());
    List<TrafficSpec> open = List.of(
        new TrafficSpec.Ramp("ramp#0", 1, 1000, 0, 10_000 * S),
        new TrafficSpec.Spike("spike#0", 0, 1000, 10_000 * S, 0, OPEN),
        new TrafficSpec.Diurnal("diurnal#0", 500, 0.6, 100 * S, 30 * S, 0, OPEN),
        new TrafficSpec.Periodic("periodic#0", S / 1000, S / 2000, 0, OPEN),
        new TrafficSpec.Mmpp("mmpp#0", List.of(new State(0, S), new State(1000, S)), 0, OPEN));
    var softly = new SoftAssertions();
    for (TrafficSpec spec : open) {
      ArrivalProcess process = of(spec, 9);
      long sink = drawMany(process); // warm-up, so allocations in JIT-compiled code are measured
      long before = counter.getCurrentThreadAllocatedBytes();
      sink += drawMany(process);
      long allocated = counter.getCurrentThreadAllocatedBytes() - before;
      softly.assertThat(allocated).as("bytes allocated by 200,000 arrivals of %s", spec).isLessThan(1_024);
      softly.assertThat(sink).isNotZero();
    }
    softly.assertAll();
  }

  private static long drawMany(ArrivalProcess process) {
    long sum = 0;
    for (int i = 0; i < 200_000; i++) {
      sum += process.nextArrivalNanos();
    }
    return sum;
  }
}
