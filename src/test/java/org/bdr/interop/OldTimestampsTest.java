package org.bdr.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bdr.testing.BdrProcess;
import org.bdr.testing.ResticBinary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file dated where the local zone then had an offset with seconds (Monrovia until 1972) is stored
 * in a form restic can read, at the exact instant.
 */
class OldTimestampsTest {

  @TempDir Path tmp;

  @Test
  void backup_zoneWithSecondsOffset_resticRestoresExactMtime() throws Exception {
    ResticBinary.require();
    Workbench bench = new Workbench(tmp);
    Path source = Files.createDirectories(tmp.resolve("archive"));
    Path old = Files.writeString(source.resolve("1970.txt"), "scanned letter");
    Files.setLastModifiedTime(old, FileTime.from(Instant.EPOCH));
    bench.bdr("init").requireSuccess();
    Map<String, String> env = new HashMap<>(bench.env);
    env.put("TZ", "Africa/Monrovia");

    Process backup =
        BdrProcess.start(
            env,
            tmp.resolve("backup.log"),
            "backup",
            source.toString(),
            "-r",
            bench.repo.toString(),
            "--password-file",
            bench.passwordFile.toString());
    assertThat(backup.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(backup.exitValue()).as(Files.readString(tmp.resolve("backup.log"))).isZero();
    Path target = tmp.resolve("by-restic");
    bench.restic.run("restore", "latest", "--target", target.toString()).requireSuccess();

    Path restored = Workbench.restored(target, old);
    assertThat(Files.readString(restored)).isEqualTo("scanned letter");
    assertThat(Files.getLastModifiedTime(restored).toInstant()).isEqualTo(Instant.EPOCH);
  }
}
