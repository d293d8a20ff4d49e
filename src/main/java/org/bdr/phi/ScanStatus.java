package org.bdr.phi;

/** What became of one file. */
public enum ScanStatus {
  /** The file was read and scanned. */
  SCANNED,
  /** The file holds no text the scanner understands (an image, an archive) and was skipped. */
  SKIPPED_BINARY,
  /** The file could not be scanned; the result names a reason that quotes nothing of the file. */
  ERROR
}
