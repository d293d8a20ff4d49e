package org.bdr.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bdr.app.RestoreSnapshot.Plan;
import org.bdr.app.RestoreSnapshot.PlanEntry;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A restore plan says per entry what a restore would do, and writes nothing. */
class RestorePlanTest {

  private static final Map<String, String> FILES =
      Map.of(
          "visits/2026-01.csv", "id,date\n1,2026-01-05\n",
          "visits/2026-02.csv", "id,date\n2,2026-02-11\n3,2026-02-12\n",
          "letters/referral.txt", "Dear colleague,\n");

  @TempDir Path tmp;

  private RepositoryFixture fixture;
  private Path data;
  private String prefix;
  private String snapshot;

  @BeforeEach
  void oneBackup() throws Exception {
    fixture = new RepositoryFixture(tmp);
    data = RepositoryFixture.tree(tmp.resolve("data"), FILES);
    Files.createSymbolicLink(data.resolve("current"), Path.of("visits/2026-02.csv"));
    prefix = data.toString().substring(1);
    snapshot = fixture.backup(data, List.of(), null);
  }

  private Plan plan(Path target, List<String> includes, int limit) throws Exception {
    return new RestoreSnapshot(fixture.opener)
        .plan(fixture.options, snapshot.substring(0, 8), List.of(), target, includes, limit);
  }

  private static long totalSize() {
    return FILES.values().stream().mapToLong(String::length).sum();
  }

  @Test
  void plan_missingTarget_createsEverythingInTreeOrder() throws Exception {
    Path target = tmp.resolve("new");

    Plan p = plan(target, List.of(), 100);

    assertThat(p.snapshot()).isEqualTo(snapshot);
    assertThat(p.target()).isEqualTo(target.toString());
    assertThat(p.targetState()).isEqualTo("missing");
    List<String> paths = p.entries().stream().map(PlanEntry::path).toList();
    assertThat(paths)
        .endsWith(
            prefix,
            prefix + "/current",
            prefix + "/letters",
            prefix + "/letters/referral.txt",
            prefix + "/visits",
            prefix + "/visits/2026-01.csv",
            prefix + "/visits/2026-02.csv");
    assertThat(paths.get(0)).isEqualTo(prefix.substring(0, prefix.indexOf('/')));
    assertThat(p.entries()).allSatisfy(e -> assertThat(e.action()).isEqualTo("create"));
    assertThat(p.entries()).allSatisfy(e -> assertThat(e.existingMtime()).isNull());
    assertThat(entry(p, "/current").type()).isEqualTo("symlink");
    assertThat(entry(p, "/visits").type()).isEqualTo("dir");
    assertThat(entry(p, "/visits/2026-02.csv").size())
        .isEqualTo(FILES.get("visits/2026-02.csv").length());
    assertThat(p.files()).isEqualTo(3);
    assertThat(p.bytes()).isEqualTo(totalSize());
    assertThat(p.conflicts()).isZero();
    assertThat(p.identical()).isZero();
    assertThat(p.truncated()).isFalse();
    assertThat(target).doesNotExist();
  }

  @Test
  void plan_emptyTarget_saysEmptyAndCreates() throws Exception {
    Path target = Files.createDirectory(tmp.resolve("empty"));

    Plan p = plan(target, List.of(), 100);

    assertThat(p.targetState()).isEqualTo("empty");
    assertThat(p.entries()).allSatisfy(e -> assertThat(e.action()).isEqualTo("create"));
    assertThat(fingerprint(target)).isEmpty();
  }

  @Test
  void plan_afterRestore_everythingIdenticalAndSkipped() throws Exception {
    Path target = restored();

    Plan p = plan(target, List.of(), 100);

    assertThat(p.targetState()).isEqualTo("not-empty");
    assertThat(p.entries()).allSatisfy(e -> assertThat(e.action()).isEqualTo("skip"));
    assertThat(p.identical()).as("3 files and a symlink").isEqualTo(4);
    assertThat(p.conflicts()).isZero();
    PlanEntry visit = entry(p, "/visits/2026-01.csv");
    assertThat(visit.existingSize()).isEqualTo(visit.size());
    assertThat(visit.existingMtime()).isNotNull();
  }

