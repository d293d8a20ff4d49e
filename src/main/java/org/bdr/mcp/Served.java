package org.bdr.mcp;

import org.bdr.app.RepositoryOpener;
import org.bdr.app.RepositoryOptions;

/**
 * What the server serves: one repository, opened the same way the CLI opens it.
 *
 * @param opener finds the repository and its password
 * @param repository the repository options the server was started with
 */
record Served(RepositoryOpener opener, RepositoryOptions repository) {}
