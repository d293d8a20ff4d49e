package org.bdr.error;

/**
 * A failure with a stable code, a message that names what failed, and what to do about it.
 *
 * <p>Messages may name paths and ids; they never hold file contents or matched identifiers.
 */
public class BdrException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final String recovery;

  /** A failure with its code, message and recovery hint. */
  public BdrException(ErrorCode code, String message, String recovery) {
    super(message);
    this.code = code;
    this.recovery = recovery;
  }

  /** The same, keeping the underlying cause for diagnostics. */
  public BdrException(ErrorCode code, String message, String recovery, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.recovery = recovery;
  }

  /** The stable error code. */
  public ErrorCode code() {
    return code;
  }

  /** What the person can do next. */
  public String recovery() {
    return recovery;
  }
}
