package org.bdr.app;

import java.util.List;
import org.bdr.repo.Id;
import org.bdr.repo.Snapshot;
import org.bdr.repo.SnapshotFacts;

/**
 * One snapshot as people and assistants see it.
 *
 * @param id the full id
 * @param shortId the first 8 hex digits
 * @param time when the backup started, RFC 3339
 * @param host the machine
 * @param paths the sources
 * @param label the label, may be null
 * @param type incremental or full; null for snapshots restic wrote
 * @param files files in the snapshot, -1 if unknown
 * @param size their total bytes, -1 if unknown
 * @param partial whether some files could not be read or were blocked for PHI
 * @param tags restic tags, such as {@code phi}
 * @param phi the PHI scan in brief; null when the backup did not scan
 */
public record SnapshotInfo(
    String id,
    String shortId,
    String time,
    String host,
    List<String> paths,
    String label,
    String type,
    long files,
    long size,
    boolean partial,
    List<String> tags,
    PhiBrief phi) {

  static SnapshotInfo of(Id id, Snapshot s) {
    SnapshotFacts f = s.bdr();
    return new SnapshotInfo(
        id.hex(),
        id.shortHex(),
        s.time(),
        s.hostname(),
        s.paths(),
        f == null ? null : f.label(),
        f == null ? null : f.backupType(),
        f == null ? -1 : f.files(),
        f == null ? -1 : f.bytes(),
        f != null && f.partial(),
        s.tags(),
        f == null ? null : PhiBrief.of(f.phi()));
  }
}
