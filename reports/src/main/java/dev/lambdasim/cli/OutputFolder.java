package dev.lambdasim.cli;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A folder written under a temporary sibling name ({@code .<name>.partial}) and renamed into
 * place when complete, so an interrupted command never leaves a folder that looks whole.
 */
final class OutputFolder {
  private final Path target;
  private final Path partial;

  private OutputFolder(Path target, Path partial) {
    this.target = target;
    this.partial = partial;
  }

  /** Starts a fresh partial folder next to {@code target}. */
  static OutputFolder begin(Path target) throws IOException {
    Path parent = target.toAbsolutePath().normalize().getParent();
    Files.createDirectories(parent);
    Path partial = parent.resolve("." + target.getFileName() + ".partial");
    deleteRecursively(partial);
    Files.createDirectories(partial);
    return new OutputFolder(target, partial);
  }

  Path partial() {
    return partial;
  }

  /** Replaces {@code target} with the finished partial folder. */
  void publish() throws IOException {
    deleteRecursively(target);
    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    Files.walkFileTree(path, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        if (exc != null) {
          throw exc;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
