package org.bdr.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Looks at each message a client sends before the SDK sees it.
 *
 * <p>The SDK's stdio reader stops for good on a line that is not a JSON-RPC message, and its HTTP
 * transport answers unparseable bodies with a serialised exception; so malformed messages are
 * answered here with a JSON-RPC error and never passed on. Cancellation notifications are recorded
 * (the SDK ignores them), and every {@code tools/call} gets its JSON-RPC id written into {@code
 * params._meta} so that the tool can ask whether it was cancelled.
 */
final class MessageScreen {

  /** The {@code _meta} key under which a tool call's own JSON-RPC id is passed to the tool. */
  static final String REQUEST_ID = "org.bdr/requestId";

  /** The method that opens a session. */
  static final String INITIALIZE = "initialize";

  /** JSON-RPC: the message is not JSON. */
  static final int PARSE_ERROR = -32700;

  /** JSON-RPC: the message is JSON but not a valid request. */
  static final int INVALID_REQUEST = -32600;

  /** JSON-RPC: the parameters are not valid. */
  static final int INVALID_PARAMS = -32602;

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The parameter types of the methods served. The SDK answers parameters of the wrong shape with
   * an error that quotes Java class names, or over HTTP with no answer at all; they are answered
   * here instead.
   */
  private static final Map<String, Class<?>> PARAMS =
      Map.of(
          INITIALIZE,
          McpSchema.InitializeRequest.class,
          "tools/call",
          McpSchema.CallToolRequest.class,
          "tools/list",
          McpSchema.PaginatedRequest.class,
          "resources/list",
          McpSchema.PaginatedRequest.class,
          "resources/templates/list",
          McpSchema.PaginatedRequest.class,
          "resources/read",
          McpSchema.ReadResourceRequest.class,
          "prompts/list",
          McpSchema.PaginatedRequest.class,
          "prompts/get",
          McpSchema.GetPromptRequest.class,
          "logging/setLevel",
          McpSchema.SetLevelRequest.class);

  /** The text field each of these requests must carry in its params. */
  private static final Map<String, String> REQUIRED =
      Map.of(
          "tools/call", "name",
          "resources/read", "uri",
          "prompts/get", "name",
          "logging/setLevel", "level");

  private static final ObjectMapper PARAMS_JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /**
   * What to do with one message.
   *
   * @param forward the message to hand to the SDK, or null
   * @param reply an error answer to send back instead, or null
   * @param cancelled the id of the request a cancellation notification names, or null
   * @param method the method of a forwarded message, or null
   */
  record Verdict(String forward, String reply, String cancelled, String method) {

    /** A verdict on a message that is not forwarded. */
    Verdict(String forward, String reply, String cancelled) {
      this(forward, reply, cancelled, null);
    }
  }

  private final McpJsonMapper mapper;

  MessageScreen(McpJsonMapper mapper) {
    this.mapper = mapper;
  }

