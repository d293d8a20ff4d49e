package org.bdr.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Records of the use cases as structured content, with the JSON names their schemas give. */
final class Structured {

  /** The mapper the server's own JSON (results, resources, tool definitions) goes through. */
  static final ObjectMapper JSON = new ObjectMapper();

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private Structured() {}

  /** {@code value}'s JSON form as a map. */
  static Map<String, Object> of(Object value) {
    return JSON.convertValue(value, MAP);
  }
}
