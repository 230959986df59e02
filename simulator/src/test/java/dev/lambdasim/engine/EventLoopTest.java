package dev.lambdasim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The event loop handles events in the total order (time, kind, sequence), and only forward. */
final class EventLoopTest {

  /** Records the order in which events fire. */
  private static final class Probe extends Event {
    final List<Probe> log;
    final String name;
    long firedAt = -1;

    Probe(EventKind kind, String name, List<Probe> log) {
      super(kind);
      this.name = name;
      this.log = log;
    }

    @Override
    protected void fire() {
      log.add(this);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  @Test
  void kindOrderAtTheSameInstantIsPinned() {
    assertThat(EventKind.values()).containsExactly(EventKind.PERIOD_END, EventKind.CONTROL,
        EventKind.COMPLETION, EventKind.INIT_DONE, EventKind.EXPIRY, EventKind.ARRIVAL,
        EventKind.ASYNC_ATTEMPT, EventKind.ESM_POLL);
  }

  @Test
  void sameInstantEventsFireByKindThenSchedulingOrder() {
    EventLoop loop = new EventLoop();
    List<Probe> log = new ArrayList<>();
    Probe arrival1 = new Probe(EventKind.ARRIVAL, "arrival1", log);
    Probe expiry = new Probe(EventKind.EXPIRY, "expiry", log);
    Probe arrival2 = new Probe(EventKind.ARRIVAL, "arrival2", log);
    Probe completion = new Probe(EventKind.COMPLETION, "completion", log);
    Probe period = new Probe(EventKind.PERIOD_END, "period", log);
    for (Probe p : List.of(arrival1, expiry, arrival2, completion, period)) {
      loop.schedule(p, 100);
    }
    loop.runUntil(101);

    assertThat(log).containsExactly(period, completion, expiry, arrival1, arrival2);
  }

  @Test
  void eventsAtTheEndAreLeftForLater() {
    EventLoop loop = new EventLoop();
    List<Probe> log = new ArrayList<>();
    Probe atEnd = new Probe(EventKind.ARRIVAL, "atEnd", log);
    loop.schedule(atEnd, 50);
    loop.runUntil(50);

    assertThat(log).isEmpty();
    assertThat(loop.nowNanos()).isEqualTo(50);
    assertThat(atEnd.isScheduled()).isTrue();
  }

  @Test
  void schedulingInThePastIsRejected() {
    EventLoop loop = new EventLoop();
    loop.runUntil(1_000);
    Probe late = new Probe(EventKind.ARRIVAL, "late", new ArrayList<>());

    assertThatThrownBy(() -> loop.schedule(late, 999))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before the current time 1000 ns");
  }

  @Test
  void negativeDelayIsRejected() {
    EventLoop loop = new EventLoop();
    Probe probe = new Probe(EventKind.ARRIVAL, "probe", new ArrayList<>());

    assertThatThrownBy(() -> loop.scheduleAfter(probe, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative delay");
  }

  @Test
  void schedulingTwiceIsRejected() {
    EventLoop loop = new EventLoop();
    Probe probe = new Probe(EventKind.ARRIVAL, "probe", new ArrayList<>());
    loop.schedule(probe, 10);

    assertThatThrownBy(() -> loop.schedule(probe, 20))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already scheduled");
  }

  @Test
  void cancelledEventsDoNotFireAndRescheduledOnesMove() {
    EventLoop loop = new EventLoop();
    List<Probe> log = new ArrayList<>();
    Probe a = new Probe(EventKind.EXPIRY, "a", log);
    Probe b = new Probe(EventKind.EXPIRY, "b", log);
    Probe c = new Probe(EventKind.EXPIRY, "c", log);
    loop.schedule(a, 10);
    loop.schedule(b, 20);
    loop.schedule(c, 30);
    loop.cancel(b);
    loop.reschedule(c, 5);
    loop.runUntil(100);

    assertThat(log).containsExactly(c, a);
    assertThat(b.isScheduled()).isFalse();
  }

  /** The heaps against a reference sort: 20,000 random schedules, cancels and moves. */
  @Test
  void randomOperationsFireInSortedOrder() {
    EventLoop loop = new EventLoop();
    List<Probe> log = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(7);
    List<Probe> live = new ArrayList<>();
    EventKind[] kinds = EventKind.values();
    for (int i = 0; i < 20_000; i++) {
      Probe p = new Probe(kinds[random.nextInt(kinds.length)], "e" + i, log);
      loop.schedule(p, random.nextLong(1_000));
      live.add(p);
      if (random.nextInt(10) == 0) {
        Probe victim = live.remove(random.nextInt(live.size()));
        loop.cancel(victim);
      }
      if (random.nextInt(10) == 0) {
        Probe moved = live.get(random.nextInt(live.size()));
        loop.reschedule(moved, random.nextLong(1_000));
      }
    }
    loop.runUntil(1_000);

    assertThat(log).hasSize(live.size());
    List<Probe> expected = new ArrayList<>(live);
    expected.sort(Comparator.comparingLong((Probe p) -> p.timeNanos())
        .thenComparingInt(p -> p.kind().ordinal()));
    for (int i = 1; i < log.size(); i++) {
      Probe previous = log.get(i - 1);
      Probe current = log.get(i);
      assertThat(previous.timeNanos() < current.timeNanos()
          || (previous.timeNanos() == current.timeNanos()
              && previous.kind().ordinal() <= current.kind().ordinal()))
          .as("%s at %d before %s at %d", previous, previous.timeNanos(), current,
              current.timeNanos())
          .isTrue();
    }
    assertThat(log).containsExactlyInAnyOrderElementsOf(expected);
  }
}
