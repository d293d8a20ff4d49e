package org.bdr.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.bdr.backend.FileType;
import org.bdr.repo.LockInfo;
import org.bdr.repo.RepositoryLock;
import org.bdr.testing.ScratchRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status of a real repository and history, judged at a fixed time. */
class BackupStatusTest {

  static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

  @TempDir Path tmp;
  ScratchRepository scratch;
  RunHistory history;

  @BeforeEach
  void create() throws IOException {
    scratch = new ScratchRepository(tmp);
    history = new RunHistory(new StateFolder(scratch.home));
  }

  private BackupStatus.Report status() {
    return new BackupStatus(scratch.opener(), Clock.fixed(NOW, ZoneOffset.UTC))
        .run(scratch.options());
  }

  private RunHistory.Entry run(String operation, Duration ago, String outcome, String code) {
    String at = NOW.minus(ago).toString();
    String snapshot = outcome.equals("ok") && operation.equals("backup") ? "0123abcd" : null;
    return new RunHistory.Entry(
        operation, at, at, outcome, code, snapshot, 3, 30, scratch.repo.toString());
  }

  @Test
  void run_freshSnapshotAndGoodRun_healthyWithTheFacts() throws IOException {
    String id =
        scratch
            .snapshot(NOW.minus(Duration.ofHours(3)), List.of("/srv"), "full", null, 4096, false)
            .hex();
    history.append(run("backup", Duration.ofHours(3), "ok", null));

    BackupStatus.Report r = status();

    long onDisk;
    try (Stream<Path> files = Files.walk(scratch.repo)) {
      onDisk = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    var store = Files.getFileStore(scratch.repo);
    assertThat(r.reasons()).isEmpty();
    assertThat(r.health()).isEqualTo("healthy");
    assertThat(r.lastBackup().id()).isEqualTo(id);
    assertThat(r.lastRun()).isEqualTo(run("backup", Duration.ofHours(3), "ok", null));
    assertThat(r.storage().repositoryBytes()).isEqualTo(onDisk);
    assertThat(r.storage().snapshots()).isEqualTo(1);
    assertThat(r.storage().totalBytes()).isEqualTo(store.getTotalSpace());
    assertThat(r.storage().freePercent())
        .isBetween(0.0, 100.0)
        .isCloseTo(r.storage().freeBytes() * 100.0 / r.storage().totalBytes(), within());
    assertThat(r.locks()).isEqualTo(new BackupStatus.LockState(0, List.of()));
    assertThat(r.repository()).isEqualTo(scratch.repo.toString());
  }

  @Test
  void run_refusedRequestsAfterAGoodBackup_stayHealthyAndKeepTheLastRun() throws IOException {
    scratch.snapshot(NOW.minus(Duration.ofHours(3)), List.of("/srv"), "full", null, 4096, false);
    history.append(run("backup", Duration.ofHours(3), "ok", null));
    history.append(run("backup", Duration.ofHours(2), "failed", "INVALID_ARGUMENT"));
    history.append(run("check", Duration.ofHours(1), "failed", "BACKUP_NOT_FOUND"));
    history.append(run("backup", Duration.ofMinutes(30), "failed", "PHI_DETECTED"));

    BackupStatus.Report r = status();

    assertThat(r.health()).isEqualTo("healthy");
    assertThat(r.failuresLast7Days()).isZero();
    assertThat(r.lastRun()).isEqualTo(run("backup", Duration.ofHours(3), "ok", null));
    assertThat(r.recent()).hasSize(4);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.05);
  }

  @Test
  void run_emptyRepository_criticalNoBackup() {
    BackupStatus.Report r = status();

    assertThat(r.health()).isEqualTo("critical");
    assertThat(r.reasons()).extracting(BackupStatus.Reason::code).containsExactly("NO_BACKUP");
    assertThat(r.lastBackup()).isNull();
    assertThat(r.lastRun()).isNull();
  }

  @Test
  void run_newestSnapshotTwoDaysOld_warningWithItsAge() throws IOException {
    scratch.snapshot(NOW.minus(Duration.ofDays(9)), List.of("/srv"), "full", null, 1, false);
    scratch.snapshot(NOW.minus(Duration.ofHours(50)), List.of("/srv"), "full", null, 1, false);

    BackupStatus.Report r = status();

    assertThat(r.health()).isEqualTo("warning");
    assertThat(r.reasons())
        .extracting(BackupStatus.Reason::message)
        .singleElement()
        .asString()
        .startsWith("the newest snapshot is 50 hours old");
  }

