package org.bdr.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bdr.testing.FileTree.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bdr.backend.LocalBackend;
import org.bdr.cli.CommandLineRunner;
import org.bdr.repo.Repository;
import org.bdr.repo.RepositoryLock;
import org.bdr.testing.FileTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporary files left by writes that were killed: check lists them as warnings and says how to
 * remove them; unlock removes those over an hour old when no lock is held, and no others.
 */
class LeftoverTempFilesTest {

  @TempDir Path tmp;

  Workbench bench;
  Path oldPack;
  Path youngIndex;
  Path userFile;
  Path outside;

  @BeforeEach
  void repositoryWithTwoLeftovers() throws Exception {
    bench = new Workbench(tmp);
    Path source = tmp.resolve("practice");
    FileTree.write(source, List.of(text("a.txt", "a\n")));
    bench.bdr("init").requireSuccess();
    bench.bdr("backup", source.toString()).requireSuccess();
    oldPack = bench.repo.resolve("data/ab/.bdr-tmp-0f3c2a9e-1b2c-4d5e-8f90-a1b2c3d4e5f6");
    Files.write(oldPack, new byte[1234]);
    Files.setLastModifiedTime(oldPack, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
    youngIndex = bench.repo.resolve("index/.bdr-tmp-77d1e0b4-0000-4111-9222-333344445555");
    Files.write(youngIndex, new byte[56]);
    userFile = bench.repo.resolve("referral-tmp-draft.docx");
    Files.writeString(userFile, "a letter");
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    outside = elsewhere.resolve("a".repeat(64) + "-tmp-123");
    Files.writeString(outside, "not the repository's");
    Files.createSymbolicLink(bench.repo.resolve("data/zz"), elsewhere);
    for (Path p : List.of(userFile, outside)) {
      Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
    }
  }

  @Test
  void check_leftovers_listsThemAsWarningsAndSaysHowToRemoveThem() {
    CommandLineRunner.Result check = bench.bdr("check");

    assertThat(check.exitCode()).as(check.stdout()).isZero();
    assertThat(check.stdout())
        .contains(
            "warning: leftover temporary file data/ab/.bdr-tmp-0f3c2a9e-1b2c-4d5e-8f90-a1b2c3d4e5f6 (1234 bytes")
        .contains(
            "warning: leftover temporary file index/.bdr-tmp-77d1e0b4-0000-4111-9222-333344445555 (56 bytes")
        .contains("'bdr unlock' removes it once it is an hour old")
        .contains("no errors were found");
  }

  @Test
  void unlock_noLockHeld_removesOnlyLeftoversOverAnHourOld() {
    CommandLineRunner.Result unlock = bench.bdr("unlock");

    assertThat(unlock.exitCode()).as(unlock.stderr()).isZero();
    assertThat(oldPack).doesNotExist();
    assertThat(youngIndex).exists();
    assertThat(userFile).as("a file that only looks temporary").exists();
    assertThat(outside).as("a file reached through a symlinked folder").exists();
    assertThat(unlock.stdout())
        .contains("removed 1 leftover temporary file(s)")
        .contains("kept 1 leftover temporary file(s)");
    assertThat(bench.bdr("check").requireSuccess().stdout())
        .doesNotContain(".bdr-tmp-0f3c2a9e-1b2c-4d5e-8f90-a1b2c3d4e5f6")
        .contains(".bdr-tmp-77d1e0b4-0000-4111-9222-333344445555");
  }

  @Test
  void unlock_lockHeld_removesNoLeftover() throws Exception {
    Repository repo =
        Repository.open(new LocalBackend(bench.repo), Workbench.PASSWORD.toCharArray());

    CommandLineRunner.Result unlock;
    try (RepositoryLock held = RepositoryLock.acquire(repo, false)) {
      unlock = bench.bdr("unlock");
    }

    assertThat(unlock.exitCode()).as(unlock.stderr()).isZero();
    assertThat(oldPack).exists();
    assertThat(youngIndex).exists();
    assertThat(unlock.stdout()).contains("kept 2 leftover temporary file(s)");
  }
}
