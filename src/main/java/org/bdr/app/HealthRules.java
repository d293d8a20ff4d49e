package org.bdr.app;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.bdr.backend.Space;

/** The rules that turn what {@link BackupStatus} observed into reasons for concern. */
final class HealthRules {

  /** A newest snapshot older than this is a warning. */
  static final Duration WARN_AGE = Duration.ofHours(26);

  /** A newest snapshot older than this is critical. */
  static final Duration CRITICAL_AGE = Duration.ofDays(7);

  /** How far back failed runs count. */
  static final Duration FAILURE_WINDOW = Duration.ofDays(7);

  /** Less free space than this share of the storage, in percent, is a warning. */
  static final double WARN_FREE_PERCENT = 20;

  /** Less free space than this share, in percent, is critical. */
  static final double CRITICAL_FREE_PERCENT = 5;

  /**
   * What the status saw.
   *
   * @param now the time of the report
   * @param unavailable why the repository could not be read; null if it could
   * @param snapshots readable snapshots
   * @param newest the newest snapshot, or null
   * @param newestTime its start time, or null
   * @param lastBackupRun the last backup run in the history, or null
   * @param failuresLast7Days failed backups and checks in the window
   * @param space the storage's space, or null if unknown
   * @param staleLocks descriptions of locks left by processes that are gone
   */
  record Observed(
      Instant now,
      String unavailable,
      int snapshots,
      SnapshotInfo newest,
      Instant newestTime,
      RunHistory.Entry lastBackupRun,
      int failuresLast7Days,
      Space space,
      List<String> staleLocks) {}

  private HealthRules() {}

  /** The reasons, critical ones first. */
  static List<BackupStatus.Reason> judge(Observed o) {
    List<BackupStatus.Reason> out = new ArrayList<>();
    if (o.unavailable() != null) {
      out.add(
          critical("REPOSITORY_UNAVAILABLE", "the repository cannot be read: " + o.unavailable()));
    } else if (o.snapshots() == 0) {
      out.add(
          critical(
              "NO_BACKUP",
              "the repository holds no snapshot: nothing is backed up yet"
                  + " (run 'bdr backup PATH')"));
    } else {
      snapshotAge(o, out);
    }
    RunHistory.Entry last = o.lastBackupRun();
    if (last != null && last.failed()) {
      out.add(
          critical(
              "LAST_BACKUP_FAILED",
              "the last backup, started " + last.started() + ", failed with " + last.errorCode()));
    }
    if (o.failuresLast7Days() > 0) {
      out.add(
          warning(
              "RECENT_FAILURES",
              o.failuresLast7Days()
                  + (o.failuresLast7Days() == 1 ? " backup or check" : " backups or checks")
                  + " failed in the last 7 days"));
    }
    space(o.space(), out);
    if (!o.staleLocks().isEmpty()) {
      int n = o.staleLocks().size();
      out.add(
          warning(
              "STALE_LOCK",
              (n == 1 ? "1 lock was" : n + " locks were")
                  + " left by a process that is gone ("
                  + String.join("; ", o.staleLocks())
                  + "): run 'bdr unlock' to remove "
                  + (n == 1 ? "it" : "them")));
    }
    out.sort(Comparator.comparing(r -> r.severity().equals(BackupStatus.CRITICAL) ? 0 : 1));
    return out;
  }

  /** The worst severity among the reasons, or healthy. */
  static String health(List<BackupStatus.Reason> reasons) {
    if (reasons.stream().anyMatch(r -> r.severity().equals(BackupStatus.CRITICAL))) {
      return BackupStatus.CRITICAL;
    }
    return reasons.isEmpty() ? BackupStatus.HEALTHY : BackupStatus.WARNING;
  }

  private static void snapshotAge(Observed o, List<BackupStatus.Reason> out) {
    Duration age = Duration.between(o.newestTime(), o.now());
    String when = " (" + o.newest().shortId() + ", " + o.newestTime() + ")";
    if (age.compareTo(CRITICAL_AGE) > 0) {
      out.add(
          critical(
              "LAST_BACKUP_OLD",
              "the newest snapshot is " + age.toDays() + " days old" + when + ", over 7 days"));
    } else if (age.compareTo(WARN_AGE) > 0) {
      out.add(
          warning(
              "LAST_BACKUP_OLD",
              "the newest snapshot is " + age.toHours() + " hours old" + when + ", over 26 hours"));
    }
    if (o.newest().partial()) {
      out.add(
          warning(
              "LAST_BACKUP_PARTIAL",
              "the newest snapshot "
                  + o.newest().shortId()
                  + " is partial: "
                  + (o.newest().phi() != null && o.newest().phi().blocked() > 0
                      ? "files were left out (unreadable, or blocked for holding PHI)"
                      : "some files could not be read when it was made")));
    }
  }

  private static void space(Space space, List<BackupStatus.Reason> out) {
    if (space == null || space.total() == 0) {
      return;
    }
    double percent = percent(space);
    String message =
        "only "
            + String.format(Locale.ROOT, "%.1f%%", percent)
            + " of the repository's storage is free ("
            + bytes(space.free())
            + " of "
            + bytes(space.total())
            + ")";
    if (percent < CRITICAL_FREE_PERCENT) {
      out.add(critical("LOW_SPACE", message + ", under 5%: backups will soon fail"));
    } else if (percent < WARN_FREE_PERCENT) {
      out.add(warning("LOW_SPACE", message + ", under 20%"));
    }
  }

  /** The free share of the storage in percent, or -1 if unknown. */
  static double percent(Space space) {
    return space == null || space.total() == 0 ? -1 : space.free() * 100.0 / space.total();
  }

  /** A byte count for people: 1.5 GiB. */
  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  private static BackupStatus.Reason critical(String code, String message) {
    return new BackupStatus.Reason(BackupStatus.CRITICAL, code, message);
  }

  private static BackupStatus.Reason warning(String code, String message) {
    return new BackupStatus.Reason(BackupStatus.WARNING, code, message);
  }
}
