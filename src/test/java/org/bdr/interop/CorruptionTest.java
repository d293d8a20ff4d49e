package org.bdr.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bdr.testing.FileTree.random;
import static org.bdr.testing.FileTree.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bdr.cli.CommandLineRunner;
import org.bdr.testing.FileTree;
import org.bdr.testing.ResticBinary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One flipped byte in one pack: the deep check names the pack and the snapshot using it, files in
 * other packs still restore, and the damaged file is reported by name.
 */
class CorruptionTest {

  @TempDir Path tmp;

  Workbench bench;
  Path healthy;
  Path damaged;
  String healthySnapshot;
  String damagedSnapshot;
  Path damagedPack;

  @BeforeEach
  void twoSnapshotsOneDamagedPack() throws Exception {
    ResticBinary.require();
    bench = new Workbench(tmp);
    healthy = tmp.resolve("healthy");
    damaged = tmp.resolve("damaged");
    // Over 16 MiB of random data each, so that each folder fills packs of its own.
    FileTree.write(
        healthy, List.of(random("ct-a.raw", 18_000_000, 41), text("note-a.txt", "fine\n")));
    FileTree.write(damaged, List.of(random("ct-b.raw", 18_000_000, 42)));
    bench.bdr("init").requireSuccess();
    bench.bdr("backup", healthy.toString()).requireSuccess();
    Set<Path> before = packs();
    bench.bdr("backup", damaged.toString()).requireSuccess();
    List<Path> added = new ArrayList<>(packs());
    added.removeAll(before);
    added.sort(Comparator.comparingLong((Path p) -> p.toFile().length()).reversed());
    damagedPack = added.get(0);
    assertThat(damagedPack.toFile().length()).isGreaterThan(16L << 20);
    for (JsonNode s : bench.resticSnapshots()) {
      String path = s.get("paths").get(0).asText();
      String id = s.get("short_id").asText();
      if (path.equals(healthy.toString())) {
        healthySnapshot = id;
      } else {
        damagedSnapshot = id;
      }
    }
    flipByte(damagedPack, 101);
  }

  @Test
  void checkReadData_flippedByte_namesPackAndSnapshot() throws Exception {
    CommandLineRunner.Result check = bench.bdr("check", "--read-data");

    String packShort = damagedPack.getFileName().toString().substring(0, 8);
    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.stdout())
        .contains("pack " + packShort)
        .contains("pack " + packShort + " is damaged and used by snapshot " + damagedSnapshot);
    assertThat(check.stdout()).doesNotContain(healthySnapshot);
    assertThat(check.stderr()).contains("BACKUP_CORRUPTED");
    assertThat(bench.restic.run("check", "--read-data").exitCode())
        .as("restic agrees that the repository is damaged")
        .isNotZero();
  }

  @Test
  void restore_snapshotNotUsingDamagedPack_restoresIdenticalFiles() throws Exception {
    Path target = tmp.resolve("restored");

    CommandLineRunner.Result restore =
        bench.bdr("restore", healthySnapshot, "--target", target.toString());

    assertThat(restore.exitCode()).as(restore.stderr()).isZero();
    assertThat(
            FileTree.differences(
                FileTree.read(healthy), FileTree.read(Workbench.restored(target, healthy)), 20))
        .isEqualTo(new ArrayList<String>());
  }

  @Test
  void restore_snapshotUsingDamagedPack_failsNamingTheFile() throws Exception {
    Path target = tmp.resolve("restored");

    CommandLineRunner.Result restore =
        bench.bdr("restore", damagedSnapshot, "--target", target.toString());

    assertThat(restore.exitCode()).isEqualTo(1);
    assertThat(restore.stderr())
        .contains(damaged.resolve("ct-b.raw").toString())
        .contains("BACKUP_CORRUPTED");
    assertThat(Workbench.restored(target, damaged).resolve("ct-b.raw"))
        .as("no half-written file is left under the damaged file's name")
        .doesNotExist();
  }

  private Set<Path> packs() throws Exception {
    try (Stream<Path> all = Files.walk(bench.repo.resolve("data"))) {
      return all.filter(Files::isRegularFile).collect(Collectors.toSet());
    }
  }

  private static void flipByte(Path file, long offset) throws Exception {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(offset);
      int b = f.read();
      f.seek(offset);
      f.write(b ^ 0xff);
    }
  }
}