  /** Screens one message. */
  Verdict screen(String text) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return error(null, PARSE_ERROR, "Parse error: the message is not valid JSON");
    }
    if (node == null || node.isMissingNode()) {
      return error(null, PARSE_ERROR, "Parse error: the message is empty");
    }
    if (node.isArray()) {
      return error(null, INVALID_REQUEST, "Invalid Request: batches are not supported");
    }
    if (!node.isObject()) {
      return error(null, INVALID_REQUEST, "Invalid Request: a message must be a JSON object");
    }
    ObjectNode message = (ObjectNode) node;
    JsonNode id = message.get("id");
    boolean idOk = id == null || id.isTextual() || id.isIntegralNumber();
    JsonNode replyId = idOk ? id : null;
    if (!idOk) {
      return error(null, INVALID_REQUEST, "Invalid Request: id must be a string or an integer");
    }
    if (!"2.0".equals(message.path("jsonrpc").asText(null))) {
      return error(replyId, INVALID_REQUEST, "Invalid Request: jsonrpc must be \"2.0\"");
    }
    JsonNode method = message.get("method");
    if (method == null && !(id != null && (message.has("result") || message.has("error")))) {
      return error(replyId, INVALID_REQUEST, "Invalid Request: no method");
    }
    if (method != null && !method.isTextual()) {
      return error(replyId, INVALID_REQUEST, "Invalid Request: method must be a string");
    }
    JsonNode params = message.get("params");
    if (params != null && !params.isObject()) {
      return error(replyId, INVALID_PARAMS, "Invalid params: params must be an object");
    }
    String name = method == null ? "" : method.asText();
    if (name.equals("notifications/cancelled")) {
      JsonNode target = params == null ? null : params.get("requestId");
      return new Verdict(
          null, null, target == null || target.isContainerNode() ? null : target.asText());
    }
    if (name.equals("tools/call") && params != null) {
      JsonNode arguments = params.get("arguments");
      if (arguments != null && !arguments.isNull() && !arguments.isObject() && id != null) {
        return new Verdict(
            null,
            resultText(
                id,
                ToolBox.failure(
                    Arguments.invalid(
                        "argument 'arguments' must be an object of named arguments",
                        "give 'arguments' as a JSON object, e.g. {\"sources\": [\"/data\"]}"))),
            null);
      }
    }
    String required = REQUIRED.get(name);
    if (required != null && id != null && (params == null || !params.path(required).isTextual())) {
      boolean missing = params == null || params.path(required).isMissingNode();
      return error(
          replyId,
          INVALID_PARAMS,
          "Invalid params: 'params."
              + required
              + (missing ? "' is missing" : "' has the wrong type")
              + " (a string)");
    }
    Class<?> type = PARAMS.get(name);
    if (type != null && params != null) {
      try {
        PARAMS_JSON.treeToValue(params, type);
      } catch (JsonProcessingException | IllegalArgumentException e) {
        return error(
            replyId, INVALID_PARAMS, "Invalid params: '" + field(e) + "' has the wrong type");
      }
    }
    if (name.equals("tools/call") && id != null) {
      ObjectNode p = params == null ? message.putObject("params") : (ObjectNode) params;
      JsonNode meta = p.get("_meta");
      if (meta != null && !meta.isObject()) {
        return error(replyId, INVALID_PARAMS, "Invalid params: _meta must be an object");
      }
      ObjectNode m = meta == null ? p.putObject("_meta") : (ObjectNode) meta;
      m.put(REQUEST_ID, id.asText());
    }
    String forward = message.toString();
    try {
      McpSchema.deserializeJsonRpcMessage(mapper, forward);
    } catch (Exception e) {
      return error(replyId, INVALID_REQUEST, "Invalid Request: not a JSON-RPC message");
    }
    return new Verdict(forward, null, null, method == null ? null : name);
  }

  /** A JSON-RPC error answer as text. */
  static String errorText(JsonNode id, int code, String message) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("jsonrpc", "2.0");
    if (id == null) {
      out.putNull("id");
    } else {
      out.set("id", id);
    }
    ObjectNode error = out.putObject("error");
    error.put("code", code);
    error.put("message", message);
    return out.toString();
  }

  /** The parameter a deserialisation failure is about, as a dotted path from {@code params}. */
  private static String field(Exception e) {
    if (!(e instanceof JsonMappingException m) || m.getPath().isEmpty()) {
      return "params";
    }
    StringBuilder path = new StringBuilder("params");
    for (JsonMappingException.Reference r : m.getPath()) {
      path.append(r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]");
    }
    String text = path.toString();
    return (text.length() > 80 ? text.substring(0, 80) + "…" : text).replaceAll("\\p{Cntrl}", "?");
  }

  /** Whether an answer given by the screen is a result rather than an error. */
  static boolean isResult(String reply) {
    try {
      return JSON.readTree(reply).has("result");
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /** A JSON-RPC result answer as text. */
  private String resultText(JsonNode id, Object result) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("jsonrpc", "2.0");
    out.set("id", id);
    try {
      out.set("result", JSON.readTree(mapper.writeValueAsString(result)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static Verdict error(JsonNode id, int code, String message) {
    return new Verdict(null, errorText(id, code, message), null);
  }
}
