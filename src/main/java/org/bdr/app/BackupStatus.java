package org.bdr.app;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bdr.backend.Space;
import org.bdr.error.BdrException;
import org.bdr.repo.LockInfo;
import org.bdr.repo.Repository;
import org.bdr.repo.RepositoryLock;

/**
 * How the backups of one repository are doing: healthy, warning or critical, with every reason.
 *
 * <p>The rules, each adding a reason; the health is the worst of them:
 *
 * <ul>
 *   <li>the repository cannot be opened or read: critical REPOSITORY_UNAVAILABLE, with the
 *       failure's message (the status still answers);
 *   <li>it holds no snapshot: critical NO_BACKUP;
 *   <li>the newest snapshot is older than 26 hours: warning LAST_BACKUP_OLD; older than 7 days:
 *       critical LAST_BACKUP_OLD;
 *   <li>the newest snapshot is partial: warning LAST_BACKUP_PARTIAL;
 *   <li>the last backup run in this machine's history failed: critical LAST_BACKUP_FAILED;
 *   <li>backups or checks failed in the last 7 days: warning RECENT_FAILURES with the count;
 *   <li>under 20% of the storage is free: warning LOW_SPACE; under 5%: critical LOW_SPACE;
 *   <li>a lock was left by a process that is gone (on this machine, or not refreshed for 30
 *       minutes, as {@code bdr unlock} judges): warning STALE_LOCK.
 * </ul>
 *
 * <p>The history is this machine's ({@link RunHistory}), for this repository's location.
 */
public final class BackupStatus {

  /** Health and severity: nothing to do. */
  public static final String HEALTHY = "healthy";

  /** Health and severity: look at it soon. */
  public static final String WARNING = "warning";

  /** Health and severity: backups are at risk now. */
  public static final String CRITICAL = "critical";

  /** How many history entries the report lists. */
  public static final int RECENT = 10;

  /**
   * The status.
   *
   * @param health {@code healthy}, {@code warning} or {@code critical}: the worst reason's
   * @param reasons every reason for concern, critical ones first; empty when healthy
   * @param lastBackup the newest snapshot, or null
   * @param lastRun the last backup run in this machine's history, or null
   * @param storage what the repository takes and how much room is left
   * @param recent the newest runs on this repository, newest first, at most {@value #RECENT}
   * @param failuresLast7Days backups and checks that failed in the last 7 days
   * @param locks the repository's locks
   * @param repository the repository's location
   */
  public record Report(
      String health,
      List<Reason> reasons,
      SnapshotInfo lastBackup,
      RunHistory.Entry lastRun,
      Storage storage,
      List<RunHistory.Entry> recent,
      int failuresLast7Days,
      LockState locks,
      String repository) {

    /** Copies the lists. */
    public Report {
      reasons = List.copyOf(reasons);
      recent = List.copyOf(recent);
    }
  }

  /**
   * One reason for concern.
   *
   * @param severity {@code warning} or {@code critical}
   * @param code a stable code, such as LAST_BACKUP_OLD
   * @param message what was found, with its numbers, for people
   */
  public record Reason(String severity, String code, String message) {

    /** Checks the severity. */
    public Reason {
      if (!Set.of(WARNING, CRITICAL).contains(severity) || code == null || message == null) {
        throw new IllegalArgumentException("a reason needs a severity, a code and a message");
      }
    }
  }

  /**
   * Storage use; -1 where unknown (the repository could not be read, or the storage does not tell
   * its space).
   *
   * @param repositoryBytes the size of every repository file together
   * @param snapshots readable snapshots
   * @param freeBytes bytes still free for this user on the repository's storage
   * @param totalBytes the storage's size
   * @param freePercent the free share in percent
   */
  public record Storage(
      long repositoryBytes, int snapshots, long freeBytes, long totalBytes, double freePercent) {}

  /**
   * The repository's locks.
   *
   * @param held lock files in the repository, stale ones included; -1 if unknown
   * @param stale locks left by processes that are gone, each described (PID, host, user, time)
   */
  public record LockState(int held, List<String> stale) {

    /** Copies the list. */
    public LockState {
      stale = List.copyOf(stale);
    }
  }

  private final RepositoryOpener opener;
  private final Clock clock;

  /** A use case opening repositories with {@code opener}, judging ages by the system clock. */
  public BackupStatus(RepositoryOpener opener) {
    this(opener, Clock.systemUTC());
  }

