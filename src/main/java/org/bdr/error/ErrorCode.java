package org.bdr.error;

/** Stable error codes, shared by the command line and the MCP server. */
public enum ErrorCode {
  /** A source path does not exist. */
  SOURCE_NOT_FOUND,
  /** A snapshot id or prefix matches no snapshot. */
  BACKUP_NOT_FOUND,
  /** The caller or the operating system does not allow the operation. */
  PERMISSION_DENIED,
  /** The storage is out of space. */
  DISK_FULL,
  /** Repository data failed verification. */
  BACKUP_CORRUPTED,
  /** PHI was found where the policy forbids it. */
  PHI_DETECTED,
  /** Arguments are malformed. */
  INVALID_ARGUMENT,
  /** The repository password does not open any key. */
  WRONG_PASSWORD,
  /** The path holds no repository. */
  REPOSITORY_NOT_FOUND,
  /** The repository is of a format version bdr does not know. */
  UNSUPPORTED_VERSION,
  /** Another process holds a conflicting lock. */
  REPOSITORY_LOCKED,
  /** A restore target holds files that would be overwritten. */
  RESTORE_CONFLICT,
  /** No repository password could be found. */
  PASSWORD_MISSING,
  /** A password file is readable by others. */
  INSECURE_PASSWORD_FILE,
  /** The access token file, or its folder, is accessible by other users. */
  INSECURE_TOKEN_FILE,
  /** The operation was cancelled. */
  CANCELLED,
  /** An unexpected failure. */
  INTERNAL
}
