package org.bdr.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.bdr.cli.CommandLineRunner;
import org.bdr.testing.FileTree;
import org.bdr.testing.ResticBinary;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Repositories that the real restic wrote, in each format it writes, read by bdr. */
class BdrReadsResticTest {

  @TempDir Path tmp;

  static Stream<Arguments> resticFormats() {
    return Stream.of(
        Arguments.of("version 2, compressed", List.of("--repository-version", "2"), List.of()),
        Arguments.of(
            "version 2, uncompressed",
            List.of("--repository-version", "2"),
            List.of("--compression", "off")),
        Arguments.of("version 1", List.of("--repository-version", "1"), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("resticFormats")
  void snapshotsLsCheckRestore_resticRepository_bdrReadsItCompletely(
      String format, List<String> initArgs, List<String> backupArgs) throws Exception {
    ResticBinary.require();
    Workbench bench = new Workbench(tmp);
    Path source = tmp.resolve("practice");
    FileTree.write(source, SampleTrees.practice());
    List<String> init = new ArrayList<>(List.of("init"));
    init.addAll(initArgs);
    bench.restic.run(init.toArray(String[]::new)).requireSuccess();
    List<String> backup = new ArrayList<>(List.of("backup"));
    backup.addAll(backupArgs);
    backup.add(source.toString());
    bench.restic.run(backup.toArray(String[]::new)).requireSuccess();
    String snapshotId = bench.resticSnapshots().get(0).get("id").asText();

    CommandLineRunner.Result snapshots = bench.bdr("snapshots").requireSuccess();
    CommandLineRunner.Result ls = bench.bdr("ls", "latest").requireSuccess();
    CommandLineRunner.Result check = bench.bdr("check", "--read-data");
    Path target = tmp.resolve("restored");
    CommandLineRunner.Result restore =
        bench.bdr("restore", snapshotId.substring(0, 8), "--target", target.toString());

    assertThat(snapshots.stdout()).contains(snapshotId.substring(0, 8)).contains(source.toString());
    Set<String> expected = new TreeSet<>();
    for (Path p = source; p.getParent() != null; p = p.getParent()) {
      expected.add(p.toString());
    }
    for (String rel : FileTree.read(source).keySet()) {
      expected.add(source.resolve(rel).toString());
    }
    assertThat(new TreeSet<>(ls.stdout().lines().toList())).isEqualTo(expected);
    assertThat(check.exitCode()).as("bdr check:\n%s%s", check.stdout(), check.stderr()).isZero();
    assertThat(restore.exitCode()).as("bdr restore:\n%s", restore.stderr()).isZero();
    assertThat(
            FileTree.differences(
                FileTree.read(source), FileTree.read(Workbench.restored(target, source)), 20))
        .isEqualTo(new ArrayList<String>());
    bench.restic.run("check", "--read-data").requireSuccess();
  }
}
