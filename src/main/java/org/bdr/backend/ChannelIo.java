package org.bdr.backend;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Whole reads and writes of heap arrays at a position, in slices of 1 MiB. The JDK copies a heap
 * buffer through a per-thread native buffer that it keeps only up to a small size; one call with 16
 * MiB would allocate, fault in and free 16 MiB of native memory every time.
 */
public final class ChannelIo {

  /** The largest slice handed to the channel in one call. */
  public static final int SLICE = 1 << 20;

  private ChannelIo() {}

  /**
   * Fills {@code dst[off, off+len)} from the channel starting at {@code pos}.
   *
   * @throws EOFException if the channel ends first
   */
  public static void readFully(FileChannel ch, long pos, byte[] dst, int off, int len)
      throws IOException {
    int done = 0;
    while (done < len) {
      int n = ch.read(ByteBuffer.wrap(dst, off + done, Math.min(SLICE, len - done)), pos + done);
      if (n < 0) {
        throw new EOFException("ends " + (len - done) + " bytes early");
      }
      done += n;
    }
  }

  /** Writes {@code src[off, off+len)} at {@code pos}. */
  public static void writeFully(FileChannel ch, long pos, byte[] src, int off, int len)
      throws IOException {
    int done = 0;
    while (done < len) {
      done += ch.write(ByteBuffer.wrap(src, off + done, Math.min(SLICE, len - done)), pos + done);
    }
  }
}
