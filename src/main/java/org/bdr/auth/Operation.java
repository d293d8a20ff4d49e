package org.bdr.auth;

/**
 * One kind of thing a caller asks bdr to do; a {@link Role} allows some of them.
 *
 * <p>Each operation knows how to name itself in a sentence ("create backups"), so that a refusal
 * reads naturally.
 */
public enum Operation {
  /** Create a backup. */
  BACKUP("create backups"),
  /** Restore files, possibly overwriting existing ones. */
  RESTORE("restore files"),
  /** Plan a restore without writing anything. */
  RESTORE_DRY_RUN("plan restores"),
  /** Verify a repository's structure or data. */
  VERIFY("verify backups"),
  /** List snapshots and the files they hold. */
  LIST("list backups"),
  /** Read the status of backups, schedules and the repository. */
  STATUS("read backup status"),
  /** Export the backup configuration (never passwords or tokens). */
  EXPORT_CONFIG("export the backup configuration"),
  /** Scan files for protected health information; findings name files. */
  SCAN_PHI("scan files for protected health information"),
  /** Create, change or remove backup schedules. */
  SCHEDULE("change backup schedules"),
  /** Forget, prune or archive old snapshots. */
  CLEANUP("delete or archive old backups"),
  /** Read the audit log and the reports drawn from it. */
  READ_AUDIT("read the audit log");

  private final String phrase;

  Operation(String phrase) {
    this.phrase = phrase;
  }

  /** The operation as the object of "may not …", e.g. "create backups". */
  public String phrase() {
    return phrase;
  }
}
