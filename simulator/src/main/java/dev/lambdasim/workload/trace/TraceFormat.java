package dev.lambdasim.workload.trace;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.random.RandomGenerator;

/** The trace formats, by the name a scenario's {@code format:} uses, each with its reader. */
public enum TraceFormat {
  TIMESTAMPS("timestamps") {
    @Override
    public TraceReader open(TraceOptions options, RandomGenerator random, BadRows badRows) {
      return new TimestampsReader(options, badRows);
    }
  },
  AZURE_2019("azure-2019") {
    @Override
    public TraceReader open(TraceOptions options, RandomGenerator random, BadRows badRows) {
      return new Azure2019Reader(options, random, badRows);
    }
  },
  AZURE_2021("azure-2021") {
    @Override
    public TraceReader open(TraceOptions options, RandomGenerator random, BadRows badRows) {
      return new Azure2021Reader(options, badRows);
    }
  },
  CLOUDWATCH("cloudwatch") {
    @Override
    public TraceReader open(TraceOptions options, RandomGenerator random, BadRows badRows) {
      return new CloudWatchReader(options, random, badRows);
    }
  };

  private final String label;

  TraceFormat(String label) {
    this.label = label;
  }

  /** Returns the name scenarios use. */
  public String label() {
    return label;
  }

  /** Returns the format called {@code label}. */
  public static Optional<TraceFormat> named(String label) {
    return Arrays.stream(values()).filter(f -> f.label.equals(label)).findFirst();
  }

  /** Returns every format's name. */
  public static List<String> labels() {
    return Arrays.stream(values()).map(TraceFormat::label).toList();
  }

  /**
   * Opens a reader positioned before the first arrival. Throws {@link TraceException} when the
   * file cannot be read or its header lacks a column the options need.
   */
  public abstract TraceReader open(TraceOptions options, RandomGenerator random, BadRows badRows);

  /**
   * Checks, at load time, what can be checked cheaply: that the file can be opened and its
   * header (for CSV formats) has the columns the options name; a CloudWatch export is small and
   * is read whole. Throws {@link TraceException} with the line at fault.
   */
  public void check(TraceOptions options) {
    if (this == CLOUDWATCH) {
      CloudWatchReader.parse(options);
      return;
    }
    try (LineSource lines = LineSource.open(options.file(), options.shownFile())) {
      List<String> header = Headers.read(lines);
      switch (this) {
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
        default -> throw new IllegalStateException(label);
      }
    }
  }
}
