package dev.lambdasim.scenario;

import dev.lambdasim.workload.trace.TraceException;
import dev.lambdasim.workload.trace.TraceReaders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
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

  /** Returns the file {@code relative} names, or the mark of one that may not be read. */
  Bound<Path> resolve(String relative, Node at, String path, Values values) {
    Path target;
    try {
      target = canonical(base.resolve(relative));
    } catch (InvalidPathException e) {
      return values.reject(at, path, at.shown() + " is not a valid path: " + e.getReason());
    }
    if (target.startsWith(base) || allowed.stream().anyMatch(target::startsWith)) {
      return Bound.of(target);
    }
    return values.reject(at, path, at.shown() + " resolves to " + target + ", outside the "
        + "scenario's folder " + base + "; pass --allow-path "
        + (target.getParent() == null ? target : target.getParent()) + " to allow reading it");
  }

  /**
   * Returns the existing file that the text {@code node} names (a trace or one of its side
   * files), resolved and allowed like any file, and named as the user would name it.
   */
  Bound<NamedFile> existing(Node node, String path, Values values) {
    return values.text(node, path).then(name -> resolve(name, node, path, values).then(file -> {
      if (Files.isRegularFile(file)) {
        return Bound.of(new NamedFile(file, display(name)));
      }
      if (!Files.exists(file)) {
        return values.reject(node, path, node.shown() + " cannot be read (no such file)");
      }
      try {
        TraceReaders.requireRegularFile(file, name);
        // Became a regular file since the check above: let the reader open it.
        return Bound.of(new NamedFile(file, display(name)));
      } catch (TraceException e) {
        return values.reject(node, path, node.shown() + " " + e.problem());
      }
    }));
  }

  /** A file a scenario reads: where it is, and how messages name it. */
  record NamedFile(Path path, String shown) {}

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
