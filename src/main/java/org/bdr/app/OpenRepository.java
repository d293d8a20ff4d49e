package org.bdr.app;

import org.bdr.repo.Repository;

/**
 * An opened repository and what the person must be told about it.
 *
 * @param repository the repository
 * @param notice a one-time notice (where a new password is kept), or null
 * @param passwordSource the kind of place the password came from: {@link
 *     RepositoryOpener#KEYCHAIN}, {@link RepositoryOpener#PASSWORD_FILE}, {@link
 *     RepositoryOpener#PASSWORD_COMMAND} or {@link RepositoryOpener#ENVIRONMENT}; never the
 *     password, the file's path or the command
 */
public record OpenRepository(Repository repository, String notice, String passwordSource) {}
