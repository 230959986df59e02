package dev.lambdasim.run;

/** Told how far a run has got, in simulated time; used for the terminal's progress bar. */
@FunctionalInterface
public interface ProgressListener {

  void progress(double fractionDone, long eventsHandled);

  static ProgressListener none() {
    return (fraction, events) -> { };
  }
}
