package org.bdr.backup;

/** Receives progress from a running backup; called from worker threads. */
public interface BackupProgress {

  /** A listener that ignores everything. */
  BackupProgress NONE = new BackupProgress() {};

  /** Whether this listener wants totals; only then does a scanner walk the sources ahead. */
  default boolean wantsTotals() {
    return false;
  }

  /** The scanner found the total so far (it may grow while scanning). */
  default void total(long files, long bytes, boolean scanDone) {}

  /** A file is done; {@code bytes} is its size. */
  default void fileDone(String path, long bytes) {}

  /** Bytes of a file were read and processed. */
  default void bytesProcessed(long bytes) {}
}
