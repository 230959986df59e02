package dev.lambdasim.engine;

import java.util.Arrays;

/**
 * A binary min-heap of events ordered by (time, kind, sequence), indexed so that an event can
 * be removed or moved from any position.
 *
 * <p>Hand-written rather than {@link java.util.PriorityQueue} because that class cannot remove
 * an element without a linear search, and reusable timers (keep-alive, completion) need it.
 */
final class EventQueue {

  private Event[] heap = new Event[64];
  private int size;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  Event peek() {
    return size == 0 ? null : heap[0];
  }

  void add(Event event) {
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    heap[size] = event;
    event.heapIndex = size;
    size++;
    siftUp(size - 1);
  }

  Event poll() {
    if (size == 0) {
      return null;
    }
    Event head = heap[0];
    removeAt(0);
    return head;
  }

  void remove(Event event) {
    int index = event.heapIndex;
    if (index < 0 || index >= size || heap[index] != event) {
      throw new IllegalStateException("event is not in this queue: " + event);
    }
    removeAt(index);
  }

  /** Restores the heap after {@code event}'s key changed while it was queued. */
  void update(Event event) {
    int index = event.heapIndex;
    siftUp(index);
    siftDown(event.heapIndex);
  }

  private void removeAt(int index) {
    Event removed = heap[index];
    size--;
    if (index != size) {
      Event last = heap[size];
      heap[index] = last;
      last.heapIndex = index;
      heap[size] = null;
      siftUp(index);
      siftDown(last.heapIndex);
    } else {
      heap[size] = null;
    }
    removed.heapIndex = -1;
  }

  private static boolean before(Event a, Event b) {
    return a.timeNanos < b.timeNanos || (a.timeNanos == b.timeNanos && a.order < b.order);
  }

  private void siftUp(int index) {
    Event event = heap[index];
    while (index > 0) {
      int parent = (index - 1) >>> 1;
      Event p = heap[parent];
      if (!before(event, p)) {
        break;
      }
      heap[index] = p;
      p.heapIndex = index;
      index = parent;
    }
    heap[index] = event;
    event.heapIndex = index;
  }

  private void siftDown(int index) {
    Event event = heap[index];
    int half = size >>> 1;
    while (index < half) {
      int child = 2 * index + 1;
      Event c = heap[child];
      int right = child + 1;
      if (right < size && before(heap[right], c)) {
        child = right;
        c = heap[child];
      }
      if (!before(c, event)) {
        break;
      }
      heap[index] = c;
      c.heapIndex = index;
      index = child;
    }
    heap[index] = event;
    event.heapIndex = index;
  }
}