  @Test
  void plan_changedFile_overwriteWithBothVersions() throws Exception {
    Path target = restored();
    Path file = target.resolve(prefix).resolve("visits/2026-01.csv");
    Files.writeString(file, "id,date\n1,2026-01-06 corrected\n");
    Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L));
    Map<String, String> before = fingerprint(target);

    Plan p = plan(target, List.of(), 100);

    PlanEntry e = entry(p, "/visits/2026-01.csv");
    assertThat(e.action()).isEqualTo("overwrite");
    assertThat(e.size()).isEqualTo(FILES.get("visits/2026-01.csv").length());
    assertThat(e.existingSize()).isEqualTo(Files.size(file));
    assertThat(e.existingMtime()).isNotEqualTo(e.mtime());
    assertThat(java.time.OffsetDateTime.parse(e.existingMtime()).toInstant())
        .isEqualTo(java.time.Instant.ofEpochMilli(1_700_000_000_000L));
    assertThat(p.conflicts()).isEqualTo(1);
    assertThat(p.identical()).isEqualTo(3);
    assertThat(fingerprint(target)).as("a plan writes nothing").isEqualTo(before);
  }

  @Test
  void plan_sameSizeOtherMtime_overwrite() throws Exception {
    Path target = restored();
    Path file = target.resolve(prefix).resolve("letters/referral.txt");
    Files.setLastModifiedTime(file, FileTime.fromMillis(1_600_000_000_000L));

    PlanEntry e = entry(plan(target, List.of(), 100), "/letters/referral.txt");

    assertThat(e.action()).isEqualTo("overwrite");
    assertThat(e.existingSize()).isEqualTo(e.size());
  }

  @Test
  void plan_folderReplacedBySymlinkInTarget_conflictAndNothingReadThroughIt() throws Exception {
    Path target = Files.createDirectories(tmp.resolve("t").resolve(prefix));
    Path elsewhere = RepositoryFixture.tree(tmp.resolve("elsewhere"), FILES);
    Files.createSymbolicLink(target.resolve("visits"), elsewhere.resolve("visits"));

    Plan p = plan(tmp.resolve("t"), List.of(), 100);

    assertThat(entry(p, "/visits").action()).isEqualTo("overwrite");
    assertThat(entry(p, "/visits").existingSize()).isNull();
    assertThat(entry(p, "/visits/2026-01.csv").action()).isEqualTo("create");
    assertThat(entry(p, "/visits/2026-01.csv").existingMtime()).isNull();
  }

  @Test
  void plan_includes_onlyMatchesAndTheirFolders() throws Exception {
    Plan csv = plan(tmp.resolve("t"), List.of("*.csv"), 100);
    Plan letters = plan(tmp.resolve("t"), List.of("letters"), 100);

    assertThat(csv.entries().stream().map(PlanEntry::path))
        .endsWith(
            prefix,
            prefix + "/visits",
            prefix + "/visits/2026-01.csv",
            prefix + "/visits/2026-02.csv");
    assertThat(csv.files()).isEqualTo(2);
    assertThat(csv.bytes())
        .isEqualTo(
            FILES.get("visits/2026-01.csv").length() + FILES.get("visits/2026-02.csv").length());
    assertThat(letters.entries().stream().map(PlanEntry::path))
        .endsWith(prefix, prefix + "/letters", prefix + "/letters/referral.txt");
    assertThat(letters.files()).isEqualTo(1);
  }

  @Test
  void plan_limit_truncatesEntriesButCountsAll() throws Exception {
    Path target = restored();
    Files.writeString(target.resolve(prefix).resolve("visits/2026-02.csv"), "changed");

    Plan p = plan(target, List.of(), 2);
    Plan none = plan(target, List.of(), 0);

    assertThat(p.entries()).hasSize(2);
    assertThat(p.truncated()).isTrue();
    assertThat(p.files()).isEqualTo(3);
    assertThat(p.bytes()).isEqualTo(totalSize());
    assertThat(p.conflicts()).isEqualTo(1);
    assertThat(p.identical()).isEqualTo(3);
    assertThat(none.entries()).isEmpty();
    assertThat(none.files()).isEqualTo(3);
    assertThat(none.truncated()).isTrue();
  }

  @Test
  void plan_badArguments_invalidArgument() throws Exception {
    Path file = Files.writeString(tmp.resolve("a-file"), "x");

    assertThat(code(() -> plan(tmp.resolve("t"), List.of("*.dcm"), 10)))
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(code(() -> plan(tmp.resolve("t"), List.of(), -1)))
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(code(() -> plan(file, List.of(), 10))).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(
            code(
                () ->
                    new RestoreSnapshot(fixture.opener)
                        .plan(fixture.options, "0000", List.of(), tmp.resolve("t"), List.of(), 1)))
        .isEqualTo(ErrorCode.BACKUP_NOT_FOUND);
    assertThat(tmp.resolve("t")).doesNotExist();
  }

  @Test
  void run_nonEmptyTarget_conflictSaysWhatIsMissing() throws Exception {
    Path target = Files.createDirectories(tmp.resolve("busy"));
    Files.writeString(target.resolve("keep.txt"), "mine");

    assertThatThrownBy(
            () ->
                new RestoreSnapshot(fixture.opener)
                    .run(
                        fixture.options,
                        "latest",
                        List.of(),
                        target,
                        List.of(),
                        n -> {},
                        () -> false))
        .isInstanceOfSatisfying(
            BdrException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.RESTORE_CONFLICT);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "restore target "
                          + target
                          + " already holds files; restoring over existing files needs the safe"
                          + " restore (plan, confirmation, safety backup), which bdr does not"
                          + " have yet");
              assertThat(e.recovery())
                  .isEqualTo(
                      "restore into a new or empty folder, or do a dry run (restore --dry-run,"
                          + " or dryRun in restore_backup) to see what would change");
            });
    assertThat(fingerprint(target)).containsOnlyKeys("keep.txt");
  }

  /** A target holding a full restore of the snapshot. */
  private Path restored() throws Exception {
    Path target = tmp.resolve("restored");
    new RestoreSnapshot(fixture.opener)
        .run(fixture.options, snapshot, List.of(), target, List.of(), n -> {}, () -> false);
    return target;
  }

  private PlanEntry entry(Plan p, String underData) {
    return p.entries().stream()
        .filter(e -> e.path().equals(prefix + underData))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no entry " + underData + " in " + p.entries()));
  }

  private interface Call {
    Object run() throws Exception;
  }

  private static ErrorCode code(Call call) throws Exception {
    try {
      call.run();
    } catch (BdrException e) {
      return e.code();
    }
    throw new AssertionError("no error");
  }

  private static Map<String, String> fingerprint(Path root) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.toList()) {
        if (!p.equals(root)) {
          out.put(
              root.relativize(p).toString(),
              Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                  ? "dir"
                  : Files.size(p) + "@" + Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS));
        }
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"repo/snapshots/x", "repo/newdir", "link/keys/zz"})
  void restoreAndPlan_targetInsideTheRepository_areRefused(String relative) throws Exception {
    Files.createSymbolicLink(tmp.resolve("link"), fixture.repo);
    Path target = tmp.resolve(relative);
    RestoreSnapshot restore = new RestoreSnapshot(fixture.opener);

    assertThatThrownBy(
            () ->
                restore.run(
                    fixture.options, snapshot, List.of(), target, List.of(), b -> {}, () -> false))
        .isInstanceOfSatisfying(
            BdrException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    assertThatThrownBy(() -> plan(target, List.of(), 10)).isInstanceOf(BdrException.class);
    assertThat(target).doesNotExist();
  }
}
