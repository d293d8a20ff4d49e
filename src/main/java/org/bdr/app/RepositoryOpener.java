package org.bdr.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bdr.backend.LocalBackend;
import org.bdr.chunker.Polynomial;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;
import org.bdr.repo.Repository;
import org.bdr.repo.RepositoryLock;

/**
 * Finds the repository and its password, and opens it.
 *
 * <p>Password sources, first that applies: {@code --password-file} or {@code BDR_PASSWORD_FILE}
 * (must be mode 600), {@code --password-command}, {@code BDR_PASSWORD}; for the embedded default
 * repository, the keychain and then its 600 password file in the state folder.
 */
public final class RepositoryOpener {

  private static final Set<PosixFilePermission> OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  /** Password source: the operating system's keychain. */
  public static final String KEYCHAIN = "keychain";

  /** Password source: a mode-600 file, named by the caller or the state folder's own. */
  public static final String PASSWORD_FILE = "password file";

  /** Password source: a command that prints it. */
  public static final String PASSWORD_COMMAND = "password command";

  /** Password source: the {@code BDR_PASSWORD} environment variable. */
  public static final String ENVIRONMENT = "environment";

  private final Map<String, String> env;
  private final StateFolder state;
  private final Keychain keychain;

  /** An opener reading the given environment. */
  public RepositoryOpener(Map<String, String> env) {
    this.env = env;
    this.state = StateFolder.fromEnvironment(env);
    this.keychain = new Keychain(!"off".equalsIgnoreCase(env.get("BDR_KEYCHAIN")));
  }

  /** The state folder in use. */
  public StateFolder state() {
    return state;
  }

  /** Where the repository is, as the options and environment name it. */
  public Path location(RepositoryOptions options) {
    String repo = options.repository() != null ? options.repository() : env.get("BDR_REPO");
    return repo == null || repo.isBlank()
        ? state.defaultRepository()
        : Path.of(repo).toAbsolutePath().normalize();
  }

  private boolean isDefault(RepositoryOptions options) {
    return location(options).equals(state.defaultRepository());
  }

  /**
   * Opens the repository.
   *
   * @param createDefault create the embedded default repository if it does not exist yet
   */
  public OpenRepository open(RepositoryOptions options, boolean createDefault) throws IOException {
    Path location = location(options);
    LocalBackend backend = new LocalBackend(location);
    if (!backend.isRepository() && isDefault(options)) {
      if (createDefault) {
        OpenRepository created = createDefaultOnce(backend);
        if (created != null) {
          return created;
        }
        return open(options, false);
      }
      throw new BdrException(
          ErrorCode.REPOSITORY_NOT_FOUND,
          "no repository was given and the default repository " + location + " does not exist yet",
          "run 'bdr backup PATH' to create it, or name one with -r / BDR_REPO");
    }
    if (!backend.isRepository()) {
      Repository.open(backend, new char[0]);
    }
    Password password = password(options).orElseThrow(() -> missingPassword(location));
    return new OpenRepository(Repository.open(backend, password.value()), null, password.source());
  }

  /**
   * Creates a new repository at the named location with the given password source.
   *
   * @throws BdrException if one exists there already, or no password is given
   */
  public OpenRepository init(RepositoryOptions options) throws IOException {
    Path location = location(options);
    if (isDefault(options) && password(options).isEmpty()) {
      OpenRepository created = createDefaultOnce(new LocalBackend(location));
      if (created == null) {
        throw new BdrException(
            ErrorCode.INVALID_ARGUMENT,
            "the default repository " + location + " already exists",
            "use it as it is");
      }
      return created;
    }
    Password password = password(options).orElseThrow(() -> missingPassword(location));
    refuseFolderWithOtherFiles(location);
    Repository repo =
        Repository.init(
            new LocalBackend(location),
            password.value(),
            Polynomial.random(new SecureRandom()).toHex(),
            System.getProperty("user.name", ""),
            RepositoryLock.hostname());
    return new OpenRepository(repo, null, password.source());
  }

  /**
   * Refuses to create a repository in a folder that already holds files of its own (a mistyped path
   * could otherwise put a repository among a practice's records); an existing repository is left to
   * the format's own check.
   */
  private static void refuseFolderWithOtherFiles(Path location) throws IOException {
    if (!Files.isDirectory(location) || Files.exists(location.resolve("config"))) {
      return;
    }
    try (java.util.stream.Stream<Path> entries = Files.list(location)) {
      if (entries.anyMatch(p -> !p.getFileName().toString().equals("lost+found"))) {
        throw new BdrException(
            ErrorCode.INVALID_ARGUMENT,
            "folder " + location + " already holds files and is not a repository",
            "choose a new or empty folder for the repository");
      }
    }
  }

  /**
   * Creates the default repository unless another process does so first: creation is serialised by
   * a lock file in the state folder. Returns null if the repository existed once the lock was held.
   */
  private OpenRepository createDefaultOnce(LocalBackend backend) throws IOException {
    state.ensure();
    Path lockFile = state.root().resolve("create.lock");
    try (java.nio.channels.FileChannel ch =
            java.nio.channels.FileChannel.open(
                lockFile,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE);
        java.nio.channels.FileLock held = ch.lock()) {
      if (backend.isRepository()) {
        return null;
      }
      return createDefault(backend);
    }
  }

