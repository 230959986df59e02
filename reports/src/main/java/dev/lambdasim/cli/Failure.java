package dev.lambdasim.cli;

import dev.lambdasim.output.ResultFolder;
import dev.lambdasim.workload.trace.TraceException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How an exception that stops a command is told: bad input found late (exit 2), the environment
 * failing — disk full, permission denied, an output path that cannot be written, out of memory
 * (exit 3, one line) — or a bug (exit 1, with the stack trace to report).
 *
 * @param exitCode   the process's exit status
 * @param line       the one line for stderr
 * @param stackTrace whether the stack trace follows the line (only for a bug)
 */
record Failure(int exitCode, String line, boolean stackTrace) {

  /** An operating system's error text, what it means in our terms, and what to do. */
  private record Reason(String text, String meaning, String hint) {}

  // The strerror texts Linux and macOS put into IOException messages.
  private static final List<Reason> REASONS = List.of(
      new Reason("No space left on device", "no space left on the device",
          "free some space or choose another --out"),
      new Reason("Disk quota exceeded", "disk quota exceeded",
          "free some space or choose another --out"),
      new Reason("Read-only file system", "the file system is read-only", "choose another --out"),
      new Reason("Permission denied", "permission denied", "choose another --out"),
      new Reason("Operation not permitted", "permission denied", "choose another --out"),
      new Reason("Not a directory", "part of this path is a file, not a folder",
          "choose another --out"),
      new Reason("File name too long", "the file name is too long for the file system",
          "choose a shorter --out or scenario name"),
      new Reason("Too many open files", "too many open files",
          "raise the limit (ulimit -n) and run again"),
      new Reason("Input/output error", "the disk or network share failed (input/output error)",
          "check the device and run again"));

  private static final int MAX_CAUSES = 10;

  /** Returns how {@code e}, which stopped a command, is reported. */
  static Failure of(Throwable e) {
    if (e instanceof ResultFolder.NotAResultException || e instanceof TraceException) {
      return new Failure(Main.BAD_INPUT, e.getMessage(), false);
    }
    if (e instanceof OutOfMemoryError oom) {
      return new Failure(Main.ENVIRONMENT, outOfMemory(oom), false);
    }
    Throwable cause = e;
    for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
      // Through UncheckedIOException and other wrappers: an I/O exception in the chain tells.
      if (cause instanceof IOException io) {
        String line = environment(io);
        if (line != null) {
          return new Failure(Main.ENVIRONMENT, "lambdasim: " + line, false);
        }
      }
    }
    return new Failure(Main.INTERNAL, "lambdasim: internal error: " + e, true);
  }

  /** Returns the line for an environment failure, or null if {@code e} looks like a bug. */
  private static String environment(IOException e) {
    String file = e instanceof FileSystemException fs
        ? (fs.getFile() != null ? fs.getFile() : fs.getOtherFile()) : null;
    String where = file == null ? "" : file + ": ";
    if (e instanceof AccessDeniedException) {
      return where + "permission denied; choose another --out";
    }
    if (e instanceof NotDirectoryException) {
      return where + "part of this path is a file, not a folder; choose another --out";
    }
    if (e instanceof NoSuchFileException) {
      // A missing file in a folder that exists is ours to have written: a bug. A missing folder
      // is the output path gone (removed while running, or on a drive unplugged).
      Path parent = file == null ? null : Path.of(file).toAbsolutePath().getParent();
      return parent != null && !Files.isDirectory(parent)
          ? where + "its folder does not exist (removed while lambdasim ran?); "
              + "choose another --out"
          : null;
    }
    String message = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
    if (message == null) {
      return null;
    }
    for (Reason reason : REASONS) {
      if (message.contains(reason.text())) {
        return where + reason.meaning() + "; " + reason.hint();
      }
    }
    return null;
  }

  private static String outOfMemory(OutOfMemoryError e) {
    long maxMib = Runtime.getRuntime().maxMemory() >> 20;
    // Twice the heap it ran out of, in whole GiB: a first step the user can try.
    long suggestGib = Math.max(1, (2 * maxMib + 1023) / 1024);
    String what = e.getMessage() == null ? "" : e.getMessage() + ", ";
    return String.format(Locale.ROOT, "lambdasim: out of memory (%sheap limit %d MiB); run with "
        + "more heap, e.g. java -Xmx%dg -jar %s ...", what, maxMib, suggestGib, jarName());
  }

  /** Returns the jar this runs from, as a path the user can type, or the jar's usual name. */
  private static String jarName() {
    try {
      Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!jar.toString().endsWith(".jar")) {
        return "lambdasim.jar";
      }
      Path cwd = Path.of("").toAbsolutePath();
      return jar.startsWith(cwd) ? cwd.relativize(jar).toString() : jar.toString();
    } catch (Exception e) {
      return "lambdasim.jar"; // no code source (a custom class loader): the usual name will do
    }
  }
}
