package org.bdr.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/** Assembles bdr's MCP server: its tools, resources and prompt, over one transport. */
final class BackupServer {

  private BackupServer() {}

  /** The tools, in the order clients list them. */
  static List<AssistantTool> tools(Served served) {
    return List.of(new CreateBackupTool(served), new ScanPhiTool());
  }

  /**
   * Builds and starts the server on {@code transport}, the SDK's builder for one transport.
   *
   * @param sessionOf the session a call belongs to, as the transport's message screen names it
   */
  static McpSyncServer start(
      McpServer.SyncSpecification<?> transport,
      McpJsonMapper mapper,
      Served served,
      Cancellations cancellations,
      Function<McpSyncServerExchange, String> sessionOf) {
    ToolBox box = new ToolBox(cancellations, sessionOf);
    return transport
        .serverInfo("bdr", Version.current())
        .instructions(
            "bdr keeps encrypted, verifiable backups of a medical practice's files. Tools back"
                + " up, list, verify and restore snapshots and report the backup health. Results"
                + " never contain file contents or patient identifiers; failures carry a code, a"
                + " message and what to do next.")
        .capabilities(
            McpSchema.ServerCapabilities.builder()
                .tools(false)
                .resources(false, false)
                .prompts(false)
                .logging()
                .build())
        .jsonMapper(mapper)
        .validateToolInputs(false)
        .requestTimeout(Duration.ofMinutes(10))
        .tools(tools(served).stream().map(box::specification).toList())
        .build();
  }

  /** bdr's version, from the jar's manifest. */
  static final class Version {
    private Version() {}

    static String current() {
      String v = BackupServer.class.getPackage().getImplementationVersion();
      return v == null ? "dev" : v;
    }
  }
}
