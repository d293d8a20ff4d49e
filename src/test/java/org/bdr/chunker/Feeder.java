package org.bdr.chunker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Drives a {@link Chunker} the way the archiver does, over data held in memory, and reports the
 * chunk lengths. Each buffer is copied between junk bytes, so a chunker that reads outside the
 * range it was given, or assumes it starts at offset 0, produces different boundaries.
 */
final class Feeder {

  private static final int PAD = 13;

  private Feeder() {}

  /** Chunk lengths for {@code data} fed in buffers whose sizes cycle through {@code sizes}. */
  static List<Integer> lengths(Polynomial pol, byte[] data, int... sizes) {
    Chunker chunker = new Chunker(pol);
    List<Integer> lengths = new ArrayList<>();
    int pending = 0;
    int pos = 0;
    for (int i = 0; pos < data.length; i++) {
      int size = Math.min(sizes[i % sizes.length], data.length - pos);
      byte[] buf = padded(data, pos, size);
      int off = PAD;
      int left = size;
      while (left > 0) {
        int cut = chunker.next(buf, off, left);
        if (cut == -1) {
          pending += left;
          break;
        }
        assertThat(cut).as("cut inside the range given").isBetween(1, left);
        lengths.add(pending + cut);
        pending = 0;
        off += cut;
        left -= cut;
      }
      pos += size;
    }
    if (pending > 0) {
      lengths.add(pending);
    }
    return lengths;
  }

  /** Deterministic pseudo-random bytes. */
  static byte[] randomBytes(long seed, int size) {
    byte[] data = new byte[size];
    new SplittableRandom(seed).nextBytes(data);
    return data;
  }

  private static byte[] padded(byte[] data, int pos, int size) {
    byte[] buf = new byte[size + 2 * PAD];
    Arrays.fill(buf, (byte) 0x5a);
    System.arraycopy(data, pos, buf, PAD, size);
    return buf;
  }
}
