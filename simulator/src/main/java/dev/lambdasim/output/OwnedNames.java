package dev.lambdasim.output;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the folders a process writes beside a target, {@code .<name>.<pid>-<n>.partial}
 * and {@code .<name>.<pid>-<n>.old} (an old result set aside), which say whose they are, so that
 * those of a process that is gone (SIGKILL, power loss) can be removed by the next run.
 */
final class OwnedNames {

  private static final Pattern OWNED = Pattern.compile("\\..+\\.(\\d{1,19})-\\d+\\.(partial|old)");
  private static final long PID = ProcessHandle.current().pid();

  private OwnedNames() {}

  /** Returns the name of this process's partial folder number {@code n} for {@code target}. */
  static String partial(Path target, long n) {
    return owned(target, n, "partial");
  }

  /** Returns the name of this process's set-aside folder number {@code n} for {@code target}. */
  static String old(Path target, long n) {
    return owned(target, n, "old");
  }

  private static String owned(Path target, long n, String suffix) {
    return "." + target.toAbsolutePath().normalize().getFileName() + "." + PID + "-" + n + "."
        + suffix;
  }

  /** Removes partial and set-aside folders in {@code parent} whose process is gone. */
  static void removeStale(Path parent) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, ".*.{partial,old}")) {
      for (Path entry : entries) {
        Matcher matcher = OWNED.matcher(entry.getFileName().toString());
        if (matcher.matches() && !alive(matcher.group(1))) {
          try {
            Marker.deleteFolder(entry);
          } catch (IOException e) {
            // Best effort: a leftover that cannot be removed must not stop a new run.
          }
        }
      }
    }
  }

  private static boolean alive(String pid) {
    try {
      return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return true; // not a pid of ours: leave it
    }
  }
}
