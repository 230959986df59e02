package dev.lambdasim.cli;

import dev.lambdasim.output.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
    RunFolder.deleteRecursively(partial);
    Files.createDirectories(partial);
    return new OutputFolder(target, partial);
  }

  Path partial() {
    return partial;
  }

  /** Replaces {@code target} with the finished partial folder. */
  void publish() throws IOException {
    RunFolder.deleteRecursively(target);
    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
  }
}
