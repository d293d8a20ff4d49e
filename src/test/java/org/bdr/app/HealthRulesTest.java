package org.bdr.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.bdr.backend.Space;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each status rule, as a table: what was observed, the reasons, the health. */
class HealthRulesTest {

  static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
  static final long GIB = 1L << 30;

  static SnapshotInfo snapshot(boolean partial) {
    return new SnapshotInfo(
        "ab".repeat(32),
        "abababab",
        "2026-12-04T10:00:00Z",
        "host",
        List.of("/srv"),
        null,
        "incremental",
        10,
        100,
        partial,
        List.of(),
        null);
  }

  static SnapshotInfo blocked() {
    SnapshotInfo s = snapshot(true);
    return new SnapshotInfo(
        s.id(),
        s.shortId(),
        s.time(),
        s.host(),
        s.paths(),
        s.label(),
        s.type(),
        s.files(),
        s.size(),
        true,
        List.of(),
        new PhiBrief("block", "medium", 2, 0, 5, java.util.Map.of("NAME", 5L), 2, false));
  }

  static RunHistory.Entry backup(String outcome, String code) {
    return new RunHistory.Entry(
        "backup", "2026-12-04T10:00:00Z", "2026-12-04T10:01:00Z", outcome, code, null, 0, 0, "r");
  }

  static Space free(double percent) {
    long total = 1000 * GIB;
    return new Space(Math.round(total * percent / 100), total);
  }

  /** An observation to adjust: by default healthy (2-hour-old snapshot, good run, half free). */
  static final class Given {
    String unavailable;
    int snapshots = 5;
    SnapshotInfo newest = snapshot(false);
    Instant newestTime = NOW.minus(Duration.ofHours(2));
    RunHistory.Entry lastRun = backup("ok", null);
    int failures;
    Space space = new Space(50 * GIB, 100 * GIB);
    List<String> staleLocks = List.of();

    Given age(Duration age) {
      newestTime = NOW.minus(age);
      return this;
    }

    Given noSnapshot() {
      snapshots = 0;
      newest = null;
      newestTime = null;
      return this;
    }

    Given unavailable(String why) {
      unavailable = why;
      return noSnapshot();
    }

    Given newest(SnapshotInfo s) {
      newest = s;
      return this;
    }

    Given lastRun(RunHistory.Entry e) {
      lastRun = e;
      return this;
    }

    Given failures(int n) {
      failures = n;
      return this;
    }

    Given space(Space s) {
      space = s;
      return this;
    }

    Given staleLocks(String... described) {
      staleLocks = List.of(described);
      return this;
    }

    HealthRules.Observed observed() {
      return new HealthRules.Observed(
          NOW, unavailable, snapshots, newest, newestTime, lastRun, failures, space, staleLocks);
    }
  }

  static Given given() {
    return new Given();
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("all well", given(), "healthy", List.of(), ""),
        Arguments.of(
            "26 hours exactly", given().age(Duration.ofHours(26)), "healthy", List.of(), ""),
        Arguments.of(
            "over 26 hours",
            given().age(Duration.ofHours(30)),
            "warning",
            List.of("warning LAST_BACKUP_OLD"),
            "the newest snapshot is 30 hours old (abababab, 2026-12-03T06:00:00Z), over 26 hours"),
        Arguments.of(
            "7 days exactly",
            given().age(Duration.ofDays(7)),
            "warning",
            List.of("warning LAST_BACKUP_OLD"),
            "168 hours old"),
        Arguments.of(
            "over 7 days",
            given().age(Duration.ofDays(9)),
            "critical",
            List.of("critical LAST_BACKUP_OLD"),
            "the newest snapshot is 9 days old (abababab, 2026-11-25T12:00:00Z), over 7 days"),
        Arguments.of(
            "no snapshot",
            given().noSnapshot(),
            "critical",
            List.of("critical NO_BACKUP"),
            "holds no snapshot"),
        Arguments.of(
            "newest snapshot partial",
            given().newest(snapshot(true)),
            "warning",
            List.of("warning LAST_BACKUP_PARTIAL"),
            "abababab is partial: some files could not be read"),
        Arguments.of(
            "newest snapshot partial by PHI blocking",
            given().newest(blocked()),
            "warning",
            List.of("warning LAST_BACKUP_PARTIAL"),
            "blocked for holding PHI"),
        Arguments.of(
            "last backup run failed",
            given().lastRun(backup("failed", "DISK_FULL")).failures(1),
            "critical",
            List.of("critical LAST_BACKUP_FAILED", "warning RECENT_FAILURES"),
            "the last backup, started 2026-12-04T10:00:00Z, failed with DISK_FULL"),
        Arguments.of(
            "last backup run cancelled",
            given().lastRun(backup("cancelled", "CANCELLED")),
            "healthy",
            List.of(),
            ""),
        Arguments.of(
            "earlier failures",
            given().failures(3),
            "warning",
            List.of("warning RECENT_FAILURES"),
            "3 backups or checks failed in the last 7 days"),
        Arguments.of("20% free", given().space(free(20)), "healthy", List.of(), ""),
        Arguments.of(
            "under 20% free",
            given().space(free(19.5)),
            "warning",
            List.of("warning LOW_SPACE"),
            "only 19.5% of the repository's storage is free (195.0 GiB of 1000.0 GiB), under 20%"),
        Arguments.of(
            "5% free", given().space(free(5)), "warning", List.of("warning LOW_SPACE"), "5.0%"),
        Arguments.of(
            "under 5% free",
            given().space(free(4)),
            "critical",
            List.of("critical LOW_SPACE"),
            "only 4.0% of the repository's storage is free"),
        Arguments.of("space unknown", given().space(null), "healthy", List.of(), ""),
        Arguments.of(
            "lock of a dead process",
            given().staleLocks("a shared lock by PID 4242 on host"),
            "warning",
            List.of("warning STALE_LOCK"),
            "1 lock was left by a process that is gone (a shared lock by PID 4242 on host): run"
                + " 'bdr unlock' to remove it"),
        Arguments.of(
            "repository unavailable",
            given().unavailable("wrong password"),
            "critical",
            List.of("critical REPOSITORY_UNAVAILABLE"),
            "the repository cannot be read: wrong password"),
        Arguments.of(
            "warnings and a critical, critical first",
            given().failures(2).space(free(2)).staleLocks("x"),
            "critical",
            List.of("critical LOW_SPACE", "warning RECENT_FAILURES", "warning STALE_LOCK"),
            "2 backups or checks failed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void judge_observation_reasonsAndHealth(
      String name, Given given, String health, List<String> reasons, String message) {
    List<BackupStatus.Reason> out = HealthRules.judge(given.observed());

    assertThat(out).extracting(r -> r.severity() + " " + r.code()).isEqualTo(reasons);
    assertThat(HealthRules.health(out)).isEqualTo(health);
    if (!message.isEmpty()) {
      assertThat(out).anySatisfy(r -> assertThat(r.message()).contains(message));
    }
  }
}
