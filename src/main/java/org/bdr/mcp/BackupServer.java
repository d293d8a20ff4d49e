package org.bdr.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;

/** Assembles bdr's MCP server: its tools, resources and prompt, over one transport. */
final class BackupServer {

  private BackupServer() {}

  /** The tools, in the order clients list them. */
  static List<AssistantTool> tools(Served served) {
    return List.of(
        new CreateBackupTool(served),
        new ListBackupsTool(served),
        new ListFilesTool(served),
        new VerifyBackupTool(served),
        new RestoreBackupTool(served),
        new BackupStatusTool(served),
        new ExportConfigTool(served),
        new ScanPhiTool());
  }

  /**
   * Builds and starts the server on {@code transport}, the SDK's builder for one transport.
   *
   * @param exchanges the session and role of each call, as the transport knows them
   */
  static McpSyncServer start(
      McpServer.SyncSpecification<?> transport,
      McpJsonMapper mapper,
      Served served,
      Cancellations cancellations,
      Exchanges exchanges) {
    ToolBox box = new ToolBox(cancellations, exchanges);
    Resources resources = new Resources(served, exchanges);
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
        .resources(resources.resources())
        .resourceTemplates(resources.templates())
        .prompts(Runbook.specification())
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
