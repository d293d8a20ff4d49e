/**
 * Use cases: one class per operation, taking typed requests and returning typed results, shared by
 * every adapter (command line, MCP server, daemon).
 */
package org.bdr.app;