  /** A use case judging ages by {@code clock}. */
  public BackupStatus(RepositoryOpener opener, Clock clock) {
    this.opener = opener;
    this.clock = clock;
  }

  /** The status; never throws: a repository that cannot be read is itself a critical reason. */
  public Report run(RepositoryOptions options) {
    Instant now = clock.instant();
    String location;
    try {
      location = opener.location(options).toString();
    } catch (RuntimeException e) {
      location = String.valueOf(options.repository());
    }
    History history = history(location, now);

    Seen seen;
    try {
      seen = look(options, now);
    } catch (IOException | RuntimeException e) {
      BdrException d = Failures.describe(e);
      seen =
          new Seen(d.getMessage() + " — " + d.recovery(), 0, null, null, -1, null, -1, List.of());
    }

    List<Reason> reasons =
        HealthRules.judge(
            new HealthRules.Observed(
                now,
                seen.unavailable(),
                seen.snapshots(),
                seen.newest(),
                seen.newestTime(),
                history.lastBackup(),
                history.failures(),
                seen.space(),
                seen.stale()));
    Space space = seen.space();
    Storage storage =
        new Storage(
            seen.repositoryBytes(),
            seen.unavailable() == null ? seen.snapshots() : -1,
            space == null ? -1 : space.free(),
            space == null ? -1 : space.total(),
            Math.round(HealthRules.percent(space) * 10) / 10.0);
    return new Report(
        HealthRules.health(reasons),
        reasons,
        seen.newest(),
        history.lastBackup(),
        storage,
        history.recent(),
        history.failures(),
        new LockState(seen.locks(), seen.stale()),
        location);
  }

  /** What the history says about this repository. */
  private record History(
      RunHistory.Entry lastBackup, int failures, List<RunHistory.Entry> recent) {}

  private History history(String location, Instant now) {
    List<RunHistory.Entry> mine =
        new RunHistory(opener.state())
            .read().stream().filter(e -> e.repository().equals(location)).toList();
    RunHistory.Entry lastBackup = null;
    int failures = 0;
    Instant since = now.minus(HealthRules.FAILURE_WINDOW);
    for (RunHistory.Entry e : mine) {
      if (e.refused()) {
        continue;
      }
      if (e.operation().equals(RunHistory.Entry.BACKUP)) {
        lastBackup = e;
      }
      if (e.failed()
          && !e.operation().equals(RunHistory.Entry.RESTORE)
          && !e.startedAt().isBefore(since)) {
        failures++;
      }
    }
    List<RunHistory.Entry> recent = new ArrayList<>();
    for (int i = mine.size() - 1; i >= 0 && recent.size() < RECENT; i--) {
      recent.add(mine.get(i));
    }
    return new History(lastBackup, failures, recent);
  }

  /** What the repository shows; {@code unavailable} is null when it could be read. */
  private record Seen(
      String unavailable,
      int snapshots,
      SnapshotInfo newest,
      Instant newestTime,
      long repositoryBytes,
      Space space,
      int locks,
      List<String> stale) {}

  private Seen look(RepositoryOptions options, Instant now) throws IOException {
    Repository repo = opener.open(options, false).repository();
    var snapshots = repo.snapshots();
    SnapshotInfo newest = null;
    Instant newestTime = null;
    for (var e : snapshots.entrySet()) {
      SnapshotInfo info = SnapshotInfo.of(e.getKey(), e.getValue());
      try {
        Instant t = OffsetDateTime.parse(info.time()).toInstant();
        if (newestTime == null || t.isAfter(newestTime)) {
          newest = info;
          newestTime = t;
        }
      } catch (DateTimeParseException ex) {
        // A snapshot without a valid time cannot be the newest; listing reports it.
      }
    }
    long repositoryBytes = RepositoryUsage.of(repo.backend()).storedBytes();
    List<LockInfo> locks = RepositoryLock.list(repo);
    String host = RepositoryLock.hostname();
    OffsetDateTime at = now.atOffset(java.time.ZoneOffset.UTC);
    List<String> stale =
        locks.stream().filter(l -> l.isStale(host, at)).map(LockInfo::describe).toList();
    return new Seen(
        null,
        snapshots.size(),
        newest,
        newestTime,
        repositoryBytes,
        space(repo),
        locks.size(),
        stale);
  }

  /** The storage's space; unknown if the backend cannot tell or asking fails. */
  private static Space space(Repository repo) {
    try {
      return repo.backend().space().orElse(null);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
