package org.bdr.app;

import java.util.Map;
import org.bdr.repo.PhiFacts;

/**
 * A snapshot's PHI scan in brief, for listings: counts only, no paths.
 *
 * @param policy report, tag or block
 * @param sensitivity low, medium or high
 * @param files files with findings
 * @param folders folders whose names had findings
 * @param findings findings in all
 * @param byType findings per identifier type, largest first
 * @param blocked files and folders kept out of the snapshot
 * @param tagged whether the snapshot is tagged as holding PHI
 */
public record PhiBrief(
    String policy,
    String sensitivity,
    long files,
    long folders,
    long findings,
    Map<String, Long> byType,
    long blocked,
    boolean tagged) {

  /** Copies the counts. */
  public PhiBrief {
    byType = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byType));
  }

  /** The brief of stored facts, or null when the snapshot was not scanned. */
  static PhiBrief of(PhiFacts facts) {
    if (facts == null) {
      return null;
    }
    return new PhiBrief(
        facts.policy(),
        facts.sensitivity(),
        facts.files(),
        facts.folders(),
        facts.findings(),
        facts.byType(),
        facts.blocked(),
        facts.tagged());
  }
}
