package dev.lambdasim.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The folder a scenario lives in, and the files it may read: those in its own folder tree or
 * under a directory the user allowed with {@code --allow-path}. This keeps a scenario received
 * from someone else from reading arbitrary files.
 */
final class ScenarioFolder {

  private final Path base;
  private final String displayBase;
  private final List<Path> allowed;

  /**
   * Creates a folder view. {@code displayBase} is how the user named the folder (parent of the
   * scenario file as given), so that messages name files the way the user would.
   */
  ScenarioFolder(Path base, String displayBase, List<Path> allowed) {
    this.base = canonical(base);
    this.displayBase = displayBase;
    this.allowed = allowed.stream().map(ScenarioFolder::canonical).toList();
  }

  /** Returns how to name {@code relative} in messages. */
  String display(String relative) {
    if (displayBase == null || displayBase.isEmpty() || Path.of(relative).isAbsolute()) {
      return relative;
    }
    return Path.of(displayBase).resolve(relative).normalize().toString();
  }

  /** Returns the file {@code relative} names, or null (with a problem) if it may not be read. */
  Path resolve(String relative, Node at, String path, Values values) {
    Path target;
    try {
      target = canonical(base.resolve(relative));
    } catch (java.nio.file.InvalidPathException e) {
      values.report(at, path, at.shown() + " is not a valid path: " + e.getReason());
      return null;
    }
    if (target.startsWith(base) || allowed.stream().anyMatch(target::startsWith)) {
      return target;
    }
    values.report(at, path, at.shown() + " resolves to " + target + ", outside the scenario's folder "
        + base + "; pass --allow-path " + (target.getParent() == null ? target : target.getParent())
        + " to allow reading it");
    return null;
  }

  /** Resolves symbolic links where the file exists, so that a link cannot smuggle a path out. */
  private static Path canonical(Path p) {
    Path absolute = p.toAbsolutePath().normalize();
    try {
      return Files.exists(absolute) ? absolute.toRealPath() : absolute;
    } catch (IOException e) {
      return absolute;
    }
  }
}
