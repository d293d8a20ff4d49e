package org.bdr.phi;

/**
 * A document library failed on a file. Carries only the class name of the original exception, never
 * its message or cause, since those may quote the file.
 */
final class UnreadableContent extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UnreadableContent(Throwable original) {
    super(describe(original), null, false, false);
  }

  /** A fixed phrase for what went wrong; never the original's message, which may quote text. */
  private static String describe(Throwable original) {
    String message = String.valueOf(original.getMessage());
    if (message.contains("Zip bomb")) {
      return "zip bomb suspected: an entry inflates beyond the allowed ratio";
    }
    return "the document is malformed or of an unsupported kind";
  }
}
