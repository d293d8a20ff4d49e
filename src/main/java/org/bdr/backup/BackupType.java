package org.bdr.backup;

/** How a backup treats files that look unchanged since the parent snapshot. */
public enum BackupType {
  /** Reuse the content of files whose size, mtime, ctime and inode match the parent snapshot. */
  INCREMENTAL,
  /** Read every file. */
  FULL;

  /** The lowercase name used on the command line and in snapshots. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Parses {@code incremental} or {@code full}, ignoring case. */
  public static BackupType parse(String text) {
    for (BackupType t : values()) {
      if (t.label().equalsIgnoreCase(text)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown backup type '" + text + "': use incremental or full");
  }
}
