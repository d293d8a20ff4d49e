package org.bdr.cli;

import org.bdr.app.AccessTokens;
import org.bdr.auth.TokenInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bdr token revoke ID|NAME}. */
@Command(
    name = "revoke",
    mixinStandardHelpOptions = true,
    description = "Revoke an access token at once; requests that present it are refused.")
final class TokenRevokeCommand extends StandaloneCommand {

  @Parameters(paramLabel = "ID|NAME", description = "the token's id, or the name of an active one")
  String idOrName;

  @Override
  int execute() throws Exception {
    TokenInfo t = new AccessTokens(main.env).revoke(idOrName);
    if (console.json) {
      console.printJson(TokenListCommand.row(t));
    } else {
      console.out.println(
          "revoked token "
              + t.id()
              + " ('"
              + TerminalText.escape(t.name())
              + "', role "
              + t.role().label()
              + ") at "
              + t.revoked());
    }
    return Main.OK;
  }
}
