package dev.lambdasim.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A result folder touches only what lambdasim wrote: it carries the marker, is written in a
 * partial folder of its own, replaces only a folder carrying the marker (or an empty one), is
 * refused with a one-line message otherwise and then touches nothing, publishes one writer's
 * complete folder under the lock even when several publish at once, and removes the leftovers of
 * processes that are gone.
 */
final class ResultFolderTest {

  /** A pid no process can have: Linux pids stop at 2^22. */
  private static final long GONE_PID = Integer.MAX_VALUE;
  private static final long OWN_PID = ProcessHandle.current().pid();

  @TempDir Path dir;
  @AutoClose final ResultFolders folders = new ResultFolders();

  @Test
  void theMarkerSaysVersionAndKind() throws IOException {
    ResultFolder run = ResultFolder.begin(folders, dir.resolve("x"), ResultFolder.Kind.RUN);
    ResultFolder comparison =
        ResultFolder.begin(folders, dir.resolve("y"), ResultFolder.Kind.COMPARISON);

    assertThat(run.partial().resolve(ResultFolder.MARKER))
        .hasContent("lambdasim " + Version.current() + " run");
    assertThat(comparison.partial().resolve(ResultFolder.MARKER))
        .hasContent("lambdasim " + Version.current() + " comparison");
  }

  @Test
  void eachFolderIsWrittenInAPartialFolderOfItsOwn() throws IOException {
    Path first = ResultFolder.begin(folders, dir.resolve("x"), ResultFolder.Kind.RUN).partial();
    Path second = ResultFolder.begin(folders, dir.resolve("x"), ResultFolder.Kind.RUN).partial();

    assertThat(first).isNotEqualTo(second).isDirectory();
    assertThat(second).isDirectory();
    assertThat(first.getFileName().toString()).matches("\\.x\\." + OWN_PID + "-\\d+\\.partial");
  }

  @Test
  void publishMovesTheFolderIntoPlace() throws IOException {
    Path target = dir.resolve("x");

    publish(target, "first");

    assertThat(target.resolve("data.txt")).hasContent("first");
    assertThat(names(dir)).containsExactlyInAnyOrder("x", ResultFolder.LOCK);
  }

  @Test
  void aFolderCarryingTheMarkerIsReplacedWhole() throws IOException {
    Path target = dir.resolve("x");
    publish(target, "first");
    Files.writeString(target.resolve("only-in-first.txt"), "old");

    publish(target, "second");

    assertThat(names(target)).containsExactlyInAnyOrder(ResultFolder.MARKER, "data.txt");
    assertThat(target.resolve("data.txt")).hasContent("second");
    assertThat(names(dir)).containsExactlyInAnyOrder("x", ResultFolder.LOCK);
  }

  @Test
  void anEmptyFolderIsReplaced() throws IOException {
    Path target = Files.createDirectory(dir.resolve("x"));

    publish(target, "first");

    assertThat(target.resolve("data.txt")).hasContent("first");
  }

  @Test
  void aFolderWithoutTheMarkerIsRefusedAndNothingIsTouched() throws IOException {
    Path target = Files.createDirectory(dir.resolve("x"));
    Path thesis = Files.writeString(target.resolve("thesis.txt"), "years of work");

    assertThatThrownBy(() -> ResultFolder.begin(folders, target, ResultFolder.Kind.RUN))
        .isInstanceOf(ResultFolder.NotAResultException.class)
        .hasMessage(target + " exists and is not a lambdasim result; choose another --out");
    assertThat(thesis).hasContent("years of work");
    assertThat(names(dir)).containsExactly("x");
  }

  @Test
  void aRegularFileIsRefused() throws IOException {
    Path target = Files.writeString(dir.resolve("x"), "notes");

    assertThatThrownBy(() -> ResultFolder.checkReplaceable(target))
        .isInstanceOf(ResultFolder.NotAResultException.class);
    assertThat(target).hasContent("notes");
  }

  @Test
  void aLinkIsRefusedEvenToAResult() throws IOException {
    Path real = dir.resolve("real");
    publish(real, "first");
    Path link = Files.createSymbolicLink(dir.resolve("link"), real);

    assertThatThrownBy(() -> ResultFolder.checkReplaceable(link))
        .isInstanceOf(ResultFolder.NotAResultException.class);
  }

  @Test
  void aTargetThatBecomesForeignWhileRunningIsRefusedAtPublish() throws IOException {
    Path target = dir.resolve("x");
    ResultFolder folder = ResultFolder.begin(folders, target, ResultFolder.Kind.RUN);
    Path notes = Files.writeString(Files.createDirectory(target).resolve("notes.txt"), "mine");

    assertThatThrownBy(folder::publish).isInstanceOf(ResultFolder.NotAResultException.class);
    assertThat(notes).hasContent("mine");
    assertThat(folder.partial()).doesNotExist();
  }

