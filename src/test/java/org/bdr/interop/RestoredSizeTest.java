package org.bdr.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bdr.interop.CraftedSnapshots.file;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.bdr.cli.CommandLineRunner;
import org.bdr.interop.CraftedSnapshots.File;
import org.bdr.repo.Id;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file whose restored size differs from the size its tree node records is reported failed. */
class RestoredSizeTest {

  @TempDir Path tmp;

  @Test
  void restore_sizeDiffersFromTreeNode_failsThoseFilesAndRestoresTheRest() throws Exception {
    Workbench bench = new Workbench(tmp);
    bench.bdr("init").requireSuccess();
    Id snapshot =
        CraftedSnapshots.store(
            bench.repo,
            Workbench.PASSWORD,
            "/practice",
            new File("longer.txt", "12345", 10),
            file("right.txt", "right\n"),
            new File("shorter.txt", "12345", 3));
    Path target = tmp.resolve("restored");

    CommandLineRunner.Result restore =
        bench.bdr("restore", snapshot.shortHex(), "--target", target.toString(), "--json");

    assertThat(restore.exitCode()).as(restore.stderr()).isEqualTo(1);
    JsonNode failed = Workbench.JSON.readTree(restore.stdout()).path("result").path("failed");
    assertThat(failed).hasSize(2);
    assertThat(failed.get(0).path("path").asText()).isEqualTo("/practice/longer.txt");
    assertThat(failed.get(0).path("reason").asText())
        .contains("5 bytes")
        .contains("records 10")
        .contains("BACKUP_CORRUPTED");
    assertThat(failed.get(1).path("path").asText()).isEqualTo("/practice/shorter.txt");
    assertThat(failed.get(1).path("reason").asText()).contains("records 3");
    assertThat(target.resolve("practice/right.txt")).hasContent("right\n");
    assertThat(target.resolve("practice/longer.txt")).doesNotExist();
    assertThat(target.resolve("practice/shorter.txt")).doesNotExist();
    assertThat(target.resolve("practice")).isDirectoryContaining("glob:**/right.txt");
  }
}
