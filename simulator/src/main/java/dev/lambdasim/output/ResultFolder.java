package dev.lambdasim.output;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A result folder (a run's {@code DIR/<name>/} or a comparison's {@code DIR/}) written under a
 * partial name of its own and published whole. It touches only what lambdasim wrote: every
 * result folder carries a {@link #MARKER} file, an existing target is replaced only when it
 * carries one (or is an empty folder), and folders are deleted recursively only when they carry
 * one.
 *
 * <p>Each folder is written in {@code .<name>.<pid>-<n>.partial} next to its target, so
 * concurrent runs never share one. Publishing holds a lock on {@link #LOCK} in the target's
 * parent: the old folder is renamed aside, the new one renamed in, then the old one deleted, so
 * the target is always exactly one run's complete output, and when two runs publish the same
 * target the later one wins. SIGINT and SIGTERM remove the partial folders of this process; a
 * run after a SIGKILL removes those whose process is gone.
 */
public final class ResultFolder {

  /** The file that marks a folder as lambdasim's: one line, version and kind. */
  public static final String MARKER = ".lambdasim-result";
  /** The lock file publishers of one parent folder take turns on. */
  public static final String LOCK = ".lambdasim.lock";

  private static final Pattern OWNED = Pattern.compile("\\..+\\.(\\d{1,19})-\\d+\\.(partial|old)");
  private static final long PID = ProcessHandle.current().pid();
  // Process-wide like the pid: partial names must be unique across every run in this JVM.
  private static final AtomicLong COUNTER = new AtomicLong();
  // FileChannel locks are held per process, so threads of this JVM also take turns here.
  private static final Object PUBLISHING = new Object();
  private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
  private static boolean shuttingDown;
  private static boolean hookAdded;

  /** What a result folder holds, as written in its marker. */
  public enum Kind {
    RUN, COMPARISON;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A target that exists and is not a lambdasim result, which nothing may replace. */
  public static final class NotAResultException extends IOException {
    private static final long serialVersionUID = 1L;

    NotAResultException(Path target) {
      super(target + " exists and is not a lambdasim result; choose another --out");
    }
  }

  private final Path target;
  private final Path parent;
  private final Path partial;

  private ResultFolder(Path target, Path parent, Path partial) {
    this.target = target;
    this.parent = parent;
    this.partial = partial;
  }

  /**
   * Checks that {@code target} may be replaced: it is absent, an empty folder or a folder
   * carrying the marker.
   *
   * @throws NotAResultException naming {@code target} as given, otherwise
   */
  public static void checkReplaceable(Path target) throws IOException {
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !isEmptyFolder(target)
        && !hasMarker(target)) {
      throw new NotAResultException(target);
    }
  }

  /**
   * Checks {@code target}, removes stale partial folders next to it and creates this run's own
   * partial folder, marked as {@code kind}.
   */
  public static ResultFolder begin(Path target, Kind kind) throws IOException {
    checkReplaceable(target);
    Path parent = target.toAbsolutePath().normalize().getParent();
    if (parent == null) {
      throw new NotAResultException(target);
    }
    Files.createDirectories(parent);
    removeStale(parent);
    Path partial = parent.resolve(ownedName(target, "partial"));
    ResultFolder folder = new ResultFolder(target, parent, partial);
    try {
      live(partial);
      Files.createDirectory(partial);
      Files.writeString(partial.resolve(MARKER),
          "lambdasim " + Version.current() + " " + kind.label() + "\n", StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      folder.discard(e);
      throw e;
    }
    return folder;
  }

  /** Returns the folder to write into. */
  public Path partial() {
    return partial;
  }

  /**
   * Replaces the target with the finished partial folder, checking the target again first.
   *
   * @throws NotAResultException if the target became something else meanwhile; the partial
   *     folder is removed and the target left as it is
   */
  public void publish() throws IOException {
    Path old;
    synchronized (PUBLISHING) {
      if (shuttingDown) {
        throw new InterruptedIOException("lambdasim is stopping; " + target + " not published");
      }
      try (FileChannel locked = lockParent()) {
        old = moveAside();
        try {
          Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          if (old != null) {
            try {
              Files.move(old, target, StandardCopyOption.ATOMIC_MOVE); // put the old one back
            } catch (IOException back) {
              e.addSuppressed(back);
            }
          }
          throw e;
        }
        LIVE.remove(partial);
      } catch (IOException | RuntimeException e) {
        discard(e);
        throw e;
      }
    }
    // Outside the lock: a large old folder should not hold up the next publisher.
    if (old != null) {
      try {
        deleteResult(old);
        LIVE.remove(old);
      } catch (IOException e) {
        // Published all the same; the leftover goes with the next run here after this process.
      }
    }
  }

  /** Deletes the partial folder (a run that failed publishes nothing). */
  public void discard() throws IOException {
    deleteResult(partial);
    LIVE.remove(partial);
  }

  /** Deletes the partial folder after {@code failure}, to which a failure to delete is added. */
  public void discard(Throwable failure) {
    try {
      discard();
    } catch (IOException suppressed) {
      failure.addSuppressed(suppressed);
    }
  }

  /**
   * Returns the parent's lock file, locked until it is closed, or null inside a partial folder
   * of this process (a comparison's runs), which no other publisher can reach.
   */
  private FileChannel lockParent() throws IOException {
    for (Path own : LIVE) {
      if (!own.equals(partial) && parent.startsWith(own)) {
        return null;
      }
    }
    // The lock file is never deleted: deleting it would let a waiter lock a file that is no
    // longer the one at this path (and the JDK cannot tell them apart).
    FileChannel channel = FileChannel.open(parent.resolve(LOCK), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    try {
      channel.lock();
      return channel;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Empties the way for the partial folder; returns where an old result went, or null. */
  private Path moveAside() throws IOException {
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    if (isEmptyFolder(target)) {
      try {
        Files.delete(target);
        return null;
      } catch (DirectoryNotEmptyException e) {
        throw new NotAResultException(target); // someone wrote into it since the check
      }
    }
    if (!hasMarker(target)) {
      throw new NotAResultException(target);
    }
    Path aside = parent.resolve(ownedName(target, "old"));
    live(aside);
    Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
    return aside;
  }

  private static String ownedName(Path target, String suffix) {
    return "." + target.toAbsolutePath().normalize().getFileName() + "." + PID + "-"
        + COUNTER.incrementAndGet() + "." + suffix;
  }

  /** Removes partial and set-aside folders next to a target whose process is gone. */
  private static void removeStale(Path parent) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, ".*.{partial,old}")) {
      for (Path entry : entries) {
        Matcher matcher = OWNED.matcher(entry.getFileName().toString());
        if (matcher.matches() && !alive(matcher.group(1))) {
          try {
            deleteResult(entry);
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

  private static boolean isEmptyFolder(Path path) throws IOException {
    if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
      return !entries.iterator().hasNext();
    }
  }

  private static boolean hasMarker(Path folder) throws IOException {
    Path marker = folder.resolve(MARKER);
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
        || !Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try {
      return Files.readString(marker, StandardCharsets.UTF_8).startsWith("lambdasim ");
    } catch (IOException e) {
      return false; // unreadable or not text: not one of ours
    }
  }

  /**
   * Deletes a folder lambdasim wrote: recursively if it carries the marker (the marker last, so
   * a folder half deleted is still known as ours), or if empty; anything else is left alone.
   */
  private static void deleteResult(Path folder) throws IOException {
    if (!hasMarker(folder)) {
      if (isEmptyFolder(folder)) {
        Files.deleteIfExists(folder);
      }
      return;
    }
    Path marker = folder.resolve(MARKER);
    // A writer still running (this process stopping on a signal) may add files meanwhile.
    for (int attempt = 1; ; attempt++) {
      try {
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (!file.equals(marker)) {
              Files.deleteIfExists(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw e;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null && !(e instanceof NoSuchFileException)) {
              throw e;
            }
            if (dir.equals(folder)) {
              Files.deleteIfExists(marker);
            }
            Files.deleteIfExists(dir);
            return FileVisitResult.CONTINUE;
          }
        });
        return;
      } catch (DirectoryNotEmptyException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  /** Counts {@code folder} among this process's own, removed if it is stopped by a signal. */
  private static void live(Path folder) throws IOException {
    synchronized (PUBLISHING) {
      if (shuttingDown) {
        throw new InterruptedIOException("lambdasim is stopping");
      }
      if (!hookAdded) {
        Runtime.getRuntime().addShutdownHook(new Thread(ResultFolder::removeLive,
            "lambdasim-remove-partial-folders"));
        hookAdded = true;
      }
      LIVE.add(folder);
    }
  }

  /** The shutdown hook: no more publishing, and this process's partial folders go. */
  private static void removeLive() {
    synchronized (PUBLISHING) {
      shuttingDown = true;
      for (Path folder : LIVE) {
        try {
          deleteResult(folder);
        } catch (IOException | RuntimeException e) {
          // The JVM is stopping; a leftover is removed by the next run into this folder.
        }
      }
    }
  }
}
