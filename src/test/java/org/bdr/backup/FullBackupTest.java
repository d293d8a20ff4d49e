package org.bdr.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bdr.backend.LocalBackend;
import org.bdr.repo.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full backup reads every file and names its parent: files the parent holds count as changed
 * (read again), the others as new; "unchanged" is kept for files taken over unread.
 */
class FullBackupTest {

  @TempDir Path tmp;

  @Test
  void run_fullWithParent_readsAllAndNamesParent() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    Files.writeString(data.resolve("same.txt"), "unchanged chart");
    Files.writeString(data.resolve("edited.txt"), "first version");
    Repository repo =
        Repository.init(
            new LocalBackend(tmp.resolve("repo")), "pw".toCharArray(), "3da3358b4dc173", "u", "h");
    Archiver archiver = new Archiver(repo, BackupProgress.NONE, () -> false);
    BackupResult first =
        archiver.run(
            new BackupRequest(List.of(data), List.of(), BackupType.INCREMENTAL, null, "h"), null);
    Files.writeString(data.resolve("edited.txt"), "second version, longer");
    Files.writeString(data.resolve("added.txt"), "new letter");

    BackupResult full =
        archiver.run(
            new BackupRequest(List.of(data), List.of(), BackupType.FULL, null, "h"),
            first.snapshot());

    assertThat(full.parent()).isEqualTo(first.snapshot());
    assertThat(full.filesUnchanged()).isZero();
    assertThat(full.filesChanged()).isEqualTo(2);
    assertThat(full.filesNew()).isEqualTo(1);
    assertThat(full.bytesRead())
        .isEqualTo("unchanged chart".length() + "second version, longer".length() + 10);
  }
}
