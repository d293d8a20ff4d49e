package org.bdr.crypto;

/** A sealed message failed authentication: the key is wrong or the bytes were changed. */
public final class AuthenticationException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names what failed. */
  public AuthenticationException(String message) {
    super(message);
  }
}
