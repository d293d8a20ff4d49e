package org.bdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bdr.testing.BdrProcess;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/** Two first backups started together create one default repository that holds both. */
class FirstBackupRaceTest {

  @TempDir Path tmp;

  @RepeatedTest(2)
  void backup_twoFirstBackupsAtOnce_oneRepositoryHoldsBothSnapshots() throws Exception {
    Path a = Files.createDirectories(tmp.resolve("a"));
    Path b = Files.createDirectories(tmp.resolve("b"));
    Files.writeString(a.resolve("letter.txt"), "a");
    Files.writeString(b.resolve("export.csv"), "b");
    Map<String, String> env = Map.of("BDR_HOME", tmp.resolve("home").toString());

    Process first = BdrProcess.start(env, tmp.resolve("1.log"), "backup", a.toString());
    Process second = BdrProcess.start(env, tmp.resolve("2.log"), "backup", b.toString());
    assertThat(first.waitFor(60, TimeUnit.SECONDS) && second.waitFor(60, TimeUnit.SECONDS))
        .isTrue();

    assertThat(first.exitValue()).as(Files.readString(tmp.resolve("1.log"))).isZero();
    assertThat(second.exitValue()).as(Files.readString(tmp.resolve("2.log"))).isZero();
    try (var keys = Files.list(tmp.resolve("home/repository/keys"))) {
      assertThat(keys.count()).isEqualTo(1);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        Main.run(
            new String[] {"snapshots", "--json"},
            Map.of("BDR_HOME", tmp.resolve("home").toString(), "BDR_KEYCHAIN", "off"),
            new PrintStream(out, true),
            new PrintStream(new ByteArrayOutputStream(), true));
    assertThat(code).isZero();
    assertThat(out.toString()).contains(a.toString(), b.toString());
  }
}
