/**
 * The MCP server: bdr's operations as tools, resources and a prompt for AI assistants.
 *
 * <p>Nouns: a <em>tool</em> ({@link org.bdr.mcp.AssistantTool}) is one operation with an input
 * schema, an output schema and annotations; each calls the same {@code app} use case as its CLI
 * command. A <em>tool call</em> ({@link org.bdr.mcp.ToolCall}) carries the caller's role, the
 * progress channel back to the client and whether the client cancelled. The <em>message screen</em>
 * ({@link org.bdr.mcp.MessageScreen}) looks at every message a client sends before the SDK does: it
 * answers malformed ones itself, records cancellations, and tags each tool call with its request
 * id. Transports: stdio ({@link org.bdr.mcp.StdioServer}) and Streamable HTTP ({@link
 * org.bdr.mcp.HttpServer}).
 *
 * <p>What never reaches a client: stack traces, Java class names, file contents. Failures are tool
 * results with {@code isError} and a structured {@code {code, message, recovery}}.
 */
package org.bdr.mcp;
