package org.bdr.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bdr token}: the bearer tokens that remote callers of the MCP server present. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Create, list and revoke the access tokens of the MCP server's HTTP transport.",
    subcommands = {TokenCreateCommand.class, TokenListCommand.class, TokenRevokeCommand.class})
final class TokenCommand implements CommandGroup, Runnable {

  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Override
  public Main main() {
    return main;
  }

  @Override
  public void run() {
    spec.commandLine().usage(main.out);
  }
}
