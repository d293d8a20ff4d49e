package org.bdr.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bdr.backend.LocalBackend;
import org.bdr.backup.Archiver;
import org.bdr.backup.BackupProgress;
import org.bdr.backup.BackupRequest;
import org.bdr.backup.BackupResult;
import org.bdr.backup.BackupType;
import org.bdr.repo.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Setuid, setgid and sticky bits come back with the permissions, on folders and files; a target the
 * restore creates is open to its user only.
 */
class RestoreModesTest {

  @TempDir Path tmp;

  @Test
  void restore_specialModeBits_restoredAsStored() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    Path shared = Files.createDirectories(data.resolve("shared-group"));
    Path sticky = Files.createDirectories(data.resolve("sticky"));
    Path tool = Files.writeString(data.resolve("tool.sh"), "#!/bin/sh\n");
    Files.writeString(shared.resolve("a.txt"), "a");
    setMode(shared, 02770);
    setMode(sticky, 01777);
    setMode(tool, 04755);
    Repository repo =
        Repository.init(
            new LocalBackend(tmp.resolve("repo")), "pw".toCharArray(), "3da3358b4dc173", "u", "h");
    BackupResult backup =
        new Archiver(repo, BackupProgress.NONE, () -> false)
            .run(new BackupRequest(List.of(data), List.of(), BackupType.FULL, null, "h"), null);
    Path target = tmp.resolve("restored");

    new Restorer(repo, n -> {}, () -> false)
        .restore(new RestoreRequest(backup.snapshot(), target, List.of()));

    Path restored = target.resolve(data.toString().substring(1));
    assertThat(mode(restored.resolve("shared-group"))).isEqualTo(02770);
    assertThat(mode(restored.resolve("sticky"))).isEqualTo(01777);
    assertThat(mode(restored.resolve("tool.sh"))).isEqualTo(04755);
    assertThat(mode(target)).as("a target the restore created").isEqualTo(0700);
  }

  @Test
  void restore_mtimeBefore1970WithFraction_keepsItsSecond() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("old"));
    Path letter = Files.writeString(data.resolve("letter.txt"), "1960");
    // Set with touch: Java itself cannot set such a time (the reason for this test).
    Process touch =
        new ProcessBuilder("touch", "-d", "1960-05-05 12:00:00.5 UTC", letter.toString())
            .inheritIO()
            .start();
    assertThat(touch.waitFor()).isZero();
    Repository repo =
        Repository.init(
            new LocalBackend(tmp.resolve("repo")), "pw".toCharArray(), "3da3358b4dc173", "u", "h");
    BackupResult backup =
        new Archiver(repo, BackupProgress.NONE, () -> false)
            .run(new BackupRequest(List.of(data), List.of(), BackupType.FULL, null, "h"), null);
    Path target = tmp.resolve("restored");

    new Restorer(repo, n -> {}, () -> false)
        .restore(new RestoreRequest(backup.snapshot(), target, List.of()));

    Path restored = target.resolve(data.toString().substring(1)).resolve("letter.txt");
    assertThat(Files.getLastModifiedTime(restored).toInstant())
        .isEqualTo(java.time.Instant.parse("1960-05-05T12:00:00Z"));
  }

  private static void setMode(Path p, int mode) throws Exception {
    Files.setAttribute(p, "unix:mode", mode);
  }

  private static int mode(Path p) throws Exception {
    return (Integer) Files.getAttribute(p, "unix:mode") & 07777;
  }
}
