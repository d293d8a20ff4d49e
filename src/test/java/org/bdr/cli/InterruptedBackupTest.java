package org.bdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bdr.testing.BdrProcess;
import org.bdr.testing.ResticBinary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup killed with SIGINT or SIGTERM leaves no lock and a valid repository; a restore killed so
 * leaves only complete files.
 */
class InterruptedBackupTest {

  @TempDir Path tmp;

  @Test
  void backup_terminatedMidway_removesLockAndLeavesValidRepository() throws Exception {
    ResticBinary.require();
    Path data = Files.createDirectories(tmp.resolve("data"));
    Random rnd = new Random(7);
    byte[] block = new byte[1 << 20];
    for (int f = 0; f < 4; f++) {
      try (OutputStream out = Files.newOutputStream(data.resolve("scan-" + f + ".bin"))) {
        for (int i = 0; i < 100; i++) {
          rnd.nextBytes(block);
          out.write(block);
        }
      }
    }
    Path repo = tmp.resolve("repo");
    Path pw = tmp.resolve("pw");
    Files.writeString(pw, "pw\n");
    Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-------"));
    assertThat(run("init", repo, pw).waitFor()).isZero();

    Process backup = run("backup", repo, pw, data.toString());
    Path locks = repo.resolve("locks");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while ((isEmpty(locks) || packs(repo) < 2)
        && backup.isAlive()
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(backup.isAlive()).as("backup still running when interrupted").isTrue();
    backup.destroy();
    assertThat(backup.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(isEmpty(locks)).as("no lock left behind").isTrue();
    assertThat(isEmpty(repo.resolve("index")))
        .as("packs stored before the interruption are indexed for reuse")
        .isFalse();
    new ResticBinary(repo, "pw", tmp.resolve("cache")).run("check").requireSuccess();
  }

  @Test
  void restore_terminatedMidway_leavesOnlyCompleteFilesAndNoLock() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    Random rnd = new Random(9);
    byte[] block = new byte[1 << 20];
    for (int f = 0; f < 400; f++) {
      rnd.nextBytes(block);
      Files.write(data.resolve(String.format("scan-%03d.bin", f)), block);
    }
    Path repo = tmp.resolve("repo");
    Path pw = tmp.resolve("pw");
    Files.writeString(pw, "pw\n");
    Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-------"));
    assertThat(run("init", repo, pw).waitFor()).isZero();
    assertThat(run("backup", repo, pw, data.toString()).waitFor()).isZero();
    Path target = tmp.resolve("restored");

    Process restore = run("restore", repo, pw, "latest", "--target", target.toString());
    Path restored = target.resolve(data.toString().substring(1));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (countFiles(restored) < 5 && restore.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(restore.isAlive()).as("restore still running when interrupted").isTrue();
    restore.destroy();
    assertThat(restore.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(Files.readString(tmp.resolve("restore.log"))).contains("restore interrupted");
    assertThat(isEmpty(repo.resolve("locks"))).as("no lock left behind").isTrue();
    try (Stream<Path> s = Files.walk(target)) {
      List<Path> files = s.filter(Files::isRegularFile).toList();
      assertThat(files).as("some files were restored").isNotEmpty();
      for (Path file : files) {
        assertThat(file.getFileName().toString()).doesNotStartWith(".bdr-");
        assertThat(Files.readAllBytes(file))
            .as(file.toString())
            .isEqualTo(Files.readAllBytes(data.resolve(file.getFileName().toString())));
      }
    }
  }

  private static long countFiles(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> !p.getFileName().toString().startsWith(".")).count();
    }
  }

  private static long packs(Path repo) throws Exception {
    try (Stream<Path> s = Files.walk(repo.resolve("data"))) {
      return s.filter(p -> org.bdr.repo.Id.isId(p.getFileName().toString())).count();
    }
  }

  /** Whether the folder holds no lock file (temporary files being written do not count). */
  private static boolean isEmpty(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.noneMatch(p -> org.bdr.repo.Id.isId(p.getFileName().toString()));
    }
  }

  private Process run(String command, Path repo, Path pw, String... args) throws Exception {
    List<String> argv =
        new java.util.ArrayList<>(
            List.of(command, "-r", repo.toString(), "--password-file", pw.toString()));
    argv.addAll(List.of(args));
    return BdrProcess.start(
        java.util.Map.of("BDR_HOME", tmp.resolve("home").toString()),
        tmp.resolve(command + ".log"),
        argv.toArray(String[]::new));
  }
}
