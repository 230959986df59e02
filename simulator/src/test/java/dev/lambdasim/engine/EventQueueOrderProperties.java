package dev.lambdasim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The event loop fires exactly what a reference model fires, in the same order and at the same
 * times, and leaves the same events waiting. The model is a list sorted by (time, kind ordinal,
 * sequence), where every schedule and reschedule takes the next sequence number: events due at
 * the same time and of the same kind fire first in, first out. The firing order is compared
 * element by element, never sorted first.
 *
 * <p>Each try is a random list of 8-200 operations (lengths spread evenly, so that the queue of
 * one kind grows several levels deep): schedule a new event of a random kind (half of them
 * arrivals) 0-2 ns from now, so that ties are common; cancel a scheduled event; reschedule any
 * event (a scheduled one moves to the back of its new tie, a cancelled or fired one is scheduled
 * again); schedule a cancelled event again; run the loop 0-3 ns forward. A quarter of the new
 * events schedule a follow-up of a random kind 0-1 ns after they fire, as model events do, which
 * must fire in the same run when it is due before the run's end. Coverage checks make sure that
 * most tries fire ties, fire cancelled events that were scheduled again, and hold at least seven
 * events of one kind at once.
 *
 * <p>The example pins the hand-computed case of a cancelled event scheduled again: it fires once,
 * behind the events that were scheduled at its time while it was cancelled.
 */
final class EventQueueOrderProperties {

  /** One step of a try. */
  sealed interface Op permits Add, Cancel, Reschedule, Revive, Run {}

  /** Schedules a new event at now + {@code offset}; it may schedule a follow-up when it fires. */
  record Add(EventKind kind, int offset, Optional<FollowUp> followUp) implements Op {}

  /** Cancels the {@code pick}-th scheduled event (modulo their number), if any. */
  record Cancel(int pick) implements Op {}

  /** Reschedules the {@code pick}-th event of all so far to now + {@code offset}. */
  record Reschedule(int pick, int offset) implements Op {}

  /** Schedules the {@code pick}-th cancelled event again, with schedule, at now + offset. */
  record Revive(int pick, int offset) implements Op {}

  /** Runs the loop until now + {@code delta}; events due before then fire. */
  record Run(int delta) implements Op {}

  /** What an event schedules, {@code delay} ns after it fires, each time it fires. */
  record FollowUp(EventKind kind, int delay) {}

  @Property
  void firesExactlyInTheModelsOrder(@ForAll("operations") List<Op> operations) {
    Harness harness = new Harness();
    for (Op op : operations) {
      harness.apply(op);
    }
    harness.apply(new Run(1_000));

    Statistics.label("cancelled, scheduled again, fired").collect(harness.revivedAndFired > 0);
    Statistics.label("cancelled, scheduled again, fired")
        .coverage(c -> c.check(true).percentage(p -> p >= 60));
    Statistics.label("same (time, kind) fired in a row").collect(harness.tiesFired > 0);
    Statistics.label("same (time, kind) fired in a row")
        .coverage(c -> c.check(true).percentage(p -> p >= 75));
    // In a 4-ary heap only slots 5 and beyond have a parent other than the head; refilling such
    // a slot with the last event is what can sift an event up past an equal time. That takes at
    // least seven events in one kind's heap.
    Statistics.label("7 or more of one kind waiting").collect(harness.deepestQueue >= 7);
    Statistics.label("7 or more of one kind waiting")
        .coverage(c -> c.check(true).percentage(p -> p >= 75));
  }

  @Example
  void cancelledEventScheduledAgainFiresOnceBehindItsNewTie() {
    Harness harness = new Harness();
    EventLoop loop = harness.loop;
    Probe a = new Probe(EventKind.EXPIRY, "a", harness, Optional.empty());
    Probe b = new Probe(EventKind.EXPIRY, "b", harness, Optional.empty());
    Probe c = new Probe(EventKind.EXPIRY, "c", harness, Optional.empty());
    loop.schedule(a, 10);
    loop.schedule(b, 10);
    loop.cancel(a);
    loop.schedule(c, 10);
    loop.reschedule(a, 10);
    loop.runUntil(100);

    assertThat(harness.fired).containsExactly("b@10", "c@10", "a@10");
  }

