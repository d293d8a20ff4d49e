package org.bdr.mcp;

import java.util.Map;

/**
 * What a tool returns on success.
 *
 * @param structured the structured content, matching the tool's output schema
 * @param text a short human-readable summary of the same facts
 */
record ToolOutcome(Map<String, Object> structured, String text) {}
