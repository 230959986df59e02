package dev.lambdasim.output;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock publishers of one parent folder take turns on: {@link ResultFolder#LOCK} in that
 * folder, locked until this is closed.
 */
final class ParentLock implements AutoCloseable {

  // Process-wide because the lock file's lock is: the JDK holds FileChannel locks per process,
  // and a second one on the same file from this JVM throws OverlappingFileLockException instead
  // of waiting. So publishers of this process (every ResultFolders in it) first take turns here.
  private static final ReentrantLock IN_THIS_PROCESS = new ReentrantLock();

  private final FileChannel channel;

  private ParentLock(FileChannel channel) {
    this.channel = channel;
  }

  /** Returns {@code parent}'s lock, once this process and every other has let go of it. */
  static ParentLock take(Path parent) throws IOException {
    IN_THIS_PROCESS.lock();
    boolean taken = false;
    try {
      // The lock file is never deleted: deleting it would let a waiter lock a file that is no
      // longer the one at this path (and the JDK cannot tell them apart).
      FileChannel channel = FileChannel.open(parent.resolve(ResultFolder.LOCK),
          StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        channel.lock();
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
      taken = true;
      return new ParentLock(channel);
    } finally {
      if (!taken) {
        IN_THIS_PROCESS.unlock();
      }
    }
  }

  /** Lets go: other processes first (closing the channel releases its lock), then this one. */
  @Override
  public void close() throws IOException {
    try {
      channel.close();
    } finally {
      IN_THIS_PROCESS.unlock();
    }
  }
}
