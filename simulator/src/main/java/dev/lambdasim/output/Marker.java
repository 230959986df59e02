package dev.lambdasim.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The {@link ResultFolder#MARKER} file, which tells lambdasim's folders from everything else: a
 * folder is deleted recursively only when it carries one.
 */
final class Marker {

  private Marker() {}

  /** Writes the marker into {@code folder}: one line, version and kind. */
  static void write(Path folder, ResultFolder.Kind kind) throws IOException {
    Files.writeString(folder.resolve(ResultFolder.MARKER),
        "lambdasim " + Version.current() + " " + kind.label() + "\n", StandardCharsets.UTF_8);
  }

  /** Returns whether {@code folder} is a folder (not a link) carrying the marker. */
  static boolean isCarriedBy(Path folder) throws IOException {
    Path marker = folder.resolve(ResultFolder.MARKER);
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

  /** Returns whether {@code path} is a folder (not a link) with nothing in it. */
  static boolean isEmptyFolder(Path path) throws IOException {
    if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
      return !entries.iterator().hasNext();
    }
  }

  /**
   * Deletes a folder lambdasim wrote: recursively if it carries the marker (the marker last, so
   * a folder half deleted is still known as ours), or if empty; anything else is left alone.
   */
  static void deleteFolder(Path folder) throws IOException {
    if (!isCarriedBy(folder)) {
      if (isEmptyFolder(folder)) {
        Files.deleteIfExists(folder);
      }
      return;
    }
    Path marker = folder.resolve(ResultFolder.MARKER);
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
}
