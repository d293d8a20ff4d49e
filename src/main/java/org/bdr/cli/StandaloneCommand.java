package org.bdr.cli;

import picocli.CommandLine.Option;

/**
 * A command that works without a repository (it takes none of the repository options) but prints
 * JSON on {@code --json}, given after its name or before it.
 */
abstract class StandaloneCommand extends CommandBase {

  @Option(names = "--json", description = "print machine-readable JSON")
  boolean jsonOutput;

  @Override
  boolean json() {
    return jsonOutput || main.global.json;
  }
}
