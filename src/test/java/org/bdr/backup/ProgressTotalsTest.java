package org.bdr.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bdr.backend.LocalBackend;
import org.bdr.phi.Sensitivity;
import org.bdr.repo.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The totals a progress listener is told count what the backup will read, and nothing else. */
class ProgressTotalsTest {

  @TempDir Path tmp;

  @Test
  void run_blockPolicy_totalsLeaveOutAFolderKeptOutForItsName() throws Exception {
    Path data = practice();

    Totals totals = backUp(data, PhiPolicy.BLOCK);

    assertThat(totals.files).isEqualTo(1);
    assertThat(totals.bytes).isEqualTo("room 4 at nine".length());
    assertThat(totals.filesDone).isEqualTo(1);
  }

  @Test
  void run_reportPolicy_totalsCountEveryFile() throws Exception {
    Path data = practice();

    Totals totals = backUp(data, PhiPolicy.REPORT);

    assertThat(totals.files).isEqualTo(3);
    assertThat(totals.bytes)
        .isEqualTo(
            "room 4 at nine".length() + "follow-up in two weeks".length() + "normal".length());
    assertThat(totals.filesDone).isEqualTo(3);
  }

  /** A clinic folder with one file, and a folder named after a patient with two. */
  private Path practice() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    Files.writeString(
        Files.createDirectories(data.resolve("clinic")).resolve("s.txt"), "room 4 at nine");
    Path patient = Files.createDirectories(data.resolve("Thistlewood, Jane"));
    Files.writeString(patient.resolve("visit.txt"), "follow-up in two weeks");
    Files.writeString(patient.resolve("labs.txt"), "normal");
    return data;
  }

  private Totals backUp(Path data, PhiPolicy policy) throws Exception {
    Repository repo =
        Repository.init(
            new LocalBackend(tmp.resolve("repo-" + policy)),
            "pw".toCharArray(),
            "3da3358b4dc173",
            "u",
            "h");
    Totals totals = new Totals();
    new Archiver(repo, totals, () -> false)
        .run(
            new BackupRequest(
                List.of(data),
                List.of(),
                BackupType.INCREMENTAL,
                null,
                "h",
                new PhiCheck(policy, Sensitivity.MEDIUM)),
            null);
    return totals;
  }

  /** Records the final totals; a finished file waits for them, so none is missed to a race. */
  private static final class Totals implements BackupProgress {
    final CountDownLatch counted = new CountDownLatch(1);
    volatile long files = -1;
    volatile long bytes = -1;
    volatile int filesDone;

    @Override
    public boolean wantsTotals() {
      return true;
    }

    @Override
    public void total(long files, long bytes, boolean scanDone) {
      if (scanDone) {
        this.files = files;
        this.bytes = bytes;
        counted.countDown();
      }
    }

    @Override
    public synchronized void fileDone(String path, long bytes) {
      filesDone++;
      try {
        counted.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
