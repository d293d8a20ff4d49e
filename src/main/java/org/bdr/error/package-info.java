/**
 * Failures a person can act on. A {@link org.bdr.error.BdrException} carries a stable {@link
 * org.bdr.error.ErrorCode}, a message naming the thing that failed, and a recovery hint; every
 * adapter renders it the same way (a one-line error on the command line, a structured error result
 * over MCP).
 */
package org.bdr.error;
