package dev.lambdasim.spec;

/** How a function's own traffic invokes it. */
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
