package org.bdr.app;

import org.bdr.error.ErrorCode;

/**
 * What a finished run did, as its history entry records it.
 *
 * @param outcome ok, partial or failed
 * @param errorCode the error code of a failed run, else null
 * @param snapshot the short id of the snapshot written or restored, or null
 * @param files files backed up or restored
 * @param bytes bytes backed up, restored or read
 */
record RunFacts(String outcome, String errorCode, String snapshot, long files, long bytes) {

  /** A backup: partial if some files could not be read. */
  static RunFacts of(CreateBackup.Outcome o) {
    var r = o.result();
    return new RunFacts(
        r.partial() ? RunHistory.Entry.PARTIAL : RunHistory.Entry.OK,
        null,
        r.snapshot().shortHex(),
        r.files(),
        r.totalBytes());
  }

  /** A check: failed with BACKUP_CORRUPTED if it found damage. */
  static RunFacts of(CheckRepository.Outcome o) {
    var r = o.result();
    return r.ok()
        ? new RunFacts(RunHistory.Entry.OK, null, null, 0, r.bytesRead())
        : new RunFacts(
            RunHistory.Entry.FAILED, ErrorCode.BACKUP_CORRUPTED.name(), null, 0, r.bytesRead());
  }

  /** A restore: partial if some files could not be restored. */
  static RunFacts of(RestoreSnapshot.Outcome o) {
    var r = o.result();
    return new RunFacts(
        r.failed().isEmpty() ? RunHistory.Entry.OK : RunHistory.Entry.PARTIAL,
        null,
        o.snapshot().substring(0, 8),
        r.files(),
        r.bytes());
  }
}
