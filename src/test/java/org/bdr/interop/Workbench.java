package org.bdr.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bdr.cli.CommandLineRunner;
import org.bdr.testing.ResticBinary;

/**
 * One test's repository, password file and environment, with bdr (in-process, through its command
 * line) and the real restic pointed at the same repository.
 */
final class Workbench {

  static final String PASSWORD = "correct horse battery staple";
  static final ObjectMapper JSON = new ObjectMapper();

  final Path tmp;
  final Path repo;
  final Path passwordFile;
  final Path home;
  final Map<String, String> env = new HashMap<>();
  final ResticBinary restic;

  Workbench(Path tmp) throws IOException {
    this.tmp = tmp;
    this.repo = tmp.resolve("repo");
    this.home = tmp.resolve("bdr-home");
    this.passwordFile = tmp.resolve("password");
    writeSecret(passwordFile, PASSWORD);
    env.put("BDR_HOME", home.toString());
    env.put("BDR_KEYCHAIN", "off");
    this.restic = new ResticBinary(repo, PASSWORD, tmp.resolve("restic-cache"));
  }

  /** Writes a one-line secret file readable only by its owner. */
  static void writeSecret(Path file, String secret) throws IOException {
    Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
  }

  /** Runs bdr against this repository with the password file. */
  CommandLineRunner.Result bdr(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--repo", repo.toString(), "--password-file", passwordFile.toString()));
    return CommandLineRunner.run(env, all.toArray(String[]::new));
  }

  /** Runs bdr with exactly these arguments. */
  CommandLineRunner.Result bdrRaw(String... args) {
    return CommandLineRunner.run(env, args);
  }

  /** Where a restore into {@code target} puts the snapshot's absolute path {@code source}. */
  static Path restored(Path target, Path source) {
    Path abs = source.toAbsolutePath().normalize();
    return target.resolve(abs.getRoot().relativize(abs).toString());
  }

  /** How many data blobs restic lists in the repository. */
  long resticDataBlobs() throws Exception {
    return restic
        .run("list", "blobs")
        .requireSuccess()
        .stdout()
        .lines()
        .filter(l -> l.startsWith("data "))
        .count();
  }

  /** restic's snapshot list, parsed. */
  JsonNode resticSnapshots() throws Exception {
    return JSON.readTree(restic.run("snapshots", "--json").requireSuccess().stdout());
  }

  /** Both programs find the repository sound, reading every blob. */
  void assertBothCheckClean(boolean readData) throws Exception {
    var bdrCheck = readData ? bdr("check", "--read-data") : bdr("check");
    assertThat(bdrCheck.exitCode())
        .as("bdr check:\n%s%s", bdrCheck.stdout(), bdrCheck.stderr())
        .isZero();
    var resticCheck = readData ? restic.run("check", "--read-data") : restic.run("check");
    assertThat(resticCheck.exitCode())
        .as("restic check:\n%s%s", resticCheck.stdout(), resticCheck.stderr())
        .isZero();
    assertThat(resticCheck.stdout()).contains("no errors were found");
  }

  /**
   * Every path under {@code root}, files with their size and mtime, to prove nothing was written.
   * Folder mtimes are left out: a lock file taken and removed again changes that of locks/.
   */
  static Map<String, String> fingerprint(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return out;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.toList()) {
        boolean dir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
        out.put(
            root.relativize(p).toString(),
            dir
                ? "dir"
                : Files.size(p) + "@" + Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS));
      }
    }
    return out;
  }
}
