package org.bdr.phi;

/**
 * Scans one file whose bytes are pushed in order, so a backup reads each file once. Memory stays
 * bounded: structured formats are buffered up to a cap and larger files are scanned line by line.
 * Not thread-safe.
 */
public interface FileScan {

  /** Feeds the next bytes of the file. */
  void update(byte[] buf, int off, int len);

  /** Ends the file and returns what was found; further calls return the same result. */
  FileResult finish();

  /**
   * Ends the file early because reading it failed (it vanished, it was locked). The reason must not
   * quote file content; the result has status ERROR and no findings.
   */
  FileResult fail(String reason);
}
