package dev.lambdasim.model;

import java.util.NoSuchElementException;

/**
 * A double-ended queue of records held as two primitive longs each (when it entered the queue,
 * and a tag such as a receive count or a sequence number), in growable ring arrays: a queued
 * message costs 16 bytes, not an object.
 */
final class RecordRing {

  private long[] times = new long[16];
  private long[] tags = new long[16];
  private int head;
  private int size;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  void addLast(long time, long tag) {
    grow();
    int i = (head + size) & (times.length - 1);
    times[i] = time;
    tags[i] = tag;
    size++;
  }

  void addFirst(long time, long tag) {
    grow();
    head = (head - 1) & (times.length - 1);
    times[head] = time;
    tags[head] = tag;
    size++;
  }

  /** Returns the time of the {@code i}-th record from the front. */
  long time(int i) {
    return times[index(i)];
  }

  /** Returns the tag of the {@code i}-th record from the front. */
  long tag(int i) {
    return tags[index(i)];
  }

  /** Removes the first {@code count} records. */
  void removeFirst(int count) {
    if (count > size) {
      throw new NoSuchElementException(count + " records asked, " + size + " held");
    }
    head = (head + count) & (times.length - 1);
    size -= count;
  }

  private int index(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException(i + " of " + size);
    }
    return (head + i) & (times.length - 1);
  }

  private void grow() {
    if (size < times.length) {
      return;
    }
    long[] t = new long[times.length * 2];
    long[] g = new long[times.length * 2];
    for (int i = 0; i < size; i++) {
      int j = (head + i) & (times.length - 1);
      t[i] = times[j];
      g[i] = tags[j];
    }
    times = t;
    tags = g;
    head = 0;
  }
}
