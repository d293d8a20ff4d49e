package org.bdr.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.bdr.app.BackupStatus;
import org.bdr.app.Failures;
import org.bdr.app.ListSnapshots;
import org.bdr.auth.Operation;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;

/**
 * The resources: {@code bdr://status} (the same facts as {@code get_backup_status}) and {@code
 * bdr://snapshots}, the newest snapshots first, one page per read. A page that is not the last
 * names the next one as {@code nextUri}, {@code bdr://snapshots/page/CURSOR}.
 */
final class Resources {

  static final String STATUS = "bdr://status";
  static final String SNAPSHOTS = "bdr://snapshots";
  static final String PAGE = SNAPSHOTS + "/page/";

  private static final ObjectMapper JSON = Structured.JSON;

  private final Served served;
  private final Exchanges exchanges;

  Resources(Served served, Exchanges exchanges) {
    this.served = served;
    this.exchanges = exchanges;
  }

  List<SyncResourceSpecification> resources() {
    return List.of(
        new SyncResourceSpecification(
            McpSchema.Resource.builder(STATUS, "status")
                .title("Backup health")
                .description("health with its reasons, last backup, storage and recent activity")
                .mimeType("application/json")
                .build(),
            (exchange, request) -> read(exchange, request.uri(), Operation.STATUS, this::status)),
        new SyncResourceSpecification(
            McpSchema.Resource.builder(SNAPSHOTS, "snapshots")
                .title("Snapshots")
                .description(
                    "the newest 50 snapshots and storage totals; nextUri names the next page")
                .mimeType("application/json")
                .build(),
            (exchange, request) ->
                read(exchange, request.uri(), Operation.LIST, () -> snapshots(null))));
  }

  List<SyncResourceTemplateSpecification> templates() {
    return List.of(
        new SyncResourceTemplateSpecification(
            McpSchema.ResourceTemplate.builder(PAGE + "{cursor}", "snapshots-page")
                .title("Snapshots, a later page")
                .description("the page of bdr://snapshots after a cursor; see nextUri")
                .mimeType("application/json")
                .build(),
            (exchange, request) ->
                read(
                    exchange,
                    request.uri(),
                    Operation.LIST,
                    () -> snapshots(cursor(request.uri())))));
  }

  /** The cursor of a page URI; a malformed escape is the cursor's fault, named as such. */
  private static String cursor(String uri) {
    try {
      return URLDecoder.decode(uri.substring(PAGE.length()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BdrException(
          ErrorCode.INVALID_ARGUMENT,
          "the cursor in the page URI is not valid",
          "read bdr://snapshots and follow its nextUri");
    }
  }

  private interface Content {
    Object get() throws Exception;
  }

  private McpSchema.ReadResourceResult read(
      McpSyncServerExchange exchange, String uri, Operation operation, Content content) {
    try {
      exchanges.role().apply(exchange).require(operation);
      String text = JSON.writeValueAsString(content.get());
      return new McpSchema.ReadResourceResult(
          List.of(
              McpSchema.TextResourceContents.builder(uri, text)
                  .mimeType("application/json")
                  .build()));
    } catch (Exception e) {
      BdrException failure = Failures.describe(e);
      throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
          .message(failure.code() + ": " + failure.getMessage() + " — " + failure.recovery())
          .data(Map.of("code", failure.code().name()))
          .build();
    }
  }

  private Object status() {
    return Structured.of(new BackupStatus(served.opener()).run(served.repository()));
  }

  private Object snapshots(String cursor) throws Exception {
    ListSnapshots.Query query =
        new ListSnapshots.Query(
            null,
            null,
            null,
            null,
            null,
            ListSnapshots.Query.Sort.DATE,
            true,
            ListSnapshots.Query.DEFAULT_LIMIT,
            cursor);
    ListSnapshots.Page page = new ListSnapshots(served.opener()).page(served.repository(), query);
    Map<String, Object> out = ListBackupsTool.structured(page);
    out.put(
        "nextUri",
        page.nextCursor() == null
            ? null
            : PAGE + URLEncoder.encode(page.nextCursor(), StandardCharsets.UTF_8));
    return out;
  }
}
