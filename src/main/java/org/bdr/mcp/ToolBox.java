package org.bdr.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bdr.app.Failures;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns {@link AssistantTool}s into the SDK's tool specifications: schemas and annotations from
 * {@code tools/NAME.json}, arguments checked, failures turned into {@code isError} results.
 *
 * <p>Every output schema also admits {@code {"error": {code, message, recovery}}}, the structured
 * content of a failed call, because clients check structured content against the output schema
 * whether or not the call failed.
 */
final class ToolBox {

  private static final Logger LOG = LoggerFactory.getLogger(ToolBox.class);
  private static final ObjectMapper JSON = Structured.JSON;

  private final Cancellations cancellations;
  private final Exchanges exchanges;

  ToolBox(Cancellations cancellations, Exchanges exchanges) {
    this.cancellations = cancellations;
    this.exchanges = exchanges;
  }

  /** The specification of {@code tool}. */
  SyncToolSpecification specification(AssistantTool tool) {
    Map<String, Object> definition = definition(tool.name());
    McpSchema.Tool described =
        McpSchema.Tool.builder()
            .name(tool.name())
            .title((String) definition.get("title"))
            .description((String) definition.get("description"))
            .inputSchema(map(definition.get("inputSchema")))
            .outputSchema(withDefinitions(withError(map(definition.get("outputSchema")))))
            .annotations(annotations(map(definition.get("annotations"))))
            .build();
    Set<String> known = map(map(definition.get("inputSchema")).get("properties")).keySet();
    return SyncToolSpecification.builder()
        .tool(described)
        .callHandler((exchange, request) -> run(tool, known, exchange, request))
        .build();
  }

  private McpSchema.CallToolResult run(
      AssistantTool tool,
      Set<String> known,
      McpSyncServerExchange exchange,
      McpSchema.CallToolRequest request) {
    try (ToolCall call =
        new ToolCall(exchange, request, cancellations, exchanges.session().apply(exchange))) {
      try {
        call.arguments().onlyKnown(known);
        exchanges.role().apply(exchange).require(tool.operation(call.arguments()));
        ToolOutcome outcome = tool.call(call);
        // The summary for people, then the same facts as JSON for clients that pass only text
        // content to the model (the protocol asks for both when a tool returns structured content).
        return McpSchema.CallToolResult.builder()
            .addTextContent(outcome.text())
            .addTextContent(JSON.writeValueAsString(outcome.structured()))
            .structuredContent(outcome.structured())
            .build();
      } catch (Exception | LinkageError | OutOfMemoryError e) {
        BdrException failure =
            call.cancelled() && !(e instanceof BdrException)
                ? new BdrException(
                    ErrorCode.CANCELLED,
                    "the call was cancelled",
                    "nothing was lost; call the tool again when needed")
                : Failures.describe(e);
        LOG.warn("tool {} failed: {}", tool.name(), failure.code());
        return failure(failure);
      }
    }
  }

  /** A failed call: {@code isError}, the error as structured content and as text. */
  static McpSchema.CallToolResult failure(BdrException e) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", e.code().name());
    error.put("message", e.getMessage());
    error.put("recovery", e.recovery());
    return McpSchema.CallToolResult.builder()
        .isError(true)
        .addTextContent(e.code() + ": " + e.getMessage() + " — " + e.recovery())
        .structuredContent(Map.of("error", error))
        .build();
  }

  private static Map<String, Object> withError(Map<String, Object> schema) {
    Map<String, Object> out = new LinkedHashMap<>(schema);
    Map<String, Object> properties = new LinkedHashMap<>(map(schema.get("properties")));
    properties.put("error", errorSchema());
    out.put("properties", properties);
    Object required = out.remove("required");
    List<Object> either = new ArrayList<>();
    either.add(Map.of("required", required == null ? List.of() : required));
    either.add(Map.of("required", List.of("error")));
    out.put("anyOf", either);
    return out;
  }

  /** Adds the shared definitions ({@code tools/defs.json}) to a schema that refers to them. */
  private static Map<String, Object> withDefinitions(Map<String, Object> schema) {
    try {
      if (!JSON.writeValueAsString(schema).contains("#/$defs/")) {
        return schema;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Object> out = new LinkedHashMap<>(schema);
    out.put("$defs", definition("defs"));
    return out;
  }

  private static Map<String, Object> errorSchema() {
    Map<String, Object> text = Map.of("type", "string");
    Map<String, Object> code =
        Map.of(
            "type",
            "string",
            "description",
            "stable error code",
            "enum",
            java.util.Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("code", code);
    props.put("message", Map.of("type", "string", "description", "what went wrong"));
    props.put("recovery", Map.of("type", "string", "description", "what to do next"));
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("description", "present only when the call failed (isError)");
    schema.put("properties", props);
    schema.put("required", List.of("code", "message", "recovery"));
    return schema;
  }

  private static McpSchema.ToolAnnotations annotations(Map<String, Object> a) {
    return new McpSchema.ToolAnnotations(
        (String) a.get("title"),
        (Boolean) a.get("readOnlyHint"),
        (Boolean) a.get("destructiveHint"),
        (Boolean) a.get("idempotentHint"),
        Boolean.FALSE,
        null);
  }

  /** The definition file of a tool, or {@code defs} for the shared definitions. */
  static Map<String, Object> definition(String name) {
    try (InputStream in = ToolBox.class.getResourceAsStream("tools/" + name + ".json")) {
      if (in == null) {
        throw new IllegalStateException("no definition for tool " + name);
      }
      return map(JSON.readValue(in, Map.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o == null ? Map.of() : (Map<String, Object>) o;
  }
}
