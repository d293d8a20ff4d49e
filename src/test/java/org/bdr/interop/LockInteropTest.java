package org.bdr.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bdr.testing.FileTree.text;

import java.nio.file.Path;
import java.util.List;
import org.bdr.backend.LocalBackend;
import org.bdr.repo.Repository;
import org.bdr.repo.RepositoryLock;
import org.bdr.testing.FileTree;
import org.bdr.testing.ResticBinary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bdr's locks are locks restic honours. */
class LockInteropTest {

  @TempDir Path tmp;

  @Test
  void resticCheck_whileBdrHoldsSharedLock_refusesThenSucceedsAfterRelease() throws Exception {
    ResticBinary.require();
    Workbench bench = new Workbench(tmp);
    Path source = tmp.resolve("practice");
    FileTree.write(source, List.of(text("a.txt", "a\n")));
    bench.bdr("init").requireSuccess();
    bench.bdr("backup", source.toString()).requireSuccess();
    Repository repo =
        Repository.open(new LocalBackend(bench.repo), Workbench.PASSWORD.toCharArray());

    ResticBinary.Result whileLocked;
    try (RepositoryLock lock = RepositoryLock.acquire(repo, false)) {
      assertThat(bench.repo.resolve("locks")).isNotEmptyDirectory();
      whileLocked = bench.restic.run("check");
    }
    ResticBinary.Result afterRelease = bench.restic.run("check");

    assertThat(whileLocked.exitCode()).isNotZero();
    assertThat(whileLocked.stderr()).contains("locked");
    assertThat(whileLocked.stderr()).contains("PID " + ProcessHandle.current().pid());
    assertThat(afterRelease.exitCode()).as(afterRelease.stderr()).isZero();
    assertThat(bench.repo.resolve("locks")).isEmptyDirectory();
  }

  @Test
  void bdrCommands_afterEachRun_leaveNoLockFiles() throws Exception {
    ResticBinary.require();
    Workbench bench = new Workbench(tmp);
    Path source = tmp.resolve("practice");
    FileTree.write(source, SampleTrees.practice());
    bench.bdr("init").requireSuccess();

    bench.bdr("backup", source.toString()).requireSuccess();
    bench.bdr("check", "--read-data").requireSuccess();
    bench.bdr("restore", "latest", "--target", tmp.resolve("out").toString()).requireSuccess();

    assertThat(bench.repo.resolve("locks")).isEmptyDirectory();
    bench.restic.run("check").requireSuccess();
  }
}
