package org.bdr.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bdr.backend.LocalBackend;
import org.bdr.repo.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An unchanged tree is taken over from the parent; a change anywhere gives a new root tree. */
class UnchangedTreeTest {

  @TempDir Path tmp;

  @Test
  void run_unchangedThenChanged_rootTreeReusedThenReplaced() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data/letters/2026"));
    Files.writeString(data.resolve("a.txt"), "first");
    Files.writeString(tmp.resolve("data/b.csv"), "1,2");
    Repository repo =
        Repository.init(
            new LocalBackend(tmp.resolve("repo")), "pw".toCharArray(), "3da3358b4dc173", "u", "h");
    BackupRequest request =
        new BackupRequest(
            List.of(tmp.resolve("data")), List.of(), BackupType.INCREMENTAL, null, "h");
    Archiver archiver = new Archiver(repo, BackupProgress.NONE, () -> false);

    BackupResult first = archiver.run(request, null);
    BackupResult second = archiver.run(request, first.snapshot());
    Files.writeString(data.resolve("a.txt"), "second, longer");
    BackupResult third = archiver.run(request, second.snapshot());

    assertThat(tree(repo, second)).isEqualTo(tree(repo, first));
    assertThat(third.filesChanged()).isEqualTo(1);
    assertThat(tree(repo, third)).isNotEqualTo(tree(repo, second));
  }

  private static String tree(Repository repo, BackupResult r) throws Exception {
    return repo.loadSnapshot(r.snapshot()).tree();
  }
}
