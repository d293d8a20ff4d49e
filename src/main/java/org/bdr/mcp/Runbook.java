package org.bdr.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The prompt {@code disaster-recovery-runbook}: walks a person from "we lost the server" to
 * verified restored data, step by step, with the tools.
 */
final class Runbook {

  static final String NAME = "disaster-recovery-runbook";

  private Runbook() {}

  static SyncPromptSpecification specification() {
    McpSchema.Prompt prompt =
        McpSchema.Prompt.builder(NAME)
            .title("Disaster recovery runbook")
            .description(
                "Step by step from a lost server to verified restored data: reach the backups,"
                    + " pick and verify a snapshot, plan and run the restore, check the result.")
            .arguments(
                List.of(
                    McpSchema.PromptArgument.builder("destination")
                        .description("a new or empty folder to restore into")
                        .required(false)
                        .build(),
                    McpSchema.PromptArgument.builder("snapshot")
                        .description("the snapshot id to restore, if already known")
                        .required(false)
                        .build()))
            .build();
    return new SyncPromptSpecification(prompt, (exchange, request) -> render(request.arguments()));
  }

  static McpSchema.GetPromptResult render(Map<String, Object> arguments) {
    String text =
        template()
            .replace(
                "{{destination}}",
                value(arguments, "destination", "(to be chosen: a new, empty folder)"))
            .replace("{{snapshot}}", value(arguments, "snapshot", "(not yet known)"));
    return McpSchema.GetPromptResult.builder(
            List.of(
                McpSchema.PromptMessage.builder(
                        McpSchema.Role.USER, McpSchema.TextContent.builder(text).build())
                    .build()))
        .description("Disaster recovery with bdr, step by step")
        .build();
  }

  private static String value(Map<String, Object> arguments, String name, String fallback) {
    Object v = arguments == null ? null : arguments.get(name);
    return v == null || v.toString().isBlank() ? fallback : v.toString();
  }

  private static String template() {
    try (InputStream in = Runbook.class.getResourceAsStream(NAME + ".md")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
