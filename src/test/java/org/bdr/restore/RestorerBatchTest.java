package org.bdr.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
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
 * A restore registers files in batches to bound its memory; files whose blobs sit in one pack but
 * fall into different batches, and a file spanning several chunks, come back byte for byte.
 */
class RestorerBatchTest {

  @TempDir Path tmp;

  @Test
  void restore_manyBatches_everyFileIdentical() throws Exception {
    Random rnd = new Random(5);
    Path data = Files.createDirectories(tmp.resolve("data"));
    byte[] shared = new byte[3000];
    rnd.nextBytes(shared);
    for (int d = 0; d < 6; d++) {
      Path dir = Files.createDirectories(data.resolve("dir" + d));
      for (int f = 0; f < 9; f++) {
        byte[] own = new byte[rnd.nextInt(5000)];
        rnd.nextBytes(own);
        Files.write(dir.resolve("f" + f + ".bin"), f % 3 == 0 ? shared : own);
      }
    }
    byte[] big = new byte[3 * 1024 * 1024 + 17];
    rnd.nextBytes(big);
    Files.write(data.resolve("dir2/big.bin"), big);
    Files.write(data.resolve("empty.txt"), new byte[0]);
    Repository repo =
        Repository.init(
            new LocalBackend(tmp.resolve("repo")), "pw".toCharArray(), "3da3358b4dc173", "u", "h");
    BackupResult backup =
        new Archiver(repo, BackupProgress.NONE, () -> false)
            .run(new BackupRequest(List.of(data), List.of(), BackupType.FULL, null, "h"), null);
    Path target = tmp.resolve("restored");

    RestoreResult result =
        new Restorer(repo, n -> {}, () -> false, 7)
            .restore(new RestoreRequest(backup.snapshot(), target, List.of()));

    assertThat(result.failed()).isEmpty();
    assertThat(result.files()).isEqualTo(6 * 9 + 2);
    Path restored = target.resolve(data.toString().substring(1));
    try (var files = Files.walk(data)) {
      for (Path original : files.filter(Files::isRegularFile).toList()) {
        Path copy = restored.resolve(data.relativize(original).toString());
        assertThat(Files.readAllBytes(copy))
            .as(copy.toString())
            .isEqualTo(Files.readAllBytes(original));
      }
    }
    try (var left = Files.walk(target)) {
      assertThat(left.filter(p -> p.getFileName().toString().startsWith(".bdr-"))).isEmpty();
    }
  }
}
