package dev.lambdasim.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasim.spec.ReusePolicy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.apache.commons.math3.random.AbstractRandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The idle pool under each reuse policy:
 * <ul>
 *   <li>most-recent takes the environment that became idle last;
 *   <li>least-recent takes the one that became idle first;
 *   <li>removing an environment from the middle keeps the others' order, under both;
 *   <li>random takes the slot the reuse stream draws among all idle ones, and fills the slot
 *       with the last one;
 *   <li>random removal fills the removed slot with the last one;
 *   <li>the size counts adds less takes and removals, and an environment may come back.
 * </ul>
 */
final class IdlePoolTest {

  @Test
  void mostRecentTakesTheNewestFirst() {
    IdlePool pool = IdlePool.of(ReusePolicy.MOST_RECENT, null);
    addAll(pool, 0, 1, 2);

    assertThat(takeAll(pool)).containsExactly(2L, 1L, 0L);
  }

  @Test
  void leastRecentTakesTheOldestFirst() {
    IdlePool pool = IdlePool.of(ReusePolicy.LEAST_RECENT, null);
    addAll(pool, 0, 1, 2);

    assertThat(takeAll(pool)).containsExactly(0L, 1L, 2L);
  }

  @Test
  void removalKeepsTheOrderOfTheOthers() {
    IdlePool newest = IdlePool.of(ReusePolicy.MOST_RECENT, null);
    IdlePool oldest = IdlePool.of(ReusePolicy.LEAST_RECENT, null);
    List<ExecutionEnvironment> inNewest = addAll(newest, 0, 1, 2, 3);
    List<ExecutionEnvironment> inOldest = addAll(oldest, 0, 1, 2, 3);

    newest.remove(inNewest.get(1));
    newest.remove(inNewest.get(3));
    oldest.remove(inOldest.get(0));
    oldest.remove(inOldest.get(2));

    assertThat(takeAll(newest)).containsExactly(2L, 0L);
    assertThat(takeAll(oldest)).containsExactly(1L, 3L);
  }

  @Test
  void randomTakesTheDrawnSlotAndFillsItWithTheLast() {
    ScriptedRandom random = new ScriptedRandom(1, 1, 0, 0);
    IdlePool pool = IdlePool.of(ReusePolicy.RANDOM, random);
    addAll(pool, 0, 1, 2, 3);

    // [0 1 2 3] takes slot 1 -> [0 3 2], slot 1 -> [0 2], slot 0 -> [2], slot 0.
    assertThat(takeAll(pool)).containsExactly(1L, 3L, 0L, 2L);
    assertThat(random.bounds).containsExactly(4, 3, 2, 1);
  }

  @Test
  void randomRemovalFillsTheSlotWithTheLast() {
    ScriptedRandom random = new ScriptedRandom(0, 0);
    IdlePool pool = IdlePool.of(ReusePolicy.RANDOM, random);
    List<ExecutionEnvironment> idle = addAll(pool, 0, 1, 2);

    pool.remove(idle.get(0));

    // [0 1 2] less 0 -> [2 1].
    assertThat(takeAll(pool)).containsExactly(2L, 1L);
  }

  @Test
  void sizeCountsAddsLessTakesAndRemovals() {
    for (ReusePolicy policy : ReusePolicy.values()) {
      IdlePool pool = IdlePool.of(policy, new ScriptedRandom(0));
      List<ExecutionEnvironment> idle = addAll(pool, 0, 1, 2);
      pool.remove(idle.get(1));
      ExecutionEnvironment taken = pool.take();
      assertThat(pool.size()).as("%s after a removal and a take", policy).isEqualTo(1);

      pool.add(taken);
      pool.add(idle.get(1));
      assertThat(pool.size()).as("%s after both came back", policy).isEqualTo(3);
      assertThat(pool.isEmpty()).as("%s is empty", policy).isFalse();
    }
  }

  private static List<ExecutionEnvironment> addAll(IdlePool pool, long... ids) {
    List<ExecutionEnvironment> added = new ArrayList<>();
    for (long id : ids) {
      ExecutionEnvironment e = new ExecutionEnvironment(id, /* function= */ null,
          /* provisioned= */ false, /* keepAliveNanos= */ 0, Long.MAX_VALUE, /* timeline= */ null);
      pool.add(e);
      added.add(e);
    }
    return added;
  }

  /** Takes every environment in the pool's order and returns their ids. */
  private static List<Long> takeAll(IdlePool pool) {
    List<Long> ids = new ArrayList<>();
    while (!pool.isEmpty()) {
      ids.add(pool.take().id);
    }
    return ids;
  }

  /** Answers {@code nextInt(bound)} from a script, and notes each bound asked for. */
  private static final class ScriptedRandom extends AbstractRandomGenerator {
    final Queue<Integer> script = new ArrayDeque<>();
    final List<Integer> bounds = new ArrayList<>();

    ScriptedRandom(int... picks) {
      for (int pick : picks) {
        script.add(pick);
      }
    }

    @Override
    public int nextInt(int bound) {
      bounds.add(bound);
      return script.remove();
    }

    @Override
    public double nextDouble() {
      throw new UnsupportedOperationException("the pool draws only nextInt");
    }

    @Override
    public void setSeed(long seed) {
      throw new UnsupportedOperationException();
    }
  }
}
