package org.bdr.repo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-memory index of every blob in the repository: an open-addressing table in flat arrays,
 * about 50 bytes a blob, so that a repository of millions of chunks fits in little memory.
 *
 * <p>A blob is keyed by its type and id; a repository may hold the same id as data and as tree.
 * Thread-safe.
 */
final class BlobIndex {

  private static final int LONGS = 4;
  private static final int INTS = 4;

  private final List<Id> packs = new ArrayList<>();
  private final Map<Id, Integer> packNumbers = new HashMap<>();
  private long[] keys = new long[LONGS * 1024];
  private int[] values = new int[INTS * 1024];
  private byte[] types = new byte[1024];
  private int size;

  /** Records a blob unless the same type and id is already known; returns whether it was new. */
  synchronized boolean add(BlobLocation loc) {
    if (find(loc.type(), loc.id()) >= 0) {
      return false;
    }
    if ((size + 1) * 4L > types.length * 3L) {
      grow();
    }
    insert(loc.type(), loc.id(), packNumber(loc.pack()), loc);
    size++;
    return true;
  }

  /** The location of a blob, or null if the index does not know it. */
  synchronized BlobLocation get(BlobType type, Id id) {
    int slot = find(type, id);
    return slot < 0 ? null : location(slot);
  }

  synchronized boolean contains(BlobType type, Id id) {
    return find(type, id) >= 0;
  }

  synchronized int size() {
    return size;
  }

  private int packNumber(Id pack) {
    Integer n = packNumbers.get(pack);
    if (n == null) {
      n = packs.size();
      packs.add(pack);
      packNumbers.put(pack, n);
    }
    return n;
  }

  private int find(BlobType type, Id id) {
    int mask = types.length - 1;
    byte t = tag(type);
    for (int slot = start(id, mask); ; slot = (slot + 1) & mask) {
      if (types[slot] == 0) {
        return -1;
      }
      int k = slot * LONGS;
      if (types[slot] == t
          && keys[k] == id.a
          && keys[k + 1] == id.b
          && keys[k + 2] == id.c
          && keys[k + 3] == id.d) {
        return slot;
      }
    }
  }

  private void insert(BlobType type, Id id, int pack, BlobLocation loc) {
    insertRaw(
        tag(type),
        id.a,
        id.b,
        id.c,
        id.d,
        pack,
        (int) loc.offset(),
        loc.length(),
        loc.uncompressedLength());
  }

  private void insertRaw(
      byte t, long a, long b, long c, long d, int pack, int off, int len, int ulen) {
    int mask = types.length - 1;
    int slot = start(new Id(a, b, c, d), mask);
    while (types[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    types[slot] = t;
    int k = slot * LONGS;
    keys[k] = a;
    keys[k + 1] = b;
    keys[k + 2] = c;
    keys[k + 3] = d;
    int v = slot * INTS;
    values[v] = pack;
    values[v + 1] = off;
    values[v + 2] = len;
    values[v + 3] = ulen;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    byte[] oldTypes = types;
    int cap = oldTypes.length * 2;
    keys = new long[LONGS * cap];
    values = new int[INTS * cap];
    types = new byte[cap];
    for (int slot = 0; slot < oldTypes.length; slot++) {
      if (oldTypes[slot] != 0) {
        int k = slot * LONGS;
        int v = slot * INTS;
        insertRaw(
            oldTypes[slot],
            oldKeys[k],
            oldKeys[k + 1],
            oldKeys[k + 2],
            oldKeys[k + 3],
            oldValues[v],
            oldValues[v + 1],
            oldValues[v + 2],
            oldValues[v + 3]);
      }
    }
  }

  private BlobLocation location(int slot) {
    int k = slot * LONGS;
    int v = slot * INTS;
    BlobType type = types[slot] == 1 ? BlobType.DATA : BlobType.TREE;
    Id id = new Id(keys[k], keys[k + 1], keys[k + 2], keys[k + 3]);
    return new BlobLocation(
        type,
        id,
        packs.get(values[v]),
        Integer.toUnsignedLong(values[v + 1]),
        values[v + 2],
        values[v + 3]);
  }

  private static int start(Id id, int mask) {
    long h = id.a ^ (id.b * 0x9E3779B97F4A7C15L);
    return (int) (h ^ (h >>> 29)) & mask;
  }

  private static byte tag(BlobType type) {
    return (byte) (type == BlobType.DATA ? 1 : 2);
  }
}