  @Test
  void discardRemovesOnlyThePartialFolder() throws IOException {
    Path kept = Files.writeString(dir.resolve("kept.txt"), "x");
    ResultFolder folder = ResultFolder.begin(folders, dir.resolve("x"), ResultFolder.Kind.RUN);
    Files.createDirectories(folder.partial().resolve("charts/deep"));
    Files.writeString(folder.partial().resolve("charts/deep/a.png"), "png");

    folder.discard();

    assertThat(names(dir)).containsExactly("kept.txt");
    assertThat(kept).exists();
  }

  @Test
  void leftoversOfAGoneProcessAreRemovedAndNothingElse() throws IOException {
    Path gonePartial = marked(dir.resolve(".x." + GONE_PID + "-1.partial"));
    Path goneOld = marked(dir.resolve(".y." + GONE_PID + "-2.old"));
    Path ownPartial = marked(dir.resolve(".z." + OWN_PID + "-99999.partial"));
    Path unmarked = Files.createDirectory(dir.resolve(".w." + GONE_PID + "-3.partial"));
    Files.writeString(unmarked.resolve("notes.txt"), "not lambdasim's");
    Path lookalike = marked(dir.resolve(".v.partial"));

    ResultFolder.begin(folders, dir.resolve("x"), ResultFolder.Kind.RUN).discard();

    assertThat(gonePartial).doesNotExist();
    assertThat(goneOld).doesNotExist();
    assertThat(ownPartial).isDirectory();
    assertThat(unmarked.resolve("notes.txt")).exists();
    assertThat(lookalike).isDirectory();
  }

  @Test
  void concurrentPublishersLeaveOneCompleteFolder() throws Exception {
    Path target = dir.resolve("x");
    for (int round = 0; round < 10; round++) {
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<Void>> writers = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        String id = round + "-" + w;
        writers.add(CompletableFuture.runAsync(() -> {
          try {
            start.await();
            // One ResultFolders each, as concurrent command lines in one JVM have.
            try (ResultFolders own = new ResultFolders()) {
              ResultFolder folder = ResultFolder.begin(own, target, ResultFolder.Kind.RUN);
              for (int f = 0; f < 20; f++) {
                Files.writeString(folder.partial().resolve("f" + f + ".txt"), id);
              }
              folder.publish();
            }
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }));
      }
      start.countDown();
      CompletableFuture.allOf(writers.toArray(new CompletableFuture[0])).get(60, TimeUnit.SECONDS);

      assertThat(names(target)).hasSize(21);
      String winner = Files.readString(target.resolve("f0.txt"));
      for (int f = 0; f < 20; f++) {
        assertThat(target.resolve("f" + f + ".txt")).hasContent(winner);
      }
      assertThat(names(dir)).containsExactlyInAnyOrder("x", ResultFolder.LOCK);
    }
  }

  @Test
  void publishWaitsForAnotherProcessHoldingTheLock() throws Exception {
    Path target = dir.resolve("x");
    ResultFolder folder = ResultFolder.begin(folders, target, ResultFolder.Kind.RUN);
    Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(),
        dir.resolve(ResultFolder.LOCK).toString()).redirectErrorStream(true).start();
    try (BufferedReader said = new BufferedReader(
        new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(said.readLine()).isEqualTo("locked");
      CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
        try {
          folder.publish();
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });

      Thread.sleep(500);
      assertThat(target).doesNotExist();
      holder.getOutputStream().close(); // the holder lets go and exits
      publishing.get(30, TimeUnit.SECONDS);
    } finally {
      holder.destroy();
    }
    assertThat(target.resolve(ResultFolder.MARKER)).exists();
  }

  /** Holds the lock on the file named by its argument until its stdin closes. */
  static final class LockHolder {
    public static void main(String[] args) throws IOException {
      try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
              StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        System.out.println("locked");
        System.out.flush();
        while (System.in.read() != -1) {
          // wait
        }
      }
    }
  }

  private void publish(Path target, String data) throws IOException {
    ResultFolder folder = ResultFolder.begin(folders, target, ResultFolder.Kind.RUN);
    Files.writeString(folder.partial().resolve("data.txt"), data);
    folder.publish();
  }

  /** Returns a folder carrying the marker, with a file in it, as another run left it. */
  private static Path marked(Path folder) throws IOException {
    Files.createDirectories(folder.resolve("charts"));
    Files.writeString(folder.resolve(ResultFolder.MARKER), "lambdasim 0.1.0 run\n");
    Files.writeString(folder.resolve("charts/a.png"), "png");
    return folder;
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.map(p -> p.getFileName().toString()).toList();
    }
  }
}
