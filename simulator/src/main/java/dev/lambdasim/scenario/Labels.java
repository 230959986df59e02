package dev.lambdasim.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The options of a choice field by the names scenario files use, in declaration order, so that
 * "allowed a | b" reads the same in every run and every message.
 */
final class Labels<E> {

  private final Map<String, E> byLabel;

  private Labels(Map<String, E> byLabel) {
    this.byLabel = Collections.unmodifiableMap(byLabel);
  }

  /** Returns the options {@code constants}, each named by {@code label}. */
  static <E> Labels<E> of(E[] constants, Function<E, String> label) {
    return of(List.of(constants), label);
  }

  static <E> Labels<E> of(List<E> constants, Function<E, String> label) {
    Map<String, E> m = new LinkedHashMap<>();
    for (E e : constants) {
      m.put(label.apply(e), e);
    }
    return new Labels<>(m);
  }

  /** Returns the options {@code value} gives for each of {@code names}. */
  static <E> Labels<E> mapped(List<String> names, Function<String, E> value) {
    Map<String, E> m = new LinkedHashMap<>();
    for (String name : names) {
      m.put(name, value.apply(name));
    }
    return new Labels<>(m);
  }

  /** Returns options that are their own names. */
  static Labels<String> named(List<String> names) {
    return of(names, Function.identity());
  }

  /** Returns the option called {@code label}, or null if there is none. */
  E get(String label) {
    return byLabel.get(label);
  }

  boolean contains(String label) {
    return byLabel.containsKey(label);
  }

  /** Returns the names, in order. */
  List<String> names() {
    return List.copyOf(byLabel.keySet());
  }

  /** Returns the names joined by {@code separator}, as messages list them. */
  String joined(String separator) {
    return String.join(separator, byLabel.keySet());
  }
}
