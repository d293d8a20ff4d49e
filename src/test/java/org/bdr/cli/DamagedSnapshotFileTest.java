package org.bdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One damaged snapshot file does not hide the others; check names it. */
class DamagedSnapshotFileTest {

  @TempDir Path tmp;

  private record Run(int code, String out, String err) {}

  private Run bdr(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            Map.of("BDR_HOME", tmp.resolve("home").toString(), "BDR_KEYCHAIN", "off"),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void snapshots_oneSnapshotFileDamaged_listsTheOtherAndCheckNamesIt() throws Exception {
    Path repo = tmp.resolve("repo");
    String[] common = repositoryWithOneBackup(repo);
    List<Path> before = snapshotFiles(repo);
    assertThat(bdr(concat("backup", common, tmp.resolve("data").toString())).code()).isZero();
    Path damaged = before.get(0);
    byte[] bytes = Files.readAllBytes(damaged);
    bytes[bytes.length / 2] ^= 1;
    Files.write(damaged, bytes);

    Run list = bdr(concat("snapshots", common));
    Run check = bdr(concat("check", common));

    assertThat(list.code()).isZero();
    assertThat(list.out()).contains("1 snapshot");
    assertThat(list.err()).contains(damaged.getFileName().toString().substring(0, 8));
    assertThat(check.code()).isEqualTo(1);
    assertThat(check.out())
        .contains("snapshot file " + damaged.getFileName().toString().substring(0, 8));
  }

  @Test
  void check_oneIndexFileTruncated_otherCommandsWorkAndCheckNamesIt() throws Exception {
    Path repo = tmp.resolve("repo");
    String[] common = repositoryWithOneBackup(repo);
    Path index;
    try (Stream<Path> s = Files.list(repo.resolve("index"))) {
      index = s.findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(index);
    Files.write(index, java.util.Arrays.copyOf(bytes, 30));

    Run list = bdr(concat("snapshots", common));
    Run check = bdr(concat("check", common));

    assertThat(list.code()).isZero();
    assertThat(check.code()).isEqualTo(1);
    assertThat(check.out())
        .contains("index file " + index.getFileName().toString().substring(0, 8))
        .contains("is not referenced by any readable index; an index file is damaged")
        .doesNotContain("harmless; its data is unused");
  }

  /** Creates a repository holding one backup; returns the options that open it. */
  private String[] repositoryWithOneBackup(Path repo) throws Exception {
    Path pw = tmp.resolve("pw");
    Files.writeString(pw, "pw\n");
    Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-------"));
    Path data = Files.createDirectories(tmp.resolve("data"));
    Files.writeString(data.resolve("a.txt"), "a");
    String[] common = {"-r", repo.toString(), "--password-file", pw.toString()};
    assertThat(bdr(concat("init", common)).code()).isZero();
    assertThat(bdr(concat("backup", common, data.toString())).code()).isZero();
    return common;
  }

  private static List<Path> snapshotFiles(Path repo) throws Exception {
    try (Stream<Path> s = Files.list(repo.resolve("snapshots"))) {
      return s.toList();
    }
  }

  private static String[] concat(String first, String[] middle, String... rest) {
    String[] out = new String[1 + middle.length + rest.length];
    out[0] = first;
    System.arraycopy(middle, 0, out, 1, middle.length);
    System.arraycopy(rest, 0, out, 1 + middle.length, rest.length);
    return out;
  }
}
