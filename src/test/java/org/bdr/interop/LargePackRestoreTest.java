package org.bdr.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bdr.testing.BdrProcess;
import org.bdr.testing.ResticBinary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restore holds a bounded amount of pack data whatever the pack size and the number of
 * processors: restic's 64 MiB packs restore on 16 processors within a 96 MiB heap.
 */
class LargePackRestoreTest {

  @TempDir Path tmp;

  @Test
  void restore_resticLargePacksManyProcessorsSmallHeap_fileIdentical() throws Exception {
    ResticBinary.require();
    Workbench bench = new Workbench(tmp);
    Path source = Files.createDirectories(tmp.resolve("imaging"));
    Path big = source.resolve("study.bin");
    Random rnd = new Random(3);
    byte[] block = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(big)) {
      for (int i = 0; i < 140; i++) {
        rnd.nextBytes(block);
        out.write(block);
      }
    }
    bench.restic.run("init").requireSuccess();
    bench.restic.run("backup", "--pack-size", "64", source.toString()).requireSuccess();
    Path target = tmp.resolve("restored");

    Process restore =
        BdrProcess.start(
            List.of("-Xmx96m", "-XX:+UseSerialGC", "-XX:ActiveProcessorCount=16"),
            bench.env,
            tmp.resolve("restore.log"),
            "restore",
            "latest",
            "--target",
            target.toString(),
            "-r",
            bench.repo.toString(),
            "--password-file",
            bench.passwordFile.toString());
    assertThat(restore.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(restore.exitValue()).as(Files.readString(tmp.resolve("restore.log"))).isZero();
    assertThat(Files.mismatch(big, Workbench.restored(target, big))).isEqualTo(-1);
  }
}
