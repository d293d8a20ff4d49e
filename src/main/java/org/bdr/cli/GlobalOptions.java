package org.bdr.cli;

import org.bdr.app.RepositoryOptions;
import picocli.CommandLine.Option;

/**
 * Options every command takes, before or after the command's name, as in restic. A value given
 * after the command name wins over one given before it.
 */
final class GlobalOptions {

  @Option(
      names = {"-r", "--repo"},
      paramLabel = "PATH",
      description = "repository folder (default: $BDR_REPO, else the embedded default)")
  String repo;

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description = "file holding the repository password, mode 600 (or $BDR_PASSWORD_FILE)")
  String passwordFile;

  @Option(
      names = "--password-command",
      paramLabel = "CMD",
      description = "command that prints the repository password")
  String passwordCommand;

  @Option(names = "--json", description = "print machine-readable JSON")
  boolean json;

  /** These options with {@code fallback}'s where these are not set. */
  GlobalOptions over(GlobalOptions fallback) {
    GlobalOptions out = new GlobalOptions();
    out.repo = repo != null ? repo : fallback.repo;
    out.passwordFile = passwordFile != null ? passwordFile : fallback.passwordFile;
    out.passwordCommand = passwordCommand != null ? passwordCommand : fallback.passwordCommand;
    out.json = json || fallback.json;
    return out;
  }

  RepositoryOptions repository() {
    return new RepositoryOptions(repo, passwordFile, passwordCommand);
  }
}
