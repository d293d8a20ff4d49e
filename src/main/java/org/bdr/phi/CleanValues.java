package org.bdr.phi;

import java.util.Arrays;

/**
 * The short values of one file that the text detector found nothing in, with the cue they were
 * scanned under. Structured files repeat most of their values (a FHIR bundle names the same codes,
 * units and display texts on every resource), and the detector's verdict on a value depends only on
 * its characters and its cue, so a repeat need not be scanned again. Only values that gave no
 * detection at all are kept, whatever the sensitivity, so nothing is ever reported from here.
 *
 * <p>Bounded: values longer than {@link #MAX_LENGTH} are not kept, and once {@link #MAX_VALUES} are
 * kept no more are added. The set lives as long as the scan of one file.
 */
final class CleanValues {

  /** The longest value kept. */
  static final int MAX_LENGTH = 128;

  /** The most values kept. */
  static final int MAX_VALUES = 4096;

  /** Slots at first; the table doubles as it fills, up to twice {@link #MAX_VALUES}. */
  private static final int FIRST_SLOTS = 64;

  private long[] hashes = new long[FIRST_SLOTS];
  private byte[][] values = new byte[FIRST_SLOTS][];
  private byte[] cues = new byte[FIRST_SLOTS];
  private int count;

  /** A hash of a value and its cue; never 0, which marks a free slot. */
  static long hash(Latin1Text text, Cue cue) {
    long seed = 0x9E3779B97F4A7C15L * (cue.ordinal() + 1) ^ text.length();
    long h = TextShapes.hash(text.bytes(), text.offset(), text.length(), seed);
    return h == 0 ? 1 : h;
  }

  /** Whether the value with this hash was kept under this cue. */
  boolean contains(long hash, Latin1Text text, Cue cue) {
    int mask = hashes.length - 1;
    for (int i = slot(hash); ; i = (i + 1) & mask) {
      long h = hashes[i];
      if (h == 0) {
        return false;
      }
      if (h == hash && cues[i] == cue.ordinal() && same(values[i], text)) {
        return true;
      }
    }
  }

  /** Keeps the value with this hash and cue, while there is room. */
  void add(long hash, Latin1Text text, Cue cue) {
    if (count >= MAX_VALUES || text.length() > MAX_LENGTH) {
      return;
    }
    if (2 * (count + 1) > hashes.length) {
      grow();
    }
    int mask = hashes.length - 1;
    int i = slot(hash);
    while (hashes[i] != 0) {
      if (hashes[i] == hash && cues[i] == cue.ordinal() && same(values[i], text)) {
        return;
      }
      i = (i + 1) & mask;
    }
    hashes[i] = hash;
    cues[i] = (byte) cue.ordinal();
    values[i] = Arrays.copyOfRange(text.bytes(), text.offset(), text.offset() + text.length());
    count++;
  }

  /** Doubles the table, placing every kept value anew. */
  private void grow() {
    long[] oldHashes = hashes;
    byte[][] oldValues = values;
    byte[] oldCues = cues;
    hashes = new long[oldHashes.length * 2];
    values = new byte[hashes.length][];
    cues = new byte[hashes.length];
    int mask = hashes.length - 1;
    for (int k = 0; k < oldHashes.length; k++) {
      if (oldHashes[k] != 0) {
        int i = slot(oldHashes[k]);
        while (hashes[i] != 0) {
          i = (i + 1) & mask;
        }
        hashes[i] = oldHashes[k];
        values[i] = oldValues[k];
        cues[i] = oldCues[k];
      }
    }
  }

  private int slot(long hash) {
    return (int) (hash ^ hash >>> 32) & (hashes.length - 1);
  }

  private static boolean same(byte[] kept, Latin1Text text) {
    int off = text.offset();
    return Arrays.equals(kept, 0, kept.length, text.bytes(), off, off + text.length());
  }
}
