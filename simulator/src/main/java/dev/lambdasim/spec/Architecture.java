package dev.lambdasim.spec;

/** Instruction set architecture of a function; decides its prices. */
public enum Architecture {
  X86_64("x86_64"),
  ARM64("arm64");

  private final String label;

  Architecture(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
