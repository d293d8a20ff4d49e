package org.bdr.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.bdr.app.RepositoryOpener;
import org.bdr.app.RepositoryOptions;
import org.bdr.backend.LocalBackend;
import org.bdr.chunker.Polynomial;
import org.bdr.repo.Id;
import org.bdr.repo.Repository;
import org.bdr.repo.Snapshot;
import org.bdr.repo.SnapshotFacts;
import org.bdr.repo.Tree;

/**
 * A new repository with a password file and a state folder, into which snapshots are written
 * straight through the repository, hundreds a second: they all share one empty tree.
 */
public final class ScratchRepository {

  /** The repository password. */
  public static final String PASSWORD = "scratch password";

  /** The repository folder. */
  public final Path repo;

  /** The state folder ({@code BDR_HOME}). */
  public final Path home;

  /** The password file, mode 600. */
  public final Path passwordFile;

  /** The environment bdr runs with: this state folder, no keychain. */
  public final Map<String, String> env;

  private final Repository repository;
  private final String tree;

  /** Creates the repository under {@code tmp}. */
  public ScratchRepository(Path tmp) throws IOException {
    Files.createDirectories(tmp);
    repo = tmp.resolve("repo");
    home = tmp.resolve("home");
    passwordFile = tmp.resolve("password");
    Files.writeString(passwordFile, PASSWORD + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
    env = Map.of("BDR_HOME", home.toString(), "BDR_KEYCHAIN", "off");
    repository =
        Repository.init(
            new LocalBackend(repo),
            PASSWORD.toCharArray(),
            Polynomial.random(new SecureRandom()).toHex(),
            "user",
            "host");
    tree = repository.saveTree(new Tree(List.of())).hex();
    repository.flush();
  }

  /** The options that name this repository and its password file. */
  public RepositoryOptions options() {
    return new RepositoryOptions(repo.toString(), passwordFile.toString(), null);
  }

  /** An opener reading this environment. */
  public RepositoryOpener opener() {
    return new RepositoryOpener(env);
  }

  /** The command-line arguments that name this repository and its password file. */
  public List<String> arguments() {
    return List.of("--repo", repo.toString(), "--password-file", passwordFile.toString());
  }

  /** The opened repository. */
  public Repository repository() {
    return repository;
  }

  /**
   * Stores a snapshot as bdr writes it.
   *
   * @param type incremental or full
   * @param label may be null
   * @param bytes the size it records
   */
  public Id snapshot(
      Instant time, List<String> paths, String type, String label, long bytes, boolean partial)
      throws IOException {
    return repository.saveSnapshot(
        new Snapshot(
            time.atOffset(ZoneOffset.UTC).toString(),
            null,
            tree,
            paths,
            "host",
            "user",
            1000,
            1000,
            List.of(),
            List.of(),
            "bdr test",
            new SnapshotFacts(label, type, 1, bytes, partial, partial ? 1 : 0, 10)));
  }

  /** Stores a snapshot as restic writes it: without bdr's facts, so of unknown size and type. */
  public Id resticSnapshot(Instant time, List<String> paths) throws IOException {
    return repository.saveSnapshot(
        new Snapshot(
            time.atOffset(ZoneOffset.UTC).toString(),
            null,
            tree,
            paths,
            "host",
            "user",
            1000,
            1000,
            List.of(),
            List.of(),
            "restic 0.14.0",
            null));
  }
}
