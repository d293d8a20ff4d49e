package org.bdr.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bdr.testing.FileTree.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bdr.backend.FileType;
import org.bdr.backend.LocalBackend;
import org.bdr.cli.CommandLineRunner;
import org.bdr.repo.Repository;
import org.bdr.testing.FileTree;
import org.bdr.testing.ResticBinary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input on the command line: a non-zero exit, one line on stderr naming the thing and a remedy,
 * and nothing written.
 */
class BadInputTest {

  /** What a case runs, which words its message must hold, and which folder must stay as it was. */
  record Invocation(List<String> args, List<String> expected, Path untouched) {}

  /** Prepares one bad input in a fresh workbench whose repository exists. */
  interface Setup {
    Invocation prepare(Workbench bench, Path source) throws Exception;
  }

  @TempDir Path tmp;

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "missing source",
            (Setup)
                (b, src) -> {
                  Path missing = b.tmp.resolve("no-such-folder");
                  return new Invocation(
                      withRepo(b, "backup", missing.toString()),
                      List.of(missing.toString(), "check the path"),
                      b.repo);
                }),
        Arguments.of(
            "wrong password",
            (Setup)
                (b, src) -> {
                  Path wrong = b.tmp.resolve("wrong-password");
                  Workbench.writeSecret(wrong, "not the password");
                  return new Invocation(
                      List.of(
                          "backup",
                          src.toString(),
                          "--repo",
                          b.repo.toString(),
                          "--password-file",
                          wrong.toString()),
                      List.of("password does not open", b.repo.toString(), "check the password"),
                      b.repo);
                }),
        Arguments.of(
            "not a repository",
            (Setup)
                (b, src) -> {
                  Path folder = b.tmp.resolve("documents");
                  FileTree.write(folder, List.of(text("letter.txt", "hello\n")));
                  return new Invocation(
                      List.of(
                          "backup",
                          src.toString(),
                          "--repo",
                          folder.toString(),
                          "--password-file",
                          b.passwordFile.toString()),
                      List.of(folder.toString(), "not a bdr or restic repository", "bdr init"),
                      folder);
                }),
        Arguments.of(
            "repository of unknown format version",
            (Setup)
                (b, src) -> {
                  Path future = b.tmp.resolve("future-repo");
                  writeConfigVersion(future, 99);
                  return new Invocation(
                      List.of(
                          "snapshots",
                          "--repo",
                          future.toString(),
                          "--password-file",
                          b.passwordFile.toString()),
                      List.of(future.toString(), "version 99", "newer"),
                      future);
                }),
        Arguments.of(
            "restore target is a file",
            (Setup)
                (b, src) -> {
                  b.bdr("backup", src.toString()).requireSuccess();
                  Path file = b.tmp.resolve("target.txt");
                  Files.writeString(file, "keep me\n");
                  return new Invocation(
                      withRepo(b, "restore", "latest", "--target", file.toString()),
                      List.of(file.toString(), "not a folder", "choose"),
                      b.tmp.resolve("target.txt"));
                }),
        Arguments.of(
            "restore target below a file",
            (Setup)
                (b, src) -> {
                  b.bdr("backup", src.toString()).requireSuccess();
                  Path file = b.tmp.resolve("plain-file");
                  Files.writeString(file, "keep me\n");
                  Path target = file.resolve("restored");
                  return new Invocation(
                      withRepo(b, "restore", "latest", "--target", target.toString()),
                      List.of(target.toString(), "cannot be written", "choose"),
                      file);
                }),
        Arguments.of(
            "world-readable password file",
            (Setup)
                (b, src) -> {
                  Path open = b.tmp.resolve("open-password");
                  Workbench.writeSecret(open, Workbench.PASSWORD);
                  Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
                  return new Invocation(
                      List.of(
                          "backup",
                          src.toString(),
                          "--repo",
                          b.repo.toString(),
                          "--password-file",
                          open.toString()),
                      List.of(open.toString(), "chmod 600"),
                      b.repo);
                }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void command_badInput_failsWithOneLineAndWritesNothing(String name, Setup setup)
      throws Exception {
    ResticBinary.require();
    Workbench bench = new Workbench(tmp);
    Path source = tmp.resolve("practice");
    FileTree.write(source, List.of(text("a.txt", "a\n"), text("b/c.txt", "c\n")));
    bench.bdr("init").requireSuccess();
    Invocation inv = setup.prepare(bench, source);
    Map<String, String> before = Workbench.fingerprint(inv.untouched());
    Map<String, String> repoBefore = Workbench.fingerprint(bench.repo);

    CommandLineRunner.Result run = bench.bdrRaw(inv.args().toArray(String[]::new));

    assertThat(run.exitCode()).isNotZero();
    assertOneLine(run.stderr(), inv.expected());
    assertThat(Workbench.fingerprint(inv.untouched())).isEqualTo(before);
    assertThat(Workbench.fingerprint(bench.repo)).isEqualTo(repoBefore);
    assertThat(bench.repo.resolve("locks")).isEmptyDirectory();
    if (List.of("backup", "check", "restore").contains(inv.args().get(0))) {
      assertOnlyHistoryOfTheFailure(bench.home);
    } else {
      assertThat(bench.home).doesNotExist();
    }
  }

  /**
   * The state folder holds nothing but the run history (backups, checks and restores are recorded
   * there, failed ones too), whose last run is this failure.
   */
  private static void assertOnlyHistoryOfTheFailure(Path home) throws IOException {
    try (Stream<Path> files = Files.list(home)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("history.jsonl", "history.lock");
    }
    List<String> runs = Files.readAllLines(home.resolve("history.jsonl"));
    assertThat(runs.get(runs.size() - 1)).contains("\"outcome\":\"failed\"");
  }

  @Test
  void backup_unreadableSourceFolder_failsOrAsRootReadsIt() throws Exception {
    ResticBinary.require();
    Workbench bench = new Workbench(tmp);
    Path source = tmp.resolve("locked");
    FileTree.write(source, List.of(text("secret.txt", "s\n")));
    bench.bdr("init").requireSuccess();
    Files.setPosixFilePermissions(source, PosixFilePermissions.fromString("---------"));
    try {
      Map<String, String> repoBefore = Workbench.fingerprint(bench.repo);

      CommandLineRunner.Result run = bench.bdr("backup", source.toString());

      if (permissionsEnforced(source.resolve("secret.txt"))) {
        assertThat(run.exitCode()).isNotZero();
        assertOneLine(run.stderr(), List.of(source.toString(), "cannot be read"));
        assertThat(Workbench.fingerprint(bench.repo)).isEqualTo(repoBefore);
      } else {
        // Running as root: the kernel lets root read the folder, so the backup must succeed
        // and hold the file.
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(bench.bdr("ls", "latest").requireSuccess().stdout())
            .contains(source.resolve("secret.txt").toString());
      }
    } finally {
      Files.setPosixFilePermissions(source, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void restore_readOnlyParent_failsAndWritesNothing() throws Exception {
    ResticBinary.require();
    Workbench bench = new Workbench(tmp);
    Path source = tmp.resolve("practice");
    FileTree.write(source, List.of(text("a.txt", "a\n")));
    bench.bdr("init").requireSuccess();
    bench.bdr("backup", source.toString()).requireSuccess();
    Path parent = tmp.resolve("read-only");
    Files.createDirectory(parent);
    Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("r-x------"));
    try {
      Path target = parent.resolve("restored");

      CommandLineRunner.Result run = bench.bdr("restore", "latest", "--target", target.toString());

      if (permissionsEnforced(parent)) {
        assertThat(run.exitCode()).isNotZero();
        assertOneLine(run.stderr(), List.of(target.toString(), "cannot be written"));
        assertThat(target).doesNotExist();
      } else {
        // Running as root: the kernel lets root write there, so the restore must succeed.
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(Workbench.restored(target, source).resolve("a.txt")).hasContent("a");
      }
    } finally {
      Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void init_folderHoldingOtherFiles_refusedAndNothingWritten() throws Exception {
    Workbench bench = new Workbench(tmp);
    Files.createDirectories(bench.repo);
    Path letter = Files.writeString(bench.repo.resolve("referral-letter.docx"), "a letter");

    CommandLineRunner.Result run = bench.bdr("init");

    assertThat(run.exitCode()).isEqualTo(1);
    assertOneLine(run.stderr(), List.of(bench.repo.toString(), "already holds files"));
    try (var entries = Files.list(bench.repo)) {
      assertThat(entries.toList()).containsExactly(letter);
    }
    assertThat(letter).hasContent("a letter");
  }

  /** Whether this process is refused what the permission bits forbid (false for root). */
  private static boolean permissionsEnforced(Path forbidden) throws IOException {
    Path probe = forbidden.getParent().resolve(".probe-" + System.nanoTime());
    Files.writeString(probe, "x");
    Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("---------"));
    try (InputStream in = Files.newInputStream(probe)) {
      in.read();
      return false;
    } catch (AccessDeniedException e) {
      return true;
    } finally {
      Files.delete(probe);
    }
  }

  private static void assertOneLine(String stderr, List<String> expected) {
    List<String> lines = stderr.strip().lines().toList();
    assertThat(lines).as("stderr: %s", stderr).hasSize(1);
    assertThat(lines.get(0)).startsWith("bdr: ");
    for (String word : expected) {
      assertThat(lines.get(0)).contains(word);
    }
  }

  private static List<String> withRepo(Workbench b, String... args) {
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.addAll(List.of("--repo", b.repo.toString(), "--password-file", b.passwordFile.toString()));
    return all;
  }

  /** Creates a repository and reseals its config, with the right key, as format {@code v}. */
  private static void writeConfigVersion(Path dir, int v) throws IOException {
    LocalBackend backend = new LocalBackend(dir);
    Repository repo =
        Repository.init(backend, Workbench.PASSWORD.toCharArray(), "3da3358b4dc173", "u", "h");
    String json =
        "{\"version\":"
            + v
            + ",\"id\":\""
            + repo.config().id()
            + "\",\"chunker_polynomial\":\"3da3358b4dc173\"}";
    backend.save(FileType.CONFIG, "config", repo.key().seal(json.getBytes(StandardCharsets.UTF_8)));
  }
}
