package dev.lambdasim.scenario;

/**
 * The documented maxima of a scenario's text, checked while it is read so that an oversized or
 * hostile file is refused at once, with a located message, instead of exhausting memory or time.
 * Each is far above anything a scenario needs (the shipped ones are a few KiB).
 */
final class InputLimits {

  /** The largest scenario file read: 4 MiB. */
  static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

  /** The longest string (a value or a key): 64 KiB of characters. */
  static final int MAX_STRING_CHARS = 64 * 1024;

  /** The deepest nesting of mappings and lists. */
  static final int MAX_NESTING = 1_000;

  /**
   * The most values that aliases ({@code *name}) may produce in one file, counted over every
   * alias; bounds "billion laughs" documents, whose few lines expand to billions of values.
   */
  static final int MAX_ALIAS_VALUES = 10_000;

  private InputLimits() {}

  /** Returns {@code n} with thousands separators, as the messages write counts: 20,000,000. */
  static String grouped(long n) {
    return String.format(java.util.Locale.ROOT, "%,d", n);
  }
}
