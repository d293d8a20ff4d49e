package org.bdr.backup;

import org.bdr.phi.FileResult;
import org.bdr.phi.FileScan;
import org.bdr.phi.ScanStatus;

/**
 * How the backup feeds a file's {@link FileScan}: a fault inside the scanner ends that file's scan
 * as failed (named by the exception's class only, since a message could quote the file) and never
 * fails the backup.
 */
final class PhiFeed {

  private PhiFeed() {}

  /** Passes bytes the backup read on to the scan. */
  static void update(FileScan scan, byte[] buf, int off, int len) {
    try {
      scan.update(buf, off, len);
    } catch (RuntimeException | StackOverflowError e) {
      scan.fail(scannerFault(e));
    }
  }

  /** Ends the scan of a file read whole. */
  static FileResult finish(FileScan scan) {
    try {
      return scan.finish();
    } catch (RuntimeException | StackOverflowError e) {
      return scan.fail(scannerFault(e));
    }
  }

  /**
   * Whether the block policy keeps a file out: it has findings, or its content could not be
   * scanned, so it cannot be shown to be free of PHI.
   */
  static boolean refused(FileResult result) {
    return !result.findings().isEmpty() || result.status() == ScanStatus.ERROR;
  }

  private static String scannerFault(Throwable e) {
    return "the PHI scanner failed on this file (" + e.getClass().getSimpleName() + ")";
  }
}
