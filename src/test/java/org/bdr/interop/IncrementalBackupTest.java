package org.bdr.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bdr.testing.FileTree.random;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.bdr.app.CreateBackup;
import org.bdr.app.RepositoryOpener;
import org.bdr.app.RepositoryOptions;
import org.bdr.backup.BackupProgress;
import org.bdr.backup.BackupResult;
import org.bdr.backup.BackupType;
import org.bdr.testing.FileTree;
import org.bdr.testing.ResticBinary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second backup reads only what changed since the first. */
class IncrementalBackupTest {

  static final int SMALL_FILES = 200;

  @TempDir Path tmp;

  Workbench bench;
  Path source;
  BackupResult first;

  @BeforeEach
  void firstBackup() throws Exception {
    ResticBinary.require();
    bench = new Workbench(tmp);
    source = tmp.resolve("practice");
    List<FileTree.Entry> tree = new ArrayList<>(SampleTrees.manySmallFiles(SMALL_FILES));
    tree.addAll(SampleTrees.practice());
    tree.add(random("scans/ct.raw", 5_000_000, 31));
    FileTree.write(source, tree);
    bench.bdr("init").requireSuccess();
    first = backup(BackupType.INCREMENTAL);
    assertThat(first.filesNew()).isEqualTo(fileCount());
  }

  @Test
  void backup_unchangedTree_readsNothing() throws Exception {
    BackupResult second = backup(BackupType.INCREMENTAL);

    assertThat(second.parent()).isEqualTo(first.snapshot());
    assertThat(second.bytesRead()).isZero();
    assertThat(second.filesUnchanged()).isEqualTo(fileCount());
    assertThat(second.filesNew() + second.filesChanged()).isZero();
    assertThat(second.totalBytes()).isEqualTo(first.totalBytes());
    bench.assertBothCheckClean(false);
  }

  @Test
  void backup_oneFileTouched_readsOnlyThatFile() throws Exception {
    Path touched = source.resolve("scans/xray-0002.dcm");
    Files.setLastModifiedTime(touched, FileTime.from(FileTree.EPOCH.plusSeconds(86_400)));

    BackupResult second = backup(BackupType.INCREMENTAL);

    assertThat(second.filesChanged()).isEqualTo(1);
    assertThat(second.filesNew()).isZero();
    assertThat(second.filesUnchanged()).isEqualTo(fileCount() - 1);
    assertThat(second.bytesRead()).isEqualTo(Files.size(touched));
    bench.assertBothCheckClean(false);
  }

  @Test
  void backup_full_readsEverythingAndAddsAlmostNothing() throws Exception {
    BackupResult full = backup(BackupType.FULL);

    assertThat(full.bytesRead()).isEqualTo(first.totalBytes());
    assertThat(full.filesUnchanged()).isZero();
    assertThat(full.files()).isEqualTo(fileCount());
    assertThat(full.bytesAdded()).as("only trees may be new").isLessThan(64 * 1024);
    bench.assertBothCheckClean(false);
  }

  private BackupResult backup(BackupType type) throws Exception {
    RepositoryOptions options =
        new RepositoryOptions(bench.repo.toString(), bench.passwordFile.toString(), null);
    return new CreateBackup(new RepositoryOpener(bench.env))
        .run(
            new CreateBackup.Request(options, List.of(source), List.of(), type, null),
            BackupProgress.NONE,
            () -> false)
        .result();
  }

  private long fileCount() throws Exception {
    return FileTree.read(source).values().stream().filter(f -> f.type().equals("file")).count();
  }
}
