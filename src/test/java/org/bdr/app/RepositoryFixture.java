package org.bdr.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.bdr.backup.BackupProgress;
import org.bdr.backup.BackupType;

/** A repository in a test's folder, opened with a known password from a mode-600 file. */
final class RepositoryFixture {

  static final String PASSWORD = "plum-orchard-4711-quiet";

  final Path repo;
  final Path passwordFile;
  final RepositoryOpener opener;
  final RepositoryOptions options;

  RepositoryFixture(Path tmp) throws IOException {
    repo = tmp.resolve("repo");
    passwordFile = tmp.resolve("password");
    Files.writeString(passwordFile, PASSWORD + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
    opener =
        new RepositoryOpener(
            Map.of("BDR_HOME", tmp.resolve("home").toString(), "BDR_KEYCHAIN", "off"));
    options = new RepositoryOptions(repo.toString(), passwordFile.toString(), null);
    opener.init(options);
  }

  /** Backs up {@code source}; returns the new snapshot's full id. */
  String backup(Path source, List<String> excludes, String label) throws IOException {
    return new CreateBackup(opener)
        .run(
            new CreateBackup.Request(options, List.of(source), excludes, BackupType.FULL, label),
            BackupProgress.NONE,
            () -> false)
        .result()
        .snapshot()
        .hex();
  }

  /** The names of the pack files now in the repository. */
  Set<Path> packs() throws IOException {
    try (Stream<Path> all = Files.walk(repo.resolve("data"))) {
      return new HashSet<>(all.filter(Files::isRegularFile).toList());
    }
  }

  /** Flips one byte in the middle of a file. */
  static void damage(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(file, bytes);
  }

  /** Writes files given as path → content under {@code root}. */
  static Path tree(Path root, Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = root.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
    }
    return root;
  }
}
