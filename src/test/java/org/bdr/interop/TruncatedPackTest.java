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
import org.bdr.backend.LocalBackend;
import org.bdr.cli.CommandLineRunner;
import org.bdr.repo.BlobLocation;
import org.bdr.repo.BlobType;
import org.bdr.repo.Id;
import org.bdr.repo.Repository;
import org.bdr.testing.FileTree;
import org.bdr.testing.ResticBinary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data pack cut short (shorter than its index says): check names it, and a restore writes every
 * file that does not need it and reports the ones that do as damaged.
 */
class TruncatedPackTest {

  @TempDir Path tmp;

  Workbench bench;
  Path source;
  Set<Path> firstPacks;
  Path secondDataPack;
  String snapshot;

  @BeforeEach
  void twoSnapshotsTheSecondAddingOneFile() throws Exception {
    ResticBinary.require();
    bench = new Workbench(tmp);
    source = tmp.resolve("practice");
    FileTree.write(source, List.of(text("a/letter.txt", "dear colleague\n"), text("a/b.txt", "b")));
    bench.bdr("init").requireSuccess();
    bench.bdr("backup", source.toString()).requireSuccess();
    firstPacks = packs();
    FileTree.write(source, List.of(random("scans/ct.raw", 300_000, 7)));
    bench.bdr("backup", source.toString()).requireSuccess();
    List<Path> added = new ArrayList<>(packs());
    added.removeAll(firstPacks);
    added.sort(Comparator.comparingLong((Path p) -> p.toFile().length()).reversed());
    secondDataPack = added.get(0);
    JsonNode snapshots = bench.resticSnapshots();
    snapshot = snapshots.get(snapshots.size() - 1).get("short_id").asText();
  }

