package org.bdr.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bdr.testing.FileTree;
import org.bdr.testing.ResticBinary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository that bdr wrote through its command line, read by the real restic. The tests only
 * read the repository, so they share one backup.
 */
class ResticReadsBdrTest {

  @TempDir static Path tmp;

  static Workbench bench;
  static Path source;

  @BeforeAll
  static void backUpWithBdr() throws Exception {
    ResticBinary.require();
    bench = new Workbench(tmp);
    source = tmp.resolve("practice");
    FileTree.write(source, SampleTrees.practice());
    bench.bdr("init").requireSuccess();
    bench.bdr("backup", source.toString()).requireSuccess();
  }

  @Test
  void check_bdrRepository_resticReadsEveryBlobWithoutErrors() throws Exception {
    bench.assertBothCheckClean(true);
  }

  @Test
  void snapshots_bdrSnapshot_resticListsItsPathsAndHostname() throws Exception {
    JsonNode snapshots = bench.resticSnapshots();

    assertThat(snapshots).hasSize(1);
    JsonNode s = snapshots.get(0);
    assertThat(s.get("paths").get(0).asText()).isEqualTo(source.toString());
    assertThat(s.get("paths")).hasSize(1);
    String kernelHostname =
        Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).strip();
    assertThat(s.get("hostname").asText()).isEqualTo(kernelHostname);
  }

  @Test
  void ls_bdrSnapshot_resticListsEveryPath() throws Exception {
    String out = bench.restic.run("ls", "latest").requireSuccess().stdout();

    Set<String> listed = new TreeSet<>();
    out.lines().filter(l -> l.startsWith("/")).forEach(listed::add);
    Set<String> expected = new TreeSet<>();
    for (Path p = source; p.getParent() != null; p = p.getParent()) {
      expected.add(p.toString());
    }
    for (String rel : FileTree.read(source).keySet()) {
      expected.add(source.resolve(rel).toString());
    }
    assertThat(listed).isEqualTo(expected);
  }

  @Test
  void restore_bdrSnapshot_resticWritesIdenticalFiles() throws Exception {
    Path target = tmp.resolve("restored");

    bench.restic.run("restore", "latest", "--target", target.toString()).requireSuccess();

    List<String> diff =
        FileTree.differences(
            FileTree.read(source), FileTree.read(Workbench.restored(target, source)), 20);
    assertThat(diff).isEqualTo(new ArrayList<String>());
  }
}
