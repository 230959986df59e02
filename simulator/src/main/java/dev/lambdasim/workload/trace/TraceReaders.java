package dev.lambdasim.workload.trace;

import dev.lambdasim.spec.TraceOptions;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/** Opens and checks the reader of each trace format. */
public final class TraceReaders {

  private TraceReaders() {}

  /**
   * Opens a reader positioned before the first arrival. Throws {@link TraceException} when the
   * file cannot be read or its header lacks a column the options need.
   */
  public static TraceReader open(TraceOptions options, RandomGenerator random, BadRows badRows) {
    return switch (options.format()) {
      case TIMESTAMPS -> new TimestampsReader(options, badRows);
      case AZURE_2019 -> new Azure2019Reader(options, random, badRows);
      case AZURE_2021 -> new Azure2021Reader(options, badRows);
      case CLOUDWATCH -> new CloudWatchReader(options, random, badRows);
    };
  }

  /**
   * Checks, at load time, what can be checked cheaply: that the file can be opened and its
   * header (for CSV formats) has the columns the options name; a CloudWatch export is small and
   * is read whole. Throws {@link TraceException} with the line at fault.
   */
  public static void check(TraceOptions options) {
    switch (options.format()) {
      case CLOUDWATCH -> CloudWatchReader.parse(options);
      case TIMESTAMPS, AZURE_2019, AZURE_2021 -> checkHeader(options);
    }
  }

  /**
   * Throws {@link TraceException} saying what {@code file} is when it is not a regular file (a
   * folder, a FIFO, nothing), in the words the readers use, so that a load-time check agrees.
   */
  public static void requireRegularFile(Path file, String shown) {
    LineSource.requireRegularFile(file, shown);
  }

  private static void checkHeader(TraceOptions options) {
    try (LineSource lines = LineSource.open(options.file(), options.shownFile())) {
      List<String> header = Headers.read(lines);
      switch (options.format()) {
        case TIMESTAMPS -> TimestampsReader.columns(options, header);
        case AZURE_2019 -> {
          Azure2019Reader.columns(options, header);
          if (options.durationsFile() != null) {
            try (LineSource d = LineSource.open(options.durationsFile(), options.durationsShown())) {
              DurationPercentiles.columns(options.durationsShown(), Headers.read(d));
            }
          }
        }
        case AZURE_2021 -> Azure2021Reader.columns(options, header);
        case CLOUDWATCH -> throw new IllegalStateException("read whole, not by header");
      }
    }
  }
}