  private OpenRepository createDefault(LocalBackend backend) throws IOException {
    state.ensure();
    if (backend.isRepository()) {
      throw new BdrException(
          ErrorCode.INVALID_ARGUMENT,
          "the default repository " + backend.location() + " already exists",
          "use it as it is");
    }
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    String where;
    String source;
    if (keychain.store(account(backend.root()), password)) {
      where = Keychain.name() + " (service 'bdr', account '" + account(backend.root()) + "')";
      source = KEYCHAIN;
    } else {
      writeSecretFile(state.defaultPasswordFile(), password);
      where = "the file " + state.defaultPasswordFile() + " (readable only by you)";
      source = PASSWORD_FILE;
    }
    Repository repo =
        Repository.init(
            backend,
            password.toCharArray(),
            Polynomial.random(new SecureRandom()).toHex(),
            System.getProperty("user.name", ""),
            RepositoryLock.hostname());
    String notice =
        "Created the backup repository "
            + backend.location()
            + ". Its password was generated and stored in "
            + where
            + ". Keep a copy of that password offline (on paper or in a safe): without it no backup"
            + " can be restored.";
    return new OpenRepository(repo, notice, source);
  }

  /** A password and the kind of place it came from; never printed. */
  private record Password(char[] value, String source) {
    @Override
    public String toString() {
      return "password from " + source;
    }
  }

  private Optional<Password> password(RepositoryOptions options) throws IOException {
    String file =
        options.passwordFile() != null ? options.passwordFile() : env.get("BDR_PASSWORD_FILE");
    if (file != null && !file.isBlank()) {
      return Optional.of(new Password(readPasswordFile(Path.of(file)), PASSWORD_FILE));
    }
    if (options.passwordCommand() != null && !options.passwordCommand().isBlank()) {
      return Optional.of(
          new Password(runPasswordCommand(options.passwordCommand()), PASSWORD_COMMAND));
    }
    String plain = env.get("BDR_PASSWORD");
    if (plain != null && !plain.isEmpty()) {
      return Optional.of(new Password(plain.toCharArray(), ENVIRONMENT));
    }
    if (isDefault(options)) {
      Optional<String> stored = keychain.read(account(state.defaultRepository()));
      if (stored.isPresent()) {
        return Optional.of(new Password(stored.get().toCharArray(), KEYCHAIN));
      }
      if (Files.exists(state.defaultPasswordFile())) {
        return Optional.of(
            new Password(readPasswordFile(state.defaultPasswordFile()), PASSWORD_FILE));
      }
      if (new LocalBackend(state.defaultRepository()).isRepository()) {
        throw new BdrException(
            ErrorCode.PASSWORD_MISSING,
            "the password of the default repository "
                + state.defaultRepository()
                + " is in neither "
                + Keychain.name()
                + " nor "
                + state.defaultPasswordFile(),
            "restore the password from your offline copy into "
                + state.defaultPasswordFile()
                + " (mode 600), or give it with --password-file");
      }
    }
    return Optional.empty();
  }

  static char[] readPasswordFile(Path file) throws IOException {
    if (!Files.exists(file)) {
      throw new BdrException(
          ErrorCode.PASSWORD_MISSING,
          "password file " + file + " does not exist",
          "check the path given with --password-file or BDR_PASSWORD_FILE");
    }
    if (!Files.isRegularFile(file)) {
      throw new BdrException(
          ErrorCode.PASSWORD_MISSING,
          "password file " + file + " is not a regular file",
          "give the path of the file that holds the password");
    }
    Path real = file.toRealPath();
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(real);
    if (perms.stream().anyMatch(OTHERS::contains)) {
      throw new BdrException(
          ErrorCode.INSECURE_PASSWORD_FILE,
          "password file "
              + file
              + " is accessible by other users (mode "
              + PosixFilePermissions.toString(perms)
              + "); bdr refuses to use it",
          "run: chmod 600 " + file);
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int end = text.indexOf('\n');
    String line = end < 0 ? text : text.substring(0, end);
    if (line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    if (line.isEmpty()) {
      throw new BdrException(
          ErrorCode.PASSWORD_MISSING,
          "password file " + file + " is empty",
          "write the repository password on its first line");
    }
    return line.toCharArray();
  }

  private static char[] runPasswordCommand(String command) throws IOException {
    Process p =
        new ProcessBuilder("/bin/sh", "-c", command)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out;
    try {
      out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new BdrException(
            ErrorCode.PASSWORD_MISSING,
            "the password command failed",
            "check that the command given with --password-command prints the password");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running the password command", e);
    }
    String line = out.lines().findFirst().orElse("");
    if (line.isEmpty()) {
      throw new BdrException(
          ErrorCode.PASSWORD_MISSING,
          "the password command printed nothing",
          "check that the command given with --password-command prints the password");
    }
    return line.toCharArray();
  }

  private static void writeSecretFile(Path file, String secret) throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(temp);
    Files.createFile(
        temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(temp, secret + "\n", StandardCharsets.UTF_8);
    Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static String account(Path repository) {
    return "repository:" + repository;
  }

  private static BdrException missingPassword(Path location) {
    return new BdrException(
        ErrorCode.PASSWORD_MISSING,
        "no password was given for the repository " + location,
        "give --password-file FILE (mode 600), --password-command CMD, or set BDR_PASSWORD_FILE");
  }
}
