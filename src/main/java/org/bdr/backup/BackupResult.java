package org.bdr.backup;

import java.util.List;
import org.bdr.repo.Id;

/**
 * What a backup did.
 *
 * @param snapshot the new snapshot's id
 * @param parent the snapshot it was compared against, may be null
 * @param filesNew files not in the parent snapshot
 * @param filesChanged files whose metadata differed from the parent
 * @param filesUnchanged files reused from the parent without reading
 * @param dirs folders
 * @param bytesRead bytes read from disk
 * @param bytesAdded bytes added to the repository (after compression and encryption)
 * @param totalBytes the size of every file in the snapshot
 * @param durationMillis wall time
 * @param unreadable files that vanished or could not be read (the snapshot is partial)
 * @param changedWhileRead files that changed while they were read (stored as last read)
 */
public record BackupResult(
    Id snapshot,
    Id parent,
    long filesNew,
    long filesChanged,
    long filesUnchanged,
    long dirs,
    long bytesRead,
    long bytesAdded,
    long totalBytes,
    long durationMillis,
    List<SkippedFile> unreadable,
    List<SkippedFile> changedWhileRead) {

  /** Copies the lists. */
  public BackupResult {
    unreadable = List.copyOf(unreadable);
    changedWhileRead = List.copyOf(changedWhileRead);
  }

  /** Whether some files are missing from the snapshot. */
  public boolean partial() {
    return !unreadable.isEmpty();
  }

  /** Files in the snapshot. */
  public long files() {
    return filesNew + filesChanged + filesUnchanged;
  }
}
