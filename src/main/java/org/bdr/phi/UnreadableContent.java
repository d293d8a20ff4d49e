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

  /** The original's class name, or a fixed phrase for a zip bomb; never its message. */
  private static String describe(Throwable original) {
    String message = String.valueOf(original.getMessage());
    if (message.contains("Zip bomb")) {
      return "zip bomb suspected: an entry inflates beyond the allowed ratio";
    }
    return original.getClass().getSimpleName();
  }
}
