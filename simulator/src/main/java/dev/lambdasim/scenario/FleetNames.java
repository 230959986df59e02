package dev.lambdasim.scenario;

import dev.lambdasim.workload.trace.TraceFunctions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * How a fleet's functions are named and which of them {@code metrics.csv} lists: each is named
 * {@code f-<8 hex digits of the SHA-256 of its original id>}, and the {@code topN} with the most
 * replayed arrivals get their own rows.
 */
final class FleetNames {

  private static final int SHORT_HEX = 8;
  private static final int LONG_HEX = 16;

  private FleetNames() {}

  /**
   * Returns {@code f-} and the first 8 hex digits of the SHA-256 of each id (UTF-8); ids whose
   * 8 digits collide get 16 instead, so a name depends only on the ids of the file.
   */
  static List<String> of(List<String> ids) {
    List<String> full = ids.stream().map(FleetNames::sha256Hex).toList();
    Map<String, Integer> shortCounts = new HashMap<>();
    for (String hex : full) {
      shortCounts.merge(hex.substring(0, SHORT_HEX), 1, Integer::sum);
    }
    List<String> out = new ArrayList<>(ids.size());
    for (String hex : full) {
      String shortHex = hex.substring(0, SHORT_HEX);
      out.add("f-" + (shortCounts.get(shortHex) > 1 ? hex.substring(0, LONG_HEX) : shortHex));
    }
    if (new HashSet<>(out).size() != out.size()) {
      // 16 hex digits colliding too would take some 4 billion functions; fail loudly rather than merge.
      throw new IllegalStateException("fleet names collide even with " + LONG_HEX + " hex digits");
    }
    return out;
  }

  private static String sha256Hex(String id) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder(digest.length * 2);
      for (byte b : digest) {
        sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Returns which functions are among the {@code topN} with the most replayed arrivals (ties: first in the trace). */
  static boolean[] listed(List<TraceFunctions.Entry> entries, int topN) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingLong((Integer i) -> -entries.get(i).replayed())
        .thenComparingInt(i -> i));
    boolean[] listed = new boolean[entries.size()];
    for (int k = 0; k < Math.min(topN, order.size()); k++) {
      listed[order.get(k)] = true;
    }
    return listed;
  }
}
