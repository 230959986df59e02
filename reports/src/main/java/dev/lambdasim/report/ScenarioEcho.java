package dev.lambdasim.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The scenario file echoed by the run, read as UTF-8 text with malformed bytes replaced. */
record ScenarioEcho(String fileName, String text) {
  private static final String[] NAMES = {"scenario.yaml", "scenario.yml", "scenario.json"};

  /** Returns the first scenario file present in {@code runDir}, or null when there is none. */
  static ScenarioEcho find(Path runDir, int maxChars) throws IOException {
    for (String name : NAMES) {
      Path file = runDir.resolve(name);
      if (Files.isRegularFile(file)) {
        return new ScenarioEcho(name, read(file, maxChars));
      }
    }
    return null;
  }

  private static String read(Path file, int maxChars) throws IOException {
    // Read a bounded prefix: a UTF-8 char is at most 4 bytes, so this is enough for maxChars.
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(maxChars * 4 + 1);
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    boolean cut = bytes.length > maxChars * 4 || text.length() > maxChars;
    if (text.length() > maxChars) {
      text = text.substring(0, maxChars);
    }
    return cut ? text + "\n… (cut at " + maxChars + " characters)" : text;
  }
}
