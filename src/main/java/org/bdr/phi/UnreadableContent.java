package org.bdr.phi;

/**
 * A document library failed on a file. Carries only the class name of the original exception, never
 * its message or cause, since those may quote the file.
 */
final class UnreadableContent extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UnreadableContent(Throwable original) {
    super(original.getClass().getSimpleName(), null, false, false);
  }
}