  @Provide
  Arbitrary<List<Op>> operations() {
    // Half the events are arrivals, so that several share a time and a kind in most tries.
    Arbitrary<EventKind> kinds = Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(EventKind.ARRIVAL)),
        Tuple.of(1, Arbitraries.of(EventKind.class)));
    Arbitrary<Integer> offsets = Arbitraries.integers().between(0, 2);
    Arbitrary<Integer> picks = Arbitraries.integers().between(0, 1_000);
    Arbitrary<Optional<FollowUp>> followUps = Combinators
        .combine(kinds, Arbitraries.integers().between(0, 1)).as(FollowUp::new).optional(0.25);
    Arbitrary<Op> add = Combinators.combine(kinds, offsets, followUps).as(Add::new);
    Arbitrary<Op> cancel = picks.map(Cancel::new);
    Arbitrary<Op> reschedule = Combinators.combine(picks, offsets).as(Reschedule::new);
    Arbitrary<Op> revive = Combinators.combine(picks, offsets).as(Revive::new);
    Arbitrary<Op> run = Arbitraries.integers().between(0, 3).map(Run::new);
    Arbitrary<Op> op = Arbitraries.frequencyOf(Tuple.of(6, add), Tuple.of(2, cancel),
        Tuple.of(2, reschedule), Tuple.of(2, revive), Tuple.of(1, run));
    return op.list().ofMinSize(8).ofMaxSize(200)
        .withSizeDistribution(RandomDistribution.uniform());
  }

  /** An event that logs "name@time" when it fires and schedules its follow-up, if it has one. */
  private static final class Probe extends Event {
    final String name;
    final Harness harness;
    final Optional<FollowUp> followUp;
    int children;

    Probe(EventKind kind, String name, Harness harness, Optional<FollowUp> followUp) {
      super(kind);
      this.name = name;
      this.harness = harness;
      this.followUp = followUp;
    }

    @Override
    protected void fire() {
      EventLoop loop = harness.loop;
      harness.fired.add(name + "@" + loop.nowNanos());
      followUp.ifPresent(f -> {
        Probe child = new Probe(f.kind(), name + ">" + children++, harness, Optional.empty());
        harness.register(child);
        loop.scheduleAfter(child, f.delay());
      });
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** A waiting event of the reference model. */
  private record Entry(String name, long time, EventKind kind, long sequence) {}

  private static final Comparator<Entry> MODEL_ORDER = Comparator.comparingLong(Entry::time)
      .thenComparingInt(e -> e.kind().ordinal())
      .thenComparingLong(Entry::sequence);

  /** The loop under test and the reference model, driven by the same operations. */
  private static final class Harness {
    final EventLoop loop = new EventLoop();
    /** What the loop fired, as "name@time". */
    final List<String> fired = new ArrayList<>();
    /** The loop's events so far, in the order they were made, and by name. */
    final List<Probe> all = new ArrayList<>();
    final Map<String, Probe> byName = new HashMap<>();

    /** The model's waiting events, kept sorted by (time, kind ordinal, sequence). */
    final List<Entry> model = new ArrayList<>();
    final Map<String, FollowUp> modelFollowUps = new HashMap<>();
    final Map<String, Integer> modelChildren = new HashMap<>();
    final int[] modelWaitingPerKind = new int[EventKind.values().length];
    long modelNow;
    long modelSequence;

    /** Cancelled and not scheduled since; then scheduled again and not fired since. */
    final List<String> cancelled = new ArrayList<>();
    final Set<String> revived = new HashSet<>();
    int revivedAndFired;
    int tiesFired;
    /** The most events of one kind waiting at once. */
    int deepestQueue;

    void register(Probe probe) {
      all.add(probe);
      byName.put(probe.name, probe);
    }

    void apply(Op op) {
      if (op instanceof Add add) {
        Probe probe = new Probe(add.kind(), "e" + all.size(), this, add.followUp());
        register(probe);
        loop.schedule(probe, loop.nowNanos() + add.offset());
        add.followUp().ifPresent(f -> modelFollowUps.put(probe.name, f));
        modelSchedule(probe.name, add.kind(), modelNow + add.offset());
      } else if (op instanceof Cancel cancel) {
        if (!model.isEmpty()) {
          // Picked in the model's order, which is the expected order of firing.
          String name = model.get(cancel.pick() % model.size()).name();
          loop.cancel(byName.get(name));
          modelCancel(name);
          cancelled.add(name);
        }
      } else if (op instanceof Reschedule reschedule) {
        if (!all.isEmpty()) {
          Probe probe = all.get(reschedule.pick() % all.size());
          loop.reschedule(probe, loop.nowNanos() + reschedule.offset());
          modelCancel(probe.name);
          modelSchedule(probe.name, probe.kind(), modelNow + reschedule.offset());
          noteScheduledAgain(probe.name);
        }
      } else if (op instanceof Revive revive) {
        if (!cancelled.isEmpty()) {
          Probe probe = byName.get(cancelled.get(revive.pick() % cancelled.size()));
          loop.schedule(probe, loop.nowNanos() + revive.offset());
          modelSchedule(probe.name, probe.kind(), modelNow + revive.offset());
          noteScheduledAgain(probe.name);
        }
      } else if (op instanceof Run run) {
        long end = loop.nowNanos() + run.delta();
        int before = fired.size();
        loop.runUntil(end);
        List<String> expected = modelRunUntil(end);
        assertThat(fired.subList(before, fired.size())).as("fired until %d ns", end)
            .containsExactlyElementsOf(expected);
        assertThat(loop.nowNanos()).isEqualTo(end);
        checkWaiting();
      }
    }

    private void modelSchedule(String name, EventKind kind, long time) {
      Entry entry = new Entry(name, time, kind, modelSequence++);
      int at = Collections.binarySearch(model, entry, MODEL_ORDER);
      model.add(-at - 1, entry);
      deepestQueue = Math.max(deepestQueue, ++modelWaitingPerKind[kind.ordinal()]);
    }

    private void modelCancel(String name) {
      for (int i = 0; i < model.size(); i++) {
        if (model.get(i).name().equals(name)) {
          modelWaitingPerKind[model.remove(i).kind().ordinal()]--;
          return;
        }
      }
    }

    private void noteScheduledAgain(String name) {
      if (cancelled.remove(name)) {
        revived.add(name);
      }
    }

    /** Returns what the model fires before {@code end}, "name@time", follow-ups included. */
    private List<String> modelRunUntil(long end) {
      List<String> expected = new ArrayList<>();
      Entry previous = null;
      while (!model.isEmpty() && model.get(0).time() < end) {
        Entry next = model.remove(0);
        modelWaitingPerKind[next.kind().ordinal()]--;
        modelNow = next.time();
        expected.add(next.name() + "@" + next.time());
        if (previous != null && previous.time() == next.time() && previous.kind() == next.kind()) {
          tiesFired++;
        }
        previous = next;
        if (revived.remove(next.name())) {
          revivedAndFired++;
        }
        FollowUp f = modelFollowUps.get(next.name());
        if (f != null) {
          int n = modelChildren.merge(next.name(), 1, Integer::sum) - 1;
          modelSchedule(next.name() + ">" + n, f.kind(), modelNow + f.delay());
        }
      }
      modelNow = end;
      return expected;
    }

    /** The loop holds the model's waiting events, at the model's times, and no others. */
    private void checkWaiting() {
      List<String> expected = new ArrayList<>();
      List<String> actual = new ArrayList<>();
      for (Entry e : model) {
        expected.add(e.name() + "@" + e.time());
        Probe probe = byName.get(e.name());
        actual.add(probe == null ? e.name() + " never made"
            : probe.isScheduled() ? e.name() + "@" + probe.timeNanos()
            : e.name() + " not scheduled");
      }
      assertThat(actual).as("waiting events").isEqualTo(expected);
      assertThat(loop.pending()).as("number of waiting events").isEqualTo(model.size());
    }
  }
}
