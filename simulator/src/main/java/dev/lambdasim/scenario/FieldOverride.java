package dev.lambdasim.scenario;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code --set path=value} flag, applied to the tree before validation so that an
 * overridden value is checked exactly like one written in the file.
 */
final class FieldOverride {

  static final String FILE = "<set>";

  private static final Pattern STEP = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)((?:\\[[^\\]]*\\])*)");
  private static final Pattern INDEX = Pattern.compile("\\[([^\\]]*)\\]");

  private final String flag;

  FieldOverride(String flag) {
    this.flag = flag;
  }

  /** Applies the override to {@code root}, or records why it cannot. */
  void apply(Node root, YAMLFactory yaml, Problems problems) {
    Location at = Location.ofFile(FILE);
    int eq = flag.indexOf('=');
    if (eq <= 0) {
      problems.add(at, "", Node.clipped(flag, true) + " is not an override; write path=value, e.g. functions[0].memoryMb=2048");
      return;
    }
    String path = flag.substring(0, eq).strip();
    Optional<List<Object>> parsed = steps(path);
    if (parsed.isEmpty()) {
      problems.add(at, path, Node.clipped(path, true) + " is not a field path; write e.g. seed, account.scaling, "
          + "functions[0].memoryMb or functions[api].memoryMb");
      return;
    }
    List<Object> steps = parsed.get();
    Problems.Mark mark = problems.mark();
    Bound<Node> read = new NodeReader(yaml, FILE, false, problems).read(flag.substring(eq + 1));
    if (read.isReported() || mark.reportedSince()) {
      return;
    }
    Node value = read.get();
    Node current = root;
    StringBuilder walked = new StringBuilder();
    for (int i = 0; i < steps.size(); i++) {
      Object step = steps.get(i);
      boolean last = i == steps.size() - 1;
      if (step instanceof String key) {
        walked.append(walked.length() == 0 ? "" : ".").append(key);
        if (!(current instanceof Node.Mapping m)) {
          problems.add(at, walked.toString(), "cannot set a field inside " + current.shown());
          return;
        }
        if (last) {
          m.put(key, at, value);
          return;
        }
        Node child = m.values().get(key);
        if (child == null) {
          child = steps.get(i + 1) instanceof String ? Node.Mapping.empty(at) : null;
          if (child == null) {
            problems.add(at, walked.toString(), "there is no list '" + walked + "' to index into");
            return;
          }
          m.put(key, at, child);
        }
        current = child;
      } else {
        Selector selector = (Selector) step;
        walked.append('[').append(selector.text()).append(']');
        if (!(current instanceof Node.Sequence seq)) {
          problems.add(at, walked.toString(), "cannot index into " + current.shown());
          return;
        }
        int index = selector.find(seq);
        if (index < 0) {
          problems.add(at, walked.toString(), "no item " + selector.text() + " in a list of "
              + seq.items().size() + (selector.byName() ? " (select by an existing name, or by index)"
              : " (allowed 0.." + (seq.items().size() - 1) + ")"));
          return;
        }
        if (last) {
          seq.items().set(index, value);
          return;
        }
        current = seq.items().get(index);
      }
    }
  }

  /** Returns keys (String) and selectors, or empty if the path does not parse. */
  private static Optional<List<Object>> steps(String path) {
    List<Object> steps = new ArrayList<>();
    for (String part : path.split("\\.", -1)) {
      Matcher m = STEP.matcher(part);
      if (!m.matches()) {
        return Optional.empty();
      }
      steps.add(m.group(1));
      Matcher index = INDEX.matcher(m.group(2));
      while (index.find()) {
        if (index.group(1).isEmpty()) {
          return Optional.empty();
        }
        steps.add(new Selector(index.group(1)));
      }
    }
    return Optional.of(steps);
  }

  /** {@code [2]} selects by position, {@code [api]} the item whose {@code name} is api. */
  private record Selector(String text) {

    boolean byName() {
      return !text.chars().allMatch(Character::isDigit);
    }

    int find(Node.Sequence seq) {
      if (!byName()) {
        // Past nine digits no list is that long (and Integer.parseInt would overflow).
        int i = text.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(text);
        return i < seq.items().size() ? i : -1;
      }
      for (int i = 0; i < seq.items().size(); i++) {
        if (seq.items().get(i) instanceof Node.Mapping m
            && m.values().get("name") instanceof Node.Scalar s && s.text().equals(text)) {
          return i;
        }
      }
      return -1;
    }
  }
}
