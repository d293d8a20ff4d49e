package org.bdr.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bdr.testing.FileTree.dir;
import static org.bdr.testing.FileTree.symlink;
import static org.bdr.testing.FileTree.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bdr.testing.FileTree;
import org.bdr.testing.ResticBinary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bdr backs up a folder and restores it; the restored files equal the originals. */
class RoundTripTest {

  static final long BIG_FILE_SIZE = 100L * 1024 * 1024 + 12_345;

  @TempDir Path tmp;

  @Test
  void backupRestore_medicalCorpus_restoresIdenticalFiles() throws Exception {
    ResticBinary.require();
    Path corpus = Path.of("../shared/corpus").toAbsolutePath().normalize();
    assertThat(corpus).isDirectory();

    assertRoundTrip(corpus);
  }

  @Test
  void backupRestore_largeGeneratedTree_restoresIdenticalFiles() throws Exception {
    ResticBinary.require();
    Path source = tmp.resolve("generated");
    List<FileTree.Entry> tree = new ArrayList<>(SampleTrees.manySmallFiles(2_000));
    tree.add(text("empty.txt", ""));
    tree.add(dir("nothing here"));
    tree.add(text("Müller-Łukasz 診療.txt", "Überweisung\n"));
    tree.add(text("🩺 stethoscope.txt", "auscultation\n"));
    tree.add(symlink("first-note", "patients/p00/visit00/note-0000.txt"));
    // Reseeded every 4 MiB from 7 seeds: real pseudo-random content that repeats, so the
    // repository stays small while the file crosses many chunk and pack boundaries.
    tree.add(new FileTree.RandomFile("imaging/ct-series.raw", BIG_FILE_SIZE, 99, 4 << 20, 7));
    FileTree.write(source, tree);
    assertThat(Files.size(source.resolve("imaging/ct-series.raw"))).isEqualTo(BIG_FILE_SIZE);

    try {
      assertRoundTrip(source);
    } finally {
      FileTree.delete(source);
      FileTree.delete(tmp.resolve("restored"));
    }
  }

  private void assertRoundTrip(Path source) throws Exception {
    Workbench bench = new Workbench(tmp);
    Map<String, FileTree.Fact> original = FileTree.read(source);
    bench.bdr("init").requireSuccess();
    bench.bdr("backup", source.toString()).requireSuccess();
    Path target = tmp.resolve("restored");

    var restore = bench.bdr("restore", "latest", "--target", target.toString());

    assertThat(restore.exitCode()).as("bdr restore:\n%s", restore.stderr()).isZero();
    assertThat(
            FileTree.differences(original, FileTree.read(Workbench.restored(target, source)), 20))
        .isEqualTo(new ArrayList<String>());
    bench.assertBothCheckClean(false);
  }
}
