package org.poltwt.registration.email;

import java.util.HashMap;
import java.util.Map;

/**
 * Domains mapped to a value, looked up by a domain or any of its parents: {@code find} of {@code
 * a.b.example.org} tries {@code a.b.example.org}, {@code b.example.org}, {@code example.org} and
 * {@code org}, and returns the value of the longest one present. Immutable once built; safe to
 * share between threads.
 *
 * @param <V> the value kept per domain
 */
final class DomainSuffixMap<V> {
  private static final DomainSuffixMap<?> EMPTY = new DomainSuffixMap<>(Map.of());

  private final Map<String, V> entries;

  private DomainSuffixMap(Map<String, V> entries) {
    this.entries = entries;
  }

  /**
   * Copies the entries, which must already be lower-case ASCII domains without a trailing dot.
   *
   * @param entries domain to value
   * @param <V> the value type
   * @return the map
   */
  static <V> DomainSuffixMap<V> of(Map<String, V> entries) {
    if (entries.isEmpty()) {
      @SuppressWarnings("unchecked")
      DomainSuffixMap<V> empty = (DomainSuffixMap<V>) EMPTY;
      return empty;
    }
    return new DomainSuffixMap<>(new HashMap<>(entries));
  }

  /**
   * Returns the value of the longest entry that is the domain or one of its parents.
   *
   * @param domain a lower-case ASCII domain
   * @return the value, or null when no entry covers the domain
   */
  V find(String domain) {
    if (entries.isEmpty()) {
      return null;
    }
    String d = domain;
    while (true) {
      V v = entries.get(d);
      if (v != null) {
        return v;
      }
      int dot = d.indexOf('.');
      if (dot < 0) {
        return null;
      }
      d = d.substring(dot + 1);
    }
  }

  boolean covers(String domain) {
    return find(domain) != null;
  }

  int size() {
    return entries.size();
  }
}
