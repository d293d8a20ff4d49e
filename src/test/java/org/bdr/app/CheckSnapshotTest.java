package org.bdr.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.bdr.check.CheckResult;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;
import org.bdr.repo.BlobLocation;
import org.bdr.repo.BlobType;
import org.bdr.repo.Id;
import org.bdr.repo.Repository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checking one snapshot walks only its trees and, deep, reads only the packs that hold its trees
 * and data: damage in another snapshot's packs is not its problem.
 */
class CheckSnapshotTest {

  private static final String LABS = "id,value\n1,7.2\n";

  @TempDir Path tmp;

  private RepositoryFixture fixture;
  private String first;
  private String second;
  private Set<Path> firstPacks;
  private Set<Path> secondPacks;

  @BeforeEach
  void twoSnapshotsWithTheirOwnPacks() throws Exception {
    fixture = new RepositoryFixture(tmp);
    Path a = RepositoryFixture.tree(tmp.resolve("a"), Map.of("notes.txt", "first visit\n"));
    Path b = RepositoryFixture.tree(tmp.resolve("b"), Map.of("labs.csv", LABS));
    first = fixture.backup(a, List.of(), null);
    firstPacks = fixture.packs();
    second = fixture.backup(b, List.of(), null);
    secondPacks = new HashSet<>(fixture.packs());
    secondPacks.removeAll(firstPacks);
    assertThat(secondPacks).isNotEmpty();
  }

  private CheckRepository.Outcome check(String ref, boolean readData) throws Exception {
    return new CheckRepository(fixture.opener)
        .run(fixture.options, ref, readData, n -> {}, () -> false);
  }

  @Test
  void run_oneSnapshotDeep_readsOnlyItsPacks() throws Exception {
    AtomicLong heard = new AtomicLong();

    CheckRepository.Outcome o =
        new CheckRepository(fixture.opener)
            .run(fixture.options, first, true, heard::addAndGet, () -> false);

    CheckResult r = o.result();
    assertThat(o.snapshot()).isEqualTo(first);
    assertThat(r.ok()).as("errors: %s", r.errors()).isTrue();
    assertThat(r.checkedSnapshots()).containsExactly(first);
    assertThat(r.snapshots()).isEqualTo(1);
    assertThat(r.packsRead()).isEqualTo(firstPacks.size());
    long firstBytes = 0;
    for (Path p : firstPacks) {
      firstBytes += Files.size(p);
    }
    assertThat(r.bytesRead()).isEqualTo(firstBytes);
    assertThat(heard.get()).isEqualTo(firstBytes);
  }

  @Test
  void run_allSnapshotsDeep_readsEveryPack() throws Exception {
    CheckRepository.Outcome o = check(null, true);

    assertThat(o.snapshot()).isNull();
    assertThat(o.result().checkedSnapshots()).containsExactly(first, second);
    assertThat(o.result().packsRead()).isEqualTo(firstPacks.size() + secondPacks.size());
  }

  @Test
  void run_damagedPackOfAnotherSnapshot_notReported() throws Exception {
    for (Path p : secondPacks) {
      RepositoryFixture.damage(p);
    }

    CheckResult quick = check(first, false).result();
    CheckResult deep = check(first, true).result();

    assertThat(quick.ok()).as("errors: %s", quick.errors()).isTrue();
    assertThat(deep.ok()).as("errors: %s", deep.errors()).isTrue();
    assertThat(deep.damagedPacks()).isEmpty();
    assertThat(deep.affectedSnapshots()).isEmpty();
    assertThat(check(null, true).result().ok()).as("the whole repository").isFalse();
  }

  @Test
  void run_damagedDataPackOfThisSnapshot_deepReportsItQuickDoesNot() throws Exception {
    Path pack = dataPackOf(LABS);
    RepositoryFixture.damage(pack);
    String name = pack.getFileName().toString();

    CheckResult quick = check(second, false).result();
    CheckResult deep = check(second, true).result();

    assertThat(quick.ok()).as("a quick check reads no file data: %s", quick.errors()).isTrue();
    assertThat(deep.ok()).isFalse();
    assertThat(deep.affectedSnapshots()).containsExactly(second.substring(0, 8));
    assertThat(deep.damagedPacks()).containsExactly(name);
    assertThat(deep.errors())
        .anySatisfy(e -> assertThat(e).contains("does not match its hash"))
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("is damaged and used by snapshot " + second.substring(0, 8)));
  }

  @Test
  void run_damagedTreePackOfThisSnapshot_quickReportsTheUnreadableTree() throws Exception {
    Path data = dataPackOf(LABS);
    for (Path p : secondPacks) {
      if (!p.equals(data)) {
        RepositoryFixture.damage(p);
      }
    }

    CheckResult quick = check(second, false).result();

    assertThat(quick.ok()).isFalse();
    assertThat(quick.errors()).anySatisfy(e -> assertThat(e).contains("cannot be read"));
    assertThat(check(first, false).result().ok()).isTrue();
  }

  /** The pack file holding the data blob of a small file's content. */
  private Path dataPackOf(String content) throws Exception {
    Repository repo = fixture.opener.open(fixture.options, false).repository();
    BlobLocation loc =
        repo.locate(BlobType.DATA, Id.hash(content.getBytes(StandardCharsets.UTF_8)));
    return secondPacks.stream()
        .filter(p -> p.getFileName().toString().equals(loc.pack().hex()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void run_truncatedPack_errorForItsSnapshotWarningForOthers() throws Exception {
    Path pack = secondPacks.iterator().next();
    byte[] bytes = Files.readAllBytes(pack);
    Files.write(pack, java.util.Arrays.copyOf(bytes, bytes.length - 10));
    String name = pack.getFileName().toString().substring(0, 8);

    CheckResult other = check(first, false).result();
    CheckResult own = check("latest", false).result();

    assertThat(other.ok()).isTrue();
    assertThat(other.warnings())
        .anySatisfy(w -> assertThat(w).contains("pack " + name).contains("no checked snapshot"));
    assertThat(own.ok()).isFalse();
    assertThat(own.checkedSnapshots()).containsExactly(second);
    assertThat(own.errors()).anySatisfy(e -> assertThat(e).startsWith("pack " + name + " has"));
  }

  @Test
  void run_unknownSnapshot_backupNotFound() {
    assertThatThrownBy(() -> check("deadbeef", true))
        .isInstanceOfSatisfying(
            BdrException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKUP_NOT_FOUND));
  }
}