  @Test
  void restore_truncatedDataPack_restoresOtherFilesAndFailsOnlyTheOneNeedingIt() throws Exception {
    String packShort = truncate(secondDataPack);
    Path target = tmp.resolve("restored");

    CommandLineRunner.Result restore =
        bench.bdr("restore", snapshot, "--target", target.toString(), "--json");

    assertThat(restore.exitCode()).as(restore.stderr()).isEqualTo(1);
    JsonNode failed = Workbench.JSON.readTree(restore.stdout()).path("result").path("failed");
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).path("path").asText())
        .isEqualTo(source.resolve("scans/ct.raw").toString());
    assertThat(failed.get(0).path("reason").asText())
        .contains("pack " + packShort + " is shorter than its index says")
        .contains("BACKUP_CORRUPTED");
    Path restored = Workbench.restored(target, source);
    assertThat(restored.resolve("a/letter.txt")).hasContent("dear colleague\n");
    assertThat(restored.resolve("a/b.txt")).hasContent("b");
    assertThat(restored.resolve("scans/ct.raw")).doesNotExist();
    try (Stream<Path> left = Files.list(restored.resolve("scans"))) {
      assertThat(left).as("no temporary file is left behind").isEmpty();
    }
  }

  @Test
  void restore_dataPackCutAfterOneFile_restoresTheFileBeforeTheCut() throws Exception {
    FileTree.write(source, List.of(text("c/x.txt", "x content\n"), text("c/y.txt", "y content\n")));
    Set<Path> before = packs();
    bench.bdr("backup", source.toString()).requireSuccess();
    Repository repo =
        Repository.open(new LocalBackend(bench.repo), Workbench.PASSWORD.toCharArray());
    BlobLocation first = null;
    Path dataPack = null;
    for (Path pack : packs()) {
      if (!before.contains(pack)) {
        List<BlobLocation> blobs = repo.readPackHeader(Id.parse(pack.getFileName().toString()));
        if (blobs.get(0).type() == BlobType.DATA) {
          blobs.sort(Comparator.comparingLong(BlobLocation::offset));
          first = blobs.get(0);
          dataPack = pack;
        }
      }
    }
    String kept =
        Id.hash(Files.readAllBytes(source.resolve("c/x.txt"))).equals(first.id()) ? "x" : "y";
    String lost = kept.equals("x") ? "y" : "x";
    String packShort = truncate(dataPack, first.offset() + first.length());
    Path target = tmp.resolve("restored");

    CommandLineRunner.Result restore =
        bench.bdr("restore", "latest", "--target", target.toString(), "--json");

    assertThat(restore.exitCode()).as(restore.stderr()).isEqualTo(1);
    JsonNode failed = Workbench.JSON.readTree(restore.stdout()).path("result").path("failed");
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).path("path").asText())
        .isEqualTo(source.resolve("c/" + lost + ".txt").toString());
    assertThat(failed.get(0).path("reason").asText())
        .contains("pack " + packShort + " is shorter than its index says");
    Path restored = Workbench.restored(target, source);
    assertThat(restored.resolve("c/" + kept + ".txt")).hasContent(kept + " content\n");
    assertThat(restored.resolve("c/" + lost + ".txt")).doesNotExist();
  }

  @Test
  void check_truncatedDataPack_namesPackAndSnapshot() throws Exception {
    String packShort = truncate(secondDataPack);

    CommandLineRunner.Result check = bench.bdr("check");

    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.stdout())
        .contains("pack " + packShort + " has " + secondDataPack.toFile().length() + " bytes")
        .contains("pack " + packShort + " is damaged and used by snapshot " + snapshot);
    assertThat(check.stderr()).contains("BACKUP_CORRUPTED");
  }

  @Test
  void checkReadData_truncatedDataPack_namesPackAndSnapshot() throws Exception {
    String packShort = truncate(secondDataPack);

    CommandLineRunner.Result check = bench.bdr("check", "--read-data");

    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.stdout())
        .contains("pack " + packShort + " is damaged and used by snapshot " + snapshot);
    assertThat(check.stderr()).contains("BACKUP_CORRUPTED");
  }

  @Test
  void restore_truncatedTreePack_failsTheFolderItHoldsAndRestoresTheRest() throws Exception {
    String packShort = truncate(firstTreePack(), 16);
    Path target = tmp.resolve("restored");

    CommandLineRunner.Result restore =
        bench.bdr("restore", snapshot, "--target", target.toString(), "--json");

    assertThat(restore.exitCode()).as(restore.stderr()).isEqualTo(1);
    JsonNode failed = Workbench.JSON.readTree(restore.stdout()).path("result").path("failed");
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).path("path").asText()).isEqualTo(source.resolve("a").toString());
    assertThat(failed.get(0).path("reason").asText())
        .contains("pack " + packShort + " is shorter than its index says")
        .contains("BACKUP_CORRUPTED");
    Path restored = Workbench.restored(target, source);
    assertThat(FileTree.sha256(restored.resolve("scans/ct.raw")))
        .isEqualTo(FileTree.sha256(source.resolve("scans/ct.raw")));
    assertThat(restored.resolve("a")).doesNotExist();
  }

  @Test
  void checkReadData_truncatedTreePack_namesPackAndBothSnapshots() throws Exception {
    String packShort = truncate(firstTreePack(), 16);

    CommandLineRunner.Result check = bench.bdr("check", "--read-data");

    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.stdout())
        .contains("pack " + packShort + " is shorter than its index says")
        .containsPattern("pack " + packShort + " is damaged and used by snapshots \\w{8}, \\w{8}");
    assertThat(check.stdout()).doesNotContain("input/output");
  }

  /** Cuts a pack to half its size; returns its short id. */
  private static String truncate(Path pack) throws Exception {
    return truncate(pack, pack.toFile().length() / 2);
  }

  /** Cuts a pack to its first {@code keep} bytes; returns its short id. */
  private static String truncate(Path pack, long keep) throws Exception {
    try (RandomAccessFile f = new RandomAccessFile(pack.toFile(), "rw")) {
      f.setLength(keep);
    }
    return pack.getFileName().toString().substring(0, 8);
  }

  /** The pack of tree blobs the first backup wrote. */
  private Path firstTreePack() throws Exception {
    Repository repo =
        Repository.open(new LocalBackend(bench.repo), Workbench.PASSWORD.toCharArray());
    for (Path pack : firstPacks) {
      Id id = Id.parse(pack.getFileName().toString());
      if (repo.readPackHeader(id).get(0).type() == BlobType.TREE) {
        return pack;
      }
    }
    throw new AssertionError("the first backup wrote no tree pack");
  }

  private Set<Path> packs() throws Exception {
    try (Stream<Path> all = Files.walk(bench.repo.resolve("data"))) {
      return all.filter(Files::isRegularFile).collect(Collectors.toSet());
    }
  }
}
