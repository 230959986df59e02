package dev.lambdasim.model;

import dev.lambdasim.spec.ReusePolicy;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The idle environments of one function, and the policy that picks one for a request.
 * Every operation is O(1).
 */
abstract class IdlePool {

  abstract int size();

  final boolean isEmpty() {
    return size() == 0;
  }

  /** Adds an environment that just became idle. */
  abstract void add(ExecutionEnvironment environment);

  /** Removes and returns the environment the policy picks; the pool must not be empty. */
  abstract ExecutionEnvironment take();

  /** Removes a specific environment (its keep-alive ended). */
  abstract void remove(ExecutionEnvironment environment);

  static IdlePool of(ReusePolicy policy, RandomGenerator reuseStream) {
    return switch (policy) {
      case MOST_RECENT -> new OrderedIdlePool(true);
      case LEAST_RECENT -> new OrderedIdlePool(false);
      case RANDOM -> new RandomIdlePool(reuseStream);
    };
  }

  /** A doubly linked list in order of becoming idle; takes from the newest or the oldest end. */
  static final class OrderedIdlePool extends IdlePool {
    private final boolean newestFirst;
    private ExecutionEnvironment oldest;
    private ExecutionEnvironment newest;
    private int size;

    OrderedIdlePool(boolean newestFirst) {
      this.newestFirst = newestFirst;
    }

    @Override
    int size() {
      return size;
    }

    @Override
    void add(ExecutionEnvironment e) {
      e.previous = newest;
      e.next = null;
      if (newest != null) {
        newest.next = e;
      } else {
        oldest = e;
      }
      newest = e;
      size++;
    }

    @Override
    ExecutionEnvironment take() {
      ExecutionEnvironment e = newestFirst ? newest : oldest;
      remove(e);
      return e;
    }

    @Override
    void remove(ExecutionEnvironment e) {
      if (e.previous != null) {
        e.previous.next = e.next;
      } else {
        oldest = e.next;
      }
      if (e.next != null) {
        e.next.previous = e.previous;
      } else {
        newest = e.previous;
      }
      e.previous = null;
      e.next = null;
      size--;
    }
  }

  /** An array with swap-removal; picks uniformly from the function's reuse stream. */
  static final class RandomIdlePool extends IdlePool {
    private final RandomGenerator random;
    private ExecutionEnvironment[] items = new ExecutionEnvironment[16];
    private int size;

    RandomIdlePool(RandomGenerator random) {
      this.random = random;
    }

    @Override
    int size() {
      return size;
    }

    @Override
    void add(ExecutionEnvironment e) {
      if (size == items.length) {
        items = java.util.Arrays.copyOf(items, size * 2);
      }
      items[size] = e;
      e.poolIndex = size;
      size++;
    }

    @Override
    ExecutionEnvironment take() {
      ExecutionEnvironment e = items[random.nextInt(size)];
      remove(e);
      return e;
    }

    @Override
    void remove(ExecutionEnvironment e) {
      int index = e.poolIndex;
      size--;
      ExecutionEnvironment last = items[size];
      items[index] = last;
      last.poolIndex = index;
      items[size] = null;
      e.poolIndex = -1;
    }
  }
}
