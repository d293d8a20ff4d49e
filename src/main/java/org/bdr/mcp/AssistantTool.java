package org.bdr.mcp;

import org.bdr.auth.Operation;

/** One bdr operation offered to assistants; it calls the same use case as its CLI command. */
interface AssistantTool {

  /** The tool's name; its schemas and annotations are in {@code tools/NAME.json}. */
  String name();

  /** The operation a call with these arguments performs, which the caller's role must allow. */
  Operation operation(Arguments arguments);

  /** Runs the call; failures are thrown and become {@code isError} results. */
  ToolOutcome call(ToolCall call) throws Exception;
}
