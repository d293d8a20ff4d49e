package org.bdr.app;

/**
 * How the caller named the repository and its password; every field may be null.
 *
 * @param repository the repository folder; null means the embedded default in the state folder
 * @param passwordFile a file holding the password (mode 600)
 * @param passwordCommand a command printing the password
 */
public record RepositoryOptions(String repository, String passwordFile, String passwordCommand) {}
