package dev.lambdasim.workload.trace;

import dev.lambdasim.workload.TraceArrivals;

import dev.lambdasim.spec.TraceFormat;

import dev.lambdasim.spec.TraceOptions;

import dev.lambdasim.random.Xoshiro256StarStar;
import dev.lambdasim.workload.ArrivalProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Helpers shared by the trace tests: write tiny files and drain a trace as a run would. */
final class Traces {

  static final long MS = 1_000_000L;
  static final long S = 1_000_000_000L;
  static final long MIN = 60 * S;

  private Traces() {}

  static Path write(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  static Path gzip(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  /** Returns the options of {@code format} in {@code file}, named by its file name in messages. */
  static TraceOptions options(TraceFormat format, Path file) {
    return TraceOptions.defaults(format, file).withShownFile(file.getFileName().toString());
  }

  static TraceArrivals arrivals(TraceOptions options) {
    return new TraceArrivals(options, new Xoshiro256StarStar(42), 0, false, 0, Long.MAX_VALUE);
  }

  /** One replayed arrival: its instant and the handler time the trace gave it. */
  record Arrival(long nanos, long durationNanos) {}

  /** Returns every arrival up to the end. */
  static List<Arrival> drain(ArrivalProcess process) {
    List<Arrival> out = new ArrayList<>();
    for (long t = process.nextArrivalNanos(); t != ArrivalProcess.END; t = process.nextArrivalNanos()) {
      out.add(new Arrival(t, process.durationNanos()));
    }
    process.close();
    return out;
  }

  static long[] instants(ArrivalProcess process) {
    return drain(process).stream().mapToLong(Arrival::nanos).toArray();
  }

  /** Returns an azure-2019 header and rows {owner, app, func, minute:count...}. */
  static String azure2019(String... rows) {
    StringBuilder sb = new StringBuilder("HashOwner,HashApp,HashFunction,Trigger");
    for (int m = 1; m <= 1440; m++) {
      sb.append(',').append(m);
    }
    sb.append('\n');
    for (String row : rows) {
      String[] parts = row.split(" ");
      long[] counts = new long[1440];
      for (int i = 3; i < parts.length; i++) {
        String[] mc = parts[i].split(":");
        counts[Integer.parseInt(mc[0]) - 1] = Long.parseLong(mc[1]);
      }
      sb.append(parts[0]).append(',').append(parts[1]).append(',').append(parts[2]).append(",http");
      for (long c : counts) {
        sb.append(',').append(c);
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
