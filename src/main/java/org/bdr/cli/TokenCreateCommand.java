package org.bdr.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bdr.app.AccessTokens;
import org.bdr.auth.IssuedToken;
import org.bdr.auth.Role;
import org.bdr.auth.TokenInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bdr token create --role ROLE [--name NAME]}. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description =
        "Create an access token bound to a role. The token is printed once and never again: bdr"
            + " keeps only its hash.")
final class TokenCreateCommand extends StandaloneCommand {

  @Option(
      names = "--role",
      required = true,
      paramLabel = "ROLE",
      description =
          "admin (everything), operator (backup, verify, list, status, dry-run restore, scan-phi)"
              + " or auditor (read only: list, status, audit log)")
  String role;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "a name unique among active tokens (default: token-ID)")
  String name;

  @Override
  int execute() throws Exception {
    Role parsed = Role.parse(role);
    IssuedToken issued = new AccessTokens(main.env).create(parsed, name);
    TokenInfo i = issued.info();
    if (console.json) {
      Map<String, Object> body = new LinkedHashMap<>(TokenListCommand.row(i));
      body.put("token", issued.token());
      console.printJson(body);
      return Main.OK;
    }
    console.out.println(issued.token());
    console.err.println(
        "Created token "
            + i.id()
            + " ('"
            + TerminalText.escape(i.name())
            + "', role "
            + i.role().label()
            + "). This is the only time it is shown: store it now. Send it with every HTTP request"
            + " to the MCP server as the header 'Authorization: Bearer <token>'.");
    return Main.OK;
  }
}
