package org.bdr.cli;

import java.io.InputStream;
import java.io.PrintStream;
import org.bdr.mcp.StdioServer;
import picocli.CommandLine.Command;

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

  @Override
  int execute() throws Exception {
    PrintStream protocol = main.out;
    // Nothing but protocol may reach stdout: anything printed by mistake goes to stderr.
    System.setOut(main.err);
    StdioServer.serve(opener, options.repository(), input, protocol);
    return Main.OK;
  }
}
