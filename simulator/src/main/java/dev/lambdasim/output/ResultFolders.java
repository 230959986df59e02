package dev.lambdasim.output;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The result folders of one command line (or of one caller's runs): it numbers their partial
 * names, knows which of its folders exist unpublished (partial ones, and old results set aside),
 * and removes those when the process is stopped by SIGINT or SIGTERM. Its one shutdown hook is
 * added with its first folder and removed by {@link #close}, so a JVM that runs many command
 * lines in turn (the tests) does not gather hooks.
 */
public final class ResultFolders implements AutoCloseable {

  /** A step of publishing, which a signal's cleanup waits for. */
  @FunctionalInterface
  interface Step<T> {
    T run() throws IOException;
  }

  private final AtomicLong counter = new AtomicLong();
  private final Set<Path> live = ConcurrentHashMap.newKeySet();
  private final Object monitor = new Object();
  // Guarded by monitor.
  private boolean stopping;
  private boolean closed;
  private Thread hook;

  /** Returns the next number for a folder's name, unique among this instance's. */
  long nextNumber() {
    return counter.incrementAndGet();
  }

  /**
   * Counts {@code folder} among the unpublished ones, removed if the process is stopped by a
   * signal.
   *
   * @throws InterruptedIOException if the process is stopping
   */
  void add(Path folder) throws InterruptedIOException {
    synchronized (monitor) {
      if (stopping) {
        throw new InterruptedIOException("lambdasim is stopping");
      }
      if (closed) {
        throw new IllegalStateException("these result folders are closed");
      }
      if (hook == null) {
        hook = new Thread(this::stop, "lambdasim-remove-partial-folders");
        Runtime.getRuntime().addShutdownHook(hook);
      }
      live.add(folder);
    }
  }

  /** No longer counts {@code folder}: it is published or deleted. */
  void remove(Path folder) {
    live.remove(folder);
  }

  /**
   * Returns whether {@code path} lies inside an unpublished folder of this instance other than
   * {@code own} (a comparison's runs, inside the comparison's partial folder).
   */
  boolean isInsideAnother(Path path, Path own) {
    for (Path folder : live) {
      if (!folder.equals(own) && path.startsWith(folder)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs {@code step} whole before a signal's cleanup may start, or refuses it once that has.
   *
   * @throws InterruptedIOException with {@code refusal} if the process is stopping
   */
  <T> T beforeStopping(String refusal, Step<T> step) throws IOException {
    synchronized (monitor) {
      if (stopping) {
        throw new InterruptedIOException(refusal);
      }
      return step.run();
    }
  }

  /** Returns the shutdown hook, or null before the first folder and after closing; for tests. */
  Thread shutdownHook() {
    synchronized (monitor) {
      return hook;
    }
  }

  /**
   * Deletes what is still unpublished (a folder whose deletion failed earlier) and removes the
   * shutdown hook; no folder may begin afterwards.
   */
  @Override
  public void close() {
    Thread added;
    synchronized (monitor) {
      closed = true;
      deleteLive();
      added = hook;
      hook = null;
    }
    if (added != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(added);
      } catch (IllegalStateException e) {
        // The process is already stopping: the hook runs, and finds nothing left to delete.
      }
    }
  }

  /** The shutdown hook: no more publishing, and the unpublished folders go. */
  private void stop() {
    synchronized (monitor) {
      stopping = true;
      deleteLive();
    }
  }

  private void deleteLive() {
    for (Path folder : live) {
      try {
        Marker.deleteFolder(folder);
        live.remove(folder);
      } catch (IOException | RuntimeException e) {
        // Best effort: a leftover is removed by the next run into its folder after this process.
      }
    }
  }
}
