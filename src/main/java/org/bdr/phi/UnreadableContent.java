package org.bdr.phi;

/**
 * A file's content could not be read: a document library failed on it, or its compression is
 * corrupt or a bomb. Carries only a fixed phrase, never the original exception's message or cause,
 * since those may quote the file.
 */
final class UnreadableContent extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UnreadableContent(Throwable original) {
    super(describe(original), null, false, false);
  }

  /** A failure described by a fixed phrase that quotes nothing from the file. */
  UnreadableContent(String phrase) {
    super(phrase, null, false, false);
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
