package org.bdr.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bdr.backend.LocalBackend;
import org.bdr.repo.Node;
import org.bdr.repo.Repository;
import org.bdr.repo.Tree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source reached through a symlinked folder keeps folders above it in the snapshot. */
class SymlinkedAncestorTest {

  @TempDir Path tmp;

  @Test
  void run_sourceBelowSymlinkedFolder_recordsAncestorsAsFolders() throws Exception {
    Path real = Files.createDirectories(tmp.resolve("real/data"));
    Files.writeString(real.resolve("chart.txt"), "x");
    Path link = Files.createSymbolicLink(tmp.resolve("link"), tmp.resolve("real"));
    Repository repo =
        Repository.init(
            new LocalBackend(tmp.resolve("repo")), "pw".toCharArray(), "3da3358b4dc173", "u", "h");

    BackupResult result =
        new Archiver(repo, BackupProgress.NONE, () -> false)
            .run(
                new BackupRequest(
                    java.util.List.of(link.resolve("data")),
                    java.util.List.of(),
                    BackupType.FULL,
                    null,
                    "h"),
                null);

    Tree tree = repo.loadTree(repo.loadSnapshot(result.snapshot()).treeId());
    for (Path part : link.resolve("data")) {
      Node node = tree.find(part.toString());
      assertThat(node).as(part.toString()).isNotNull();
      assertThat(node.type()).as(part.toString()).isEqualTo("dir");
      tree = repo.loadTree(node.subtreeId());
    }
    assertThat(tree.find("chart.txt")).isNotNull();
  }
}
