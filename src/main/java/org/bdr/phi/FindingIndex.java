package org.bdr.phi;

import java.util.Arrays;

/**
 * The positions of a file's findings grouped by a key (such as a line and a type): for each key, a
 * chain through the positions of its findings, newest first. Open addressing over primitive arrays,
 * so a lookup allocates nothing.
 */
final class FindingIndex {

  private long[] keys;

  /** The newest position of each slot's key, plus one; 0 marks an empty slot. */
  private int[] heads;

  private int[] next;
  private int used;

  /** An index with room for about {@code expected} findings before it grows. */
  FindingIndex(int expected) {
    int size = Integer.highestOneBit(Math.max(8, expected) * 2);
    keys = new long[size];
    heads = new int[size];
    next = new int[Math.max(16, expected)];
  }

  /** Adds the finding at {@code position} to the chain of {@code key}. */
  void add(long key, int position) {
    if (used * 2 >= keys.length) {
      grow();
    }
    if (position >= next.length) {
      next = Arrays.copyOf(next, Math.max(position + 1, next.length * 2));
    }
    int slot = slot(key);
    if (heads[slot] == 0) {
      keys[slot] = key;
      used++;
    }
    next[position] = heads[slot] - 1;
    heads[slot] = position + 1;
  }

  /** The newest position under {@code key}, or -1 when there is none. */
  int first(long key) {
    return heads[slot(key)] - 1;
  }

  /** The position before {@code position} under the same key, or -1. */
  int next(int position) {
    return next[position];
  }

  /** The slot holding {@code key}, or the empty slot where it would go. */
  private int slot(long key) {
    int mask = keys.length - 1;
    int i = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    while (heads[i] != 0 && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldHeads = heads;
    keys = new long[oldKeys.length * 2];
    heads = new int[oldKeys.length * 2];
    for (int k = 0; k < oldKeys.length; k++) {
      if (oldHeads[k] != 0) {
        int slot = slot(oldKeys[k]);
        keys[slot] = oldKeys[k];
        heads[slot] = oldHeads[k];
      }
    }
  }
}
