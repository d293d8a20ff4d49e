package org.bdr.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bdr.testing.FileTree.random;
import static org.bdr.testing.FileTree.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bdr.testing.FileTree;
import org.bdr.testing.ResticBinary;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A full bdr backup of a folder restic already backed up into the same repository stores no new
 * data blobs: bdr cuts files exactly where restic does and names the chunks alike.
 */
class ChunkerDedupTest {

  @TempDir Path tmp;

  static Stream<Arguments> folders() {
    return Stream.of(
        Arguments.of(
            "multi-chunk random files",
            List.of(
                random("a/large.bin", 9_000_000, 21),
                random("a/medium.bin", 2_600_000, 22),
                random("b/just-over-min-chunk.bin", 512 * 1024 + 1, 23),
                text("b/tiny.txt", "x"),
                text("b/empty.txt", ""))),
        Arguments.of("medical corpus", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("folders")
  void fullBackup_folderResticStored_addsNoDataBlobs(String name, List<FileTree.Entry> tree)
      throws Exception {
    ResticBinary.require();
    Workbench bench = new Workbench(tmp);
    Path source = tree.isEmpty() ? Path.of("../shared/corpus") : tmp.resolve("src");
    if (!tree.isEmpty()) {
      FileTree.write(source, tree);
    }
    String absolute = source.toAbsolutePath().normalize().toString();
    bench.restic.run("init", "--repository-version", "2").requireSuccess();
    bench.restic.run("backup", absolute).requireSuccess();
    long before = bench.resticDataBlobs();
    assertThat(before).as("restic stored data to compare against").isGreaterThan(4);

    var run = bench.bdr("backup", "--type", "full", "--json", absolute).requireSuccess();

    JsonNode result = Workbench.JSON.readTree(run.stdout()).get("result");
    assertThat(bench.resticDataBlobs()).isEqualTo(before);
    assertThat(result.get("bytesRead").asLong()).isEqualTo(result.get("totalBytes").asLong());
    assertThat(result.get("bytesAdded").asLong())
        .as("only trees may be added")
        .isLessThan(64 * 1024);
    bench.assertBothCheckClean(false);
  }
}
