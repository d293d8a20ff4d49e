package org.bdr.phi;

/** Where a decoding stage of a {@link ScanSession} pushes the bytes it produced. */
@FunctionalInterface
interface ByteSink {

  /**
   * Takes the next bytes; returns whether more are wanted (false once the scan has decided to skip
   * or has failed, so an earlier stage can stop decoding).
   */
  boolean accept(byte[] b, int off, int len);
}
