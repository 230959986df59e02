package dev.lambdasim.scenario;

/** How a function is invoked. Only {@code sync} is simulated so far. */
public enum InvocationType {
  SYNC("sync"),
  ASYNC("async"),
  SQS("sqs"),
  STREAM("stream");

  private final String label;

  InvocationType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
