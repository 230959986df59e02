package dev.lambdasim.workload.trace;

import dev.lambdasim.workload.TraceArrivals;

import dev.lambdasim.spec.TraceFormat;

import dev.lambdasim.spec.Column;

import static dev.lambdasim.workload.trace.Traces.MS;
import static dev.lambdasim.workload.trace.Traces.arrivals;
import static dev.lambdasim.workload.trace.Traces.options;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasim.workload.ArrivalProcess;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers stream: what a replay retains (array lengths and collection sizes reachable from the
 * process through our own classes) is the same after a thousand rows as after a million. The
 * JDK's reader and inflater are fixed-size buffers. No timing is asserted here; see
 * {@code lambdasim bench --trace} for speed and the 10^8-row check under -Xmx512m.
 */
final class StreamingTest {

  private static final int ROWS = 1_000_000;

  @TempDir
  Path dir;

  @Test
  void aMillionTimestampRowsReplayWithConstantRetainedState() throws IOException {
    Path file = dir.resolve("big.csv");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("ts,dur\n");
      for (int i = 0; i < ROWS; i++) {
        out.write(Integer.toString(i));
        out.write(",5\n");
      }
    }
    TraceArrivals process = arrivals(options(TraceFormat.TIMESTAMPS, file).withColumn(Column.at(0), MS)
        .withDurationColumn(Column.named("dur"), MS));
    long last = -1;
    long count = 0;
    long early = -1;
    for (long t = process.nextArrivalNanos(); t != ArrivalProcess.END; t = process.nextArrivalNanos()) {
      assertThat(t).isGreaterThanOrEqualTo(last);
      last = t;
      if (++count == 1000) {
        early = retained(process);
      }
      if (count == ROWS - 1000) {
        assertThat(retained(process)).isEqualTo(early);
      }
    }
    assertThat(count).isEqualTo(ROWS);
    assertThat(last).isEqualTo((ROWS - 1) * MS);
  }

  @Test
  void azure2019HoldsOneDayOfCountsWhateverTheFileLength() throws IOException {
    String[] rows = new String[2000];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = "o a" + i + " f 1:1";
    }
    Path small = Traces.write(dir, "small.csv", Traces.azure2019(rows[0]));
    Path large = Traces.write(dir, "large.csv", Traces.azure2019(rows));
    TraceArrivals a = arrivals(options(TraceFormat.AZURE_2019, small).withFunction("a0/f"));
    TraceArrivals b = arrivals(options(TraceFormat.AZURE_2019, large).withFunction("a0/f"));
    a.nextArrivalNanos();
    b.nextArrivalNanos();
    assertThat(retained(b)).isEqualTo(retained(a));
  }

  /**
   * Returns the summed length of every array and size of every collection reachable from
   * {@code root} through fields of {@code dev.lambdasim} classes (JDK objects, strings and enums
   * count 1: a string held is the current line).
   */
  static long retained(Object root) {
    return walk(root, new IdentityHashMap<>());
  }

  private static long walk(Object o, Map<Object, Boolean> seen) {
    if (o == null || seen.put(o, Boolean.TRUE) != null) {
      return 0;
    }
    Class<?> type = o.getClass();
    if (type.isArray()) {
      long size = Array.getLength(o);
      if (!type.getComponentType().isPrimitive()) {
        for (int i = 0; i < Array.getLength(o); i++) {
          size += walk(Array.get(o, i), seen);
        }
      }
      return size;
    }
    if (o instanceof Collection<?> c) {
      return c.size();
    }
    // A string is one line at most (the row being read), so it counts as one whatever its length.
    if (o instanceof CharSequence || o instanceof Enum<?> || !type.getName().startsWith("dev.lambdasim.")) {
      return 1;
    }
    long size = 0;
    for (Class<?> k = type; k != null && k.getName().startsWith("dev.lambdasim."); k = k.getSuperclass()) {
      for (Field f : k.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
          continue;
        }
        try {
          f.setAccessible(true);
          size += walk(f.get(o), seen);
        } catch (IllegalAccessException | RuntimeException e) {
          throw new AssertionError("cannot read " + f, e);
        }
      }
    }
    return size;
  }
}
