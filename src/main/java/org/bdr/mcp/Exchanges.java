package org.bdr.mcp;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import java.util.function.Function;
import org.bdr.auth.Role;

/**
 * What a transport knows about the exchange a call arrives on.
 *
 * @param session the session name its message screen records cancellations under
 * @param role the caller's role: from the bearer token over HTTP, the configured one over stdio
 */
record Exchanges(
    Function<McpSyncServerExchange, String> session, Function<McpSyncServerExchange, Role> role) {}
