package org.bdr.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import org.bdr.testing.FileTree;
import org.bdr.testing.ResticBinary;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** bdr backs up into repositories that restic created, in each format version. */
class BdrWritesResticRepositoryTest {

  @TempDir Path tmp;

  @ParameterizedTest(name = "format version {0}")
  @ValueSource(strings = {"1", "2"})
  void backup_intoResticInitialisedRepository_resticChecksAndRestoresIt(String version)
      throws Exception {
    ResticBinary.require();
    Workbench bench = new Workbench(tmp);
    Path source = tmp.resolve("practice");
    FileTree.write(source, SampleTrees.practice());
    bench.restic.run("init", "--repository-version", version).requireSuccess();

    bench.bdr("backup", source.toString()).requireSuccess();

    bench.assertBothCheckClean(true);
    Path target = tmp.resolve("restored");
    bench.restic.run("restore", "latest", "--target", target.toString()).requireSuccess();
    assertThat(
            FileTree.differences(
                FileTree.read(source), FileTree.read(Workbench.restored(target, source)), 20))
        .isEqualTo(new ArrayList<String>());
  }
}
