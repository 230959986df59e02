package dev.lambdasim.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The trace formats, by the name a scenario's {@code format:} uses. */
public enum TraceFormat {
  TIMESTAMPS("timestamps"),
  AZURE_2019("azure-2019"),
  AZURE_2021("azure-2021"),
  CLOUDWATCH("cloudwatch");

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
}
