package org.bdr.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bdr.cli.CommandLineRunner;
import org.bdr.repo.Id;
import org.bdr.testing.FileTree;
import org.bdr.testing.ResticBinary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups that scanned for PHI, read by the real restic: a tagged snapshot lists, checks and
 * restores; under the block policy a blocked file's data never reaches the repository, whether its
 * chunks were held in memory or it was read twice because it is large, nor does the data of a clean
 * file in a folder blocked for its name.
 */
class PhiBackupResticTest {

  private static final String SSN_LINE = "Patient SSN: 536-22-8191\n";
  private static final int LARGE = 9 << 20;

  @TempDir Path tmp;
  Workbench bench;
  Path source;

  @BeforeEach
  void repository() throws Exception {
    ResticBinary.require();
    bench = new Workbench(tmp);
    source = tmp.resolve("practice");
    FileTree.write(source, SampleTrees.practice());
    bench.bdr("init").requireSuccess();
  }

  @Test
  void tagPolicy_resticListsTagChecksAndRestoresIdentically() throws Exception {
    Files.writeString(source.resolve("intake.txt"), SSN_LINE);

    bench.bdr("backup", source.toString(), "--phi-policy", "tag").requireSuccess();

    JsonNode snapshot = bench.resticSnapshots().get(0);
    assertThat(snapshot.path("tags").toString()).isEqualTo("[\"phi\"]");
    bench.assertBothCheckClean(true);
    Path target = tmp.resolve("restored");
    bench.restic.run("restore", "latest", "--target", target.toString()).requireSuccess();
    assertThat(
            FileTree.differences(
                FileTree.read(source), FileTree.read(Workbench.restored(target, source)), 20))
        .isEqualTo(new ArrayList<String>());
  }

  @Test
  void blockPolicy_smallFileWithPhi_noBlobOfItsContent() throws Exception {
    String content = "intake form\n" + SSN_LINE;
    Files.writeString(source.resolve("intake.txt"), content);
    String blob = Id.hash(content.getBytes(StandardCharsets.UTF_8)).hex();

    CommandLineRunner.Result block =
        bench.bdr("backup", source.toString(), "--phi-policy", "block");
    List<String> afterBlock = dataBlobs();
    bench.bdr("backup", source.toString(), "--phi-policy", "report").requireSuccess();

    assertThat(block.exitCode()).isEqualTo(3);
    assertThat(afterBlock).doesNotContain(blob);
    assertThat(dataBlobs()).contains(blob);
    bench.assertBothCheckClean(true);
  }

  @Test
  void blockPolicy_folderNamedAfterPatient_noBlobOfTheCleanFileInIt() throws Exception {
    String content = "follow-up in two weeks, soup of the day\n";
    Path folder = Files.createDirectories(source.resolve("Wilhelmina_Thistlewood_19840312"));
    Files.writeString(folder.resolve("visit.txt"), content);
    String blob = Id.hash(content.getBytes(StandardCharsets.UTF_8)).hex();

    CommandLineRunner.Result block =
        bench.bdr("backup", source.toString(), "--phi-policy", "block");
    List<String> afterBlock = dataBlobs();
    String listed = bench.restic.run("ls", "latest").requireSuccess().stdout();
    bench.bdr("backup", source.toString(), "--phi-policy", "report").requireSuccess();

    assertThat(block.exitCode()).as(block.stdout() + block.stderr()).isEqualTo(3);
    assertThat(block.stdout()).contains(folder + ": its name holds PHI (DATE, NAME)");
    assertThat(afterBlock).doesNotContain(blob);
    assertThat(listed).doesNotContain("Wilhelmina_Thistlewood_19840312");
    assertThat(dataBlobs()).contains(blob);
    bench.assertBothCheckClean(true);
  }

  @Test
  void blockPolicy_largeFileWithPhi_addsNoBlob() throws Exception {
    bench.bdr("backup", source.toString(), "--phi-policy", "block").requireSuccess();
    long before = bench.resticDataBlobs();
    Files.writeString(source.resolve("export.txt"), plainText(LARGE, 7) + SSN_LINE);

    CommandLineRunner.Result r = bench.bdr("backup", source.toString(), "--phi-policy", "block");

    assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isEqualTo(3);
    assertThat(r.stdout()).contains("export.txt: holds PHI (SSN)");
    assertThat(bench.resticDataBlobs()).isEqualTo(before);
    bench.assertBothCheckClean(false);
  }

  @Test
  void blockPolicy_largeCleanFile_storedAndRestoredIdentically() throws Exception {
    Files.writeString(source.resolve("export.txt"), plainText(LARGE, 8));

    CommandLineRunner.Result r = bench.bdr("backup", source.toString(), "--phi-policy", "block");

    assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
    Path target = tmp.resolve("restored");
    bench.restic.run("restore", "latest", "--target", target.toString()).requireSuccess();
    assertThat(
            FileTree.differences(
                FileTree.read(source), FileTree.read(Workbench.restored(target, source)), 20))
        .isEqualTo(new ArrayList<String>());
    bench.assertBothCheckClean(true);
  }

  private List<String> dataBlobs() throws Exception {
    return bench
        .restic
        .run("list", "blobs")
        .requireSuccess()
        .stdout()
        .lines()
        .filter(l -> l.startsWith("data "))
        .map(l -> l.substring(5).strip())
        .toList();
  }

  /** About {@code size} bytes of lowercase words, which hold no identifier of any kind. */
  private static String plainText(int size, long seed) {
    String[] words = {"soup", "bread", "table", "window", "garden", "river", "stone", "cloud"};
    Random random = new Random(seed);
    StringBuilder out = new StringBuilder(size + 100);
    while (out.length() < size) {
      for (int i = 0; i < 9; i++) {
        out.append(words[random.nextInt(words.length)]).append(i == 8 ? '\n' : ' ');
      }
    }
    return out.toString();
  }
}
