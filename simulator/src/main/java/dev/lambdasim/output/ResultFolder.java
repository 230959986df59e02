package dev.lambdasim.output;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * A result folder (a run's {@code DIR/<name>/} or a comparison's {@code DIR/}) written under a
 * partial name of its own and published whole. It touches only what lambdasim wrote: every
 * result folder carries a {@link #MARKER} file, an existing target is replaced only when it
 * carries one (or is an empty folder), and folders are deleted recursively only when they carry
 * one.
 *
 * <p>Each folder is written in {@code .<name>.<pid>-<n>.partial} next to its target, created
 * anew, so concurrent runs never share one. Publishing holds a lock on {@link #LOCK} in the
 * target's parent: the old folder is renamed aside, the new one renamed in, then the old one
 * deleted, so the target is always exactly one run's complete output, and when two runs publish
 * the same target the later one wins. SIGINT and SIGTERM remove the unpublished folders of the
 * {@link ResultFolders} a folder began in; a run after a SIGKILL removes those whose process is
 * gone.
 */
public final class ResultFolder {

  /** The file that marks a folder as lambdasim's: one line, version and kind. */
  public static final String MARKER = ".lambdasim-result";
  /** The lock file publishers of one parent folder take turns on. */
  public static final String LOCK = ".lambdasim.lock";

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

  private final ResultFolders owner;
  private final Path target;
  private final Path parent;
  private final Path partial;

  private ResultFolder(ResultFolders owner, Path target, Path parent, Path partial) {
    this.owner = owner;
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
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Marker.isEmptyFolder(target)
        && !Marker.isCarriedBy(target)) {
      throw new NotAResultException(target);
    }
  }

  /**
   * Checks {@code target}, removes stale partial folders next to it and creates a partial folder
   * of {@code owner}'s, marked as {@code kind}.
   */
  public static ResultFolder begin(ResultFolders owner, Path target, Kind kind)
      throws IOException {
    checkReplaceable(target);
    Path parent = target.toAbsolutePath().normalize().getParent();
    if (parent == null) {
      throw new NotAResultException(target);
    }
    Files.createDirectories(parent);
    OwnedNames.removeStale(parent);
    ResultFolder folder = new ResultFolder(owner, target, parent, createPartial(owner, target,
        parent));
    try {
      Marker.write(folder.partial, kind);
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
    Path old = owner.beforeStopping("lambdasim is stopping; " + target + " not published", () -> {
      // Inside a partial folder of the same owner (a comparison's runs), which no other
      // publisher can reach, no lock is needed.
      try (ParentLock locked = owner.isInsideAnother(parent, partial) ? null
          : ParentLock.take(parent)) {
        Path aside = moveAside();
        try {
          Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          if (aside != null) {
            try {
              Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE); // put the old one back
            } catch (IOException back) {
              e.addSuppressed(back);
            }
          }
          throw e;
        }
        owner.remove(partial);
        return aside;
      } catch (IOException | RuntimeException e) {
        discard(e);
        throw e;
      }
    });
    // Outside the lock: a large old folder should not hold up the next publisher.
    if (old != null) {
      try {
        Marker.deleteFolder(old);
        owner.remove(old);
      } catch (IOException e) {
        // Published all the same; the leftover goes with the next run here after this process.
      }
    }
  }

  /** Deletes the partial folder (a run that failed publishes nothing). */
  public void discard() throws IOException {
    Marker.deleteFolder(partial);
    owner.remove(partial);
  }

  /** Deletes the partial folder after {@code failure}, to which a failure to delete is added. */
  public void discard(Throwable failure) {
    try {
      discard();
    } catch (IOException suppressed) {
      failure.addSuppressed(suppressed);
    }
  }

  /** Creates the next partial folder of {@code owner}'s that no one in this process has yet. */
  private static Path createPartial(ResultFolders owner, Path target, Path parent)
      throws IOException {
    while (true) {
      Path partial = parent.resolve(OwnedNames.partial(target, owner.nextNumber()));
      owner.add(partial); // before it exists: a signal from here on removes it
      try {
        return Files.createDirectory(partial);
      } catch (FileAlreadyExistsException e) {
        // Another ResultFolders of this process (another command line) took this number.
        owner.remove(partial);
      } catch (IOException | RuntimeException e) {
        owner.remove(partial);
        throw e;
      }
    }
  }

  /** Empties the way for the partial folder; returns where an old result went, or null. */
  private Path moveAside() throws IOException {
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    if (Marker.isEmptyFolder(target)) {
      try {
        Files.delete(target);
        return null;
      } catch (DirectoryNotEmptyException e) {
        throw new NotAResultException(target); // someone wrote into it since the check
      }
    }
    if (!Marker.isCarriedBy(target)) {
      throw new NotAResultException(target);
    }
    Path aside;
    do {
      aside = parent.resolve(OwnedNames.old(target, owner.nextNumber()));
      // Another ResultFolders of this process may still be deleting an old result it set aside
      // under this number (outside the lock); names here are chosen only under the lock, so a
      // free one stays free.
    } while (Files.exists(aside, LinkOption.NOFOLLOW_LINKS));
    owner.add(aside);
    Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
    return aside;
  }
}
