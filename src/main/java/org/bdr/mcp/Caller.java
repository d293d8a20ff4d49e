package org.bdr.mcp;

/**
 * Who is calling over HTTP, as their bearer token says.
 *
 * @param name the token's name
 * @param role the role the token grants
 */
public record Caller(String name, String role) {}
