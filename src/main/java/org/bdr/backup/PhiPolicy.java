package org.bdr.backup;

import java.util.Locale;

/**
 * What a backup that scans for PHI does with files in which the scan found identifiers, and with
 * folders whose names hold them.
 */
public enum PhiPolicy {
  /** Store every file; the snapshot keeps a summary of the findings. */
  REPORT,
  /**
   * Like {@link #REPORT}, and tag a snapshot that stored findings, in files or folder names, as
   * holding PHI (longer retention).
   */
  TAG,
  /**
   * Keep files with findings, and folders whose names have findings with everything in them, out of
   * the snapshot and out of the repository; list them.
   */
  BLOCK;

  /** The lowercase name used on the command line and in snapshots. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code report}, {@code tag} or {@code block}, ignoring case. */
  public static PhiPolicy parse(String text) {
    for (PhiPolicy p : values()) {
      if (p.label().equalsIgnoreCase(text)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown PHI policy '" + text + "': use report, tag or block");
  }
}
