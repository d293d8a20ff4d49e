package org.bdr.mcp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;

/** The JSON mapper both transports write with. */
final class Mappers {

  private Mappers() {}

  /**
   * A mapper that writes exceptions without their stack trace, cause or message: the HTTP transport
   * serialises its protocol errors as exception objects, and neither class names nor line numbers
   * may reach a client.
   */
  static McpJsonMapper safe() {
    ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    json.addMixIn(Throwable.class, QuietThrowable.class);
    return new JacksonMcpJsonMapper(json);
  }

  @JsonIgnoreProperties({"stackTrace", "cause", "suppressed", "localizedMessage", "message"})
  private abstract static class QuietThrowable {}
}
