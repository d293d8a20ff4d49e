package org.bdr.backup;

import java.util.List;
import org.bdr.repo.Id;
import org.bdr.repo.PhiFacts;

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
 * @param phi what the PHI scan found, as stored with the snapshot; null when it did not scan
 * @param blocked files the PHI block policy kept out of the snapshot, by path
 * @param notScanned files stored although the PHI scan could not read them, with a reason that
 *     quotes nothing of the file
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
    List<SkippedFile> changedWhileRead,
    PhiFacts phi,
    List<SkippedFile> blocked,
    List<SkippedFile> notScanned) {

  /** Copies the lists. */
  public BackupResult {
    unreadable = List.copyOf(unreadable);
    changedWhileRead = List.copyOf(changedWhileRead);
    blocked = blocked == null ? List.of() : List.copyOf(blocked);
    notScanned = notScanned == null ? List.of() : List.copyOf(notScanned);
  }

  /** Whether some files are missing from the snapshot: unreadable, or blocked for PHI. */
  public boolean partial() {
    return !unreadable.isEmpty() || !blocked.isEmpty();
  }

  /** Files in the snapshot. */
  public long files() {
    return filesNew + filesChanged + filesUnchanged;
  }
}
