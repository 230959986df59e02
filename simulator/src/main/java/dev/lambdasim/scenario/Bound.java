package dev.lambdasim.scenario;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What binding one value gave: the value, or the mark that its problem has been reported, in
 * which case the load will fail. Binders hand this on instead of null, so "not written" (the
 * field's default, or the spec's own "none") and "wrong" never look alike. A spec that must
 * still be built so that binding can go on takes the field's real default from {@code spec} in
 * place of a reported value ({@link #or}).
 */
final class Bound<T> {

  private static final Bound<?> REPORTED = new Bound<>(null, true);

  private final T value;
  private final boolean reported;

  private Bound(T value, boolean reported) {
    this.value = value;
    this.reported = reported;
  }

  /** Returns a bound value; null only where the spec itself writes "none" as null. */
  static <T> Bound<T> of(T value) {
    return new Bound<>(value, false);
  }

  /** Returns the mark of a value whose problem has been reported. */
  @SuppressWarnings("unchecked")
  static <T> Bound<T> reported() {
    return (Bound<T>) REPORTED;
  }

  /** Returns the value {@code make} builds, or the mark when a problem was reported since {@code mark}. */
  static <T> Bound<T> unlessReportedSince(Problems.Mark mark, Supplier<T> make) {
    return mark.reportedSince() ? reported() : of(make.get());
  }

  /** Returns whether none of {@code bounds} was reported. */
  static boolean allOk(Bound<?>... bounds) {
    for (Bound<?> b : bounds) {
      if (b.reported) {
        return false;
      }
    }
    return true;
  }

  boolean ok() {
    return !reported;
  }

  boolean isReported() {
    return reported;
  }

  /** Returns the value; only to be asked when it is {@link #ok}. */
  T get() {
    if (reported) {
      throw new IllegalStateException("the value was reported as a problem");
    }
    return value;
  }

  /** Returns the value, or {@code placeholder} (the field's real default) when it was reported. */
  T or(T placeholder) {
    return reported ? placeholder : value;
  }

  <R> Bound<R> map(Function<? super T, ? extends R> f) {
    return reported ? reported() : of(f.apply(value));
  }

  /** Returns what {@code f} binds from the value, or the mark when the value was reported. */
  <R> Bound<R> then(Function<? super T, Bound<R>> f) {
    return reported ? reported() : f.apply(value);
  }

  @Override
  public String toString() {
    return reported ? "reported" : "Bound[" + value + "]";
  }
}
