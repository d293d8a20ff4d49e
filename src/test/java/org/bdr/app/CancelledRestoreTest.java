package org.bdr.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restore cancelled while its pack workers are writing leaves no partial file behind. */
class CancelledRestoreTest {

  @TempDir Path tmp;

  @Test
  void run_cancelledWhilePacksAreWritten_leavesNoTemporaryFile() throws Exception {
    RepositoryFixture fixture = new RepositoryFixture(tmp);
    Path data = Files.createDirectories(tmp.resolve("data"));
    byte[] noise = new byte[64 << 20];
    new Random(7).nextBytes(noise);
    Files.write(data.resolve("scan.bin"), noise);
    String snapshot = fixture.backup(data, List.of(), null);
    Path target = tmp.resolve("restored");
    AtomicLong written = new AtomicLong();

    assertThatThrownBy(
            () ->
                new RestoreSnapshot(fixture.opener)
                    .run(
                        fixture.options,
                        snapshot,
                        List.of(),
                        target,
                        List.of(),
                        written::addAndGet,
                        () -> written.get() > (1 << 20)))
        .isInstanceOfSatisfying(
            BdrException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED));
    // Workers left running would write on for a moment after the call returned.
    Thread.sleep(1000);

    try (Stream<Path> all = Files.walk(target)) {
      assertThat(all.map(p -> p.getFileName().toString()))
          .noneMatch(name -> name.startsWith(".bdr-restore-"));
    }
  }
}
