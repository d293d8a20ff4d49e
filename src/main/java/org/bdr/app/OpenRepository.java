package org.bdr.app;

import org.bdr.repo.Repository;

/**
 * An opened repository and what the person must be told about it.
 *
 * @param repository the repository
 * @param notice a one-time notice (where a new password is kept), or null
 */
public record OpenRepository(Repository repository, String notice) {}
