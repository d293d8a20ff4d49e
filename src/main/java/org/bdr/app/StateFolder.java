package org.bdr.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * bdr's local state folder: {@code $BDR_HOME}, or {@code ~/.bdr}. Created mode 700. It holds the
 * embedded default repository, where no keychain answers that repository's password file, and the
 * run history.
 *
 * @param root the folder
 */
public record StateFolder(Path root) {

  /** The state folder named by the environment. */
  public static StateFolder fromEnvironment(Map<String, String> env) {
    String home = env.get("BDR_HOME");
    if (home != null && !home.isBlank()) {
      return new StateFolder(Path.of(home).toAbsolutePath().normalize());
    }
    return new StateFolder(Path.of(System.getProperty("user.home"), ".bdr"));
  }

  /** Creates the folder (700) if needed and returns it. */
  public Path ensure() throws IOException {
    if (!Files.isDirectory(root)) {
      Files.createDirectories(
          root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
    return root;
  }

  /** Where the embedded default repository lives. */
  public Path defaultRepository() {
    return root.resolve("repository");
  }

  /** Where the default repository's password is kept when no keychain answers. */
  public Path defaultPasswordFile() {
    return root.resolve("repository.password");
  }

  /** The run history: one JSON line per backup, check or restore run on this machine. */
  public Path history() {
    return root.resolve("history.jsonl");
  }
}
