package org.bdr.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bdr.app.AccessTokens;
import org.bdr.auth.TokenInfo;
import picocli.CommandLine.Command;

/** {@code bdr token list}. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the access tokens: id, name, role, created, and whether revoked.")
final class TokenListCommand extends StandaloneCommand {

  @Override
  int execute() throws Exception {
    List<TokenInfo> tokens = new AccessTokens(main.env).list();
    if (console.json) {
      console.printJson(Map.of("tokens", tokens.stream().map(TokenListCommand::row).toList()));
      return Main.OK;
    }
    if (tokens.isEmpty()) {
      console.out.println("no access tokens; create one with 'bdr token create --role ROLE'");
      return Main.OK;
    }
    console.out.printf("%-8s  %-24s  %-8s  %-20s  %s%n", "ID", "NAME", "ROLE", "CREATED", "STATE");
    for (TokenInfo t : tokens) {
      console.out.printf(
          "%-8s  %-24s  %-8s  %-20s  %s%n",
          t.id(),
          TerminalText.escape(t.name()),
          t.role().label(),
          t.created(),
          t.active() ? "active" : "revoked " + t.revoked());
    }
    return Main.OK;
  }

  /** One token as JSON: times in RFC 3339, {@code revoked} null while active. */
  static Map<String, Object> row(TokenInfo t) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", t.id());
    row.put("name", t.name());
    row.put("role", t.role().label());
    row.put("created", t.created().toString());
    row.put("revoked", t.revoked() == null ? null : t.revoked().toString());
    row.put("active", t.active());
    return row;
  }
}
