package org.bdr.cli;

import java.io.InputStream;
import java.io.PrintStream;
import org.bdr.auth.Role;
import org.bdr.mcp.StdioServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bdr mcp}: the MCP server over stdio, for assistants that start bdr themselves. */
@Command(
    name = "mcp",
    mixinStandardHelpOptions = true,
    description = {
      "Serve MCP over stdio (for Claude Desktop, Claude Code and other local assistants).",
      "stdout carries only protocol messages; diagnostics go to stderr. Stops when stdin closes."
    })
final class McpCommand extends BaseCommand {

  /** Where the protocol is read from; the process's stdin unless a test gives another. */
  static InputStream input = System.in;

  @Option(
      names = "--role",
      paramLabel = "ROLE",
      description = "the role calls run with: admin (default), operator or auditor (or $BDR_ROLE)")
  String role;

  @Override
  int execute() throws Exception {
    String configured = role != null ? role : main.env.getOrDefault("BDR_ROLE", "admin");
    Role callers = Role.parse(configured);
    PrintStream protocol = main.out;
    // Nothing but protocol may reach stdout: anything printed by mistake goes to stderr.
    System.setOut(main.err);
    StdioServer.serve(opener, options.repository(), callers, input, protocol);
    return Main.OK;
  }
}