  @Test
  void run_history_countsThisRepositorysFailuresOfTheLastSevenDays() throws IOException {
    scratch.snapshot(NOW.minus(Duration.ofHours(1)), List.of("/srv"), "full", null, 1, false);
    history.append(run("backup", Duration.ofDays(8), "failed", "DISK_FULL"));
    history.append(run("check", Duration.ofDays(6), "failed", "BACKUP_CORRUPTED"));
    history.append(run("restore", Duration.ofDays(5), "failed", "RESTORE_CONFLICT"));
    history.append(run("backup", Duration.ofDays(2), "cancelled", "CANCELLED"));
    history.append(run("backup", Duration.ofHours(2), "failed", "SOURCE_NOT_FOUND"));
    history.append(
        new RunHistory.Entry(
            "backup",
            NOW.toString(),
            NOW.toString(),
            "failed",
            "DISK_FULL",
            null,
            0,
            0,
            "/elsewhere"));

    BackupStatus.Report r = status();

    assertThat(r.failuresLast7Days()).isEqualTo(2);
    assertThat(r.lastRun().errorCode()).isEqualTo("SOURCE_NOT_FOUND");
    assertThat(r.health()).isEqualTo("critical");
    assertThat(r.reasons())
        .extracting(BackupStatus.Reason::code)
        .containsExactly("LAST_BACKUP_FAILED", "RECENT_FAILURES");
    assertThat(r.recent())
        .extracting(RunHistory.Entry::errorCode)
        .containsExactly(
            "SOURCE_NOT_FOUND", "CANCELLED", "RESTORE_CONFLICT", "BACKUP_CORRUPTED", "DISK_FULL");
  }

  @Test
  void run_longHistory_recentHoldsTheTenNewest() throws IOException {
    scratch.snapshot(NOW.minus(Duration.ofHours(1)), List.of("/srv"), "full", null, 1, false);
    for (int i = 30; i >= 1; i--) {
      history.append(run("backup", Duration.ofHours(i), "ok", null));
    }

    BackupStatus.Report r = status();

    assertThat(r.recent()).hasSize(10);
    assertThat(r.recent().get(0)).isEqualTo(run("backup", Duration.ofHours(1), "ok", null));
    assertThat(r.recent().get(9)).isEqualTo(run("backup", Duration.ofHours(10), "ok", null));
  }

  @Test
  void run_lockOfADeadProcess_warningNamingUnlock() throws Exception {
    scratch.snapshot(NOW.minus(Duration.ofHours(1)), List.of("/srv"), "full", null, 1, false);
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    lock(gone.pid());
    lock(ProcessHandle.current().pid());

    BackupStatus.Report r = status();

    assertThat(r.health()).isEqualTo("warning");
    assertThat(r.locks().held()).isEqualTo(2);
    assertThat(r.locks().stale()).singleElement().asString().contains("PID " + gone.pid());
    assertThat(r.reasons())
        .singleElement()
        .satisfies(
            reason -> {
              assertThat(reason.code()).isEqualTo("STALE_LOCK");
              assertThat(reason.message()).contains("bdr unlock").contains("PID " + gone.pid());
            });
  }

  private void lock(long pid) throws IOException {
    LockInfo info =
        new LockInfo(
            NOW.atOffset(ZoneOffset.UTC).toString(),
            false,
            RepositoryLock.hostname(),
            "user",
            pid,
            1000,
            1000);
    scratch.repository().saveUnpacked(FileType.LOCK, new ObjectMapper().writeValueAsBytes(info));
  }

  @Test
  void run_wrongPassword_criticalUnavailableWithoutThrowing() throws IOException {
    history.append(run("backup", Duration.ofHours(2), "ok", null));
    Files.writeString(scratch.passwordFile, "not the password\n");

    BackupStatus.Report r = status();

    assertThat(r.health()).isEqualTo("critical");
    assertThat(r.reasons())
        .singleElement()
        .satisfies(
            reason -> {
              assertThat(reason.code()).isEqualTo("REPOSITORY_UNAVAILABLE");
              assertThat(reason.message()).startsWith("the repository cannot be read: ");
            });
    assertThat(r.storage()).isEqualTo(new BackupStatus.Storage(-1, -1, -1, -1, -1));
    assertThat(r.lastRun()).isNotNull();
    assertThat(r.locks().held()).isEqualTo(-1);
  }

  @Test
  void run_noRepositoryThere_criticalUnavailable() {
    BackupStatus.Report r =
        new BackupStatus(scratch.opener(), Clock.fixed(NOW, ZoneOffset.UTC))
            .run(
                new RepositoryOptions(
                    tmp.resolve("missing").toString(), scratch.passwordFile.toString(), null));

    assertThat(r.reasons())
        .extracting(BackupStatus.Reason::code)
        .containsExactly("REPOSITORY_UNAVAILABLE");
  }
}
