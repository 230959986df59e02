package dev.lambdasim.cli;

import dev.lambdasim.run.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress bar on stderr for runs that take more than about two seconds, only when stderr is
 * a terminal. Wall-clock time is read here, for the person watching, never by the simulation.
 */
final class ProgressBar implements ProgressListener {

  private static final long SHOW_AFTER_NANOS = 2_000_000_000L;
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final String label;
  private final boolean terminal;
  private final long startedNanos = System.nanoTime();
  private boolean shown;

  ProgressBar(PrintWriter err, String label) {
    this.err = err;
    this.label = label;
    this.terminal = System.console() != null;
  }

  @Override
  public void progress(double fractionDone, long eventsHandled) {
    if (!terminal) {
      return;
    }
    long elapsed = System.nanoTime() - startedNanos;
    if (!shown && elapsed < SHOW_AFTER_NANOS) {
      return;
    }
    shown = true;
    int filled = (int) Math.round(fractionDone * WIDTH);
    err.printf(Locale.ROOT, "\r%s [%s%s] %3.0f%% %,d events", label, "#".repeat(filled),
        " ".repeat(WIDTH - filled), 100 * fractionDone, eventsHandled);
    if (fractionDone >= 1.0) {
      err.println();
    }
    err.flush();
  }
}
