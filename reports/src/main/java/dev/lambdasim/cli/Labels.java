package dev.lambdasim.cli;

import java.nio.file.Path;

/** Names a compared input after its file or folder, in characters safe in a folder name. */
final class Labels {
  private static final int MAX_CHARS = 40;

  private Labels() {}

  /** Returns the file name without its extension, or the folder's name, cleaned. */
  static String of(Path input) {
    Path name = input.toAbsolutePath().normalize().getFileName();
    String text = name == null ? "run" : name.toString();
    int dot = text.lastIndexOf('.');
    if (dot > 0) {
      text = text.substring(0, dot);
    }
    StringBuilder clean = new StringBuilder();
    for (int i = 0; i < text.length() && clean.length() < MAX_CHARS; i++) {
      char c = text.charAt(i);
      boolean safe = c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.');
      clean.append(safe ? c : '_');
    }
    return clean.length() == 0 ? "run" : clean.toString();
  }
}
