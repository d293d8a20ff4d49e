package org.bdr.repo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bdr.crypto.MasterKey;

/**
 * Assembles one pack file: sealed blobs one after another, then the sealed header listing them,
 * then the header's length as a 4-byte little-endian integer. Not thread-safe.
 */
final class Packer {

  /** A blob placed in this pack. */
  record Entry(BlobType type, Id id, long offset, int length, int uncompressedLength) {}

  private byte[] body;
  private int size;
  private final List<Entry> entries = new ArrayList<>();

  /** A packer writing into {@code buffer}, which grows if the pack outgrows it. */
  Packer(byte[] buffer) {
    this.body = buffer;
  }

  /** Appends a sealed blob. */
  void add(BlobType type, Id id, byte[] sealed, int uncompressedLength) {
    entries.add(new Entry(type, id, size, sealed.length, uncompressedLength));
    append(sealed, sealed.length);
  }

  private void append(byte[] data, int length) {
    if (size + length > body.length) {
      body = Arrays.copyOf(body, Math.max(size + length, body.length + body.length / 2));
    }
    System.arraycopy(data, 0, body, size, length);
    size += length;
  }

  int size() {
    return size;
  }

  int count() {
    return entries.size();
  }

  List<Entry> entries() {
    return List.copyOf(entries);
  }

  /**
   * Appends the sealed header and its length, which completes the pack file: the first {@link
   * #size()} bytes of {@link #buffer()}.
   */
  void finish(MasterKey key) {
    byte[] header = key.seal(header());
    ByteBuffer len = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(header.length);
    append(header, header.length);
    append(len.array(), 4);
  }

  /** The buffer the pack is assembled in; after {@link #finish} it may be reused for another. */
  byte[] buffer() {
    return body;
  }

  private byte[] header() {
    ByteBuffer buf = ByteBuffer.allocate(entries.size() * (1 + 4 + 4 + 32));
    buf.order(ByteOrder.LITTLE_ENDIAN);
    for (Entry e : entries) {
      boolean compressed = e.uncompressedLength() > 0;
      int code = (e.type() == BlobType.DATA ? 0 : 1) + (compressed ? 2 : 0);
      buf.put((byte) code);
      buf.putInt(e.length());
      if (compressed) {
        buf.putInt(e.uncompressedLength());
      }
      buf.put(e.id().bytes());
    }
    byte[] out = new byte[buf.position()];
    buf.flip().get(out);
    return out;
  }

  /**
   * Reads the header of a pack file from its tail.
   *
   * @param tail the last bytes of the pack, at least the header and its length
   * @param packSize the size of the whole pack
   * @throws org.bdr.crypto.AuthenticationException if the header fails authentication
   */
  static List<Entry> parseHeader(MasterKey key, byte[] tail, long packSize)
      throws org.bdr.crypto.AuthenticationException {
    ByteBuffer lenBuf = ByteBuffer.wrap(tail, tail.length - 4, 4).order(ByteOrder.LITTLE_ENDIAN);
    int headerLen = lenBuf.getInt();
    if (headerLen < MasterKey.OVERHEAD || headerLen > tail.length - 4) {
      throw new IllegalArgumentException("pack header length " + headerLen + " is out of range");
    }
    byte[] plain = key.open(tail, tail.length - 4 - headerLen, headerLen);
    ByteBuffer buf = ByteBuffer.wrap(plain).order(ByteOrder.LITTLE_ENDIAN);
    List<Entry> out = new ArrayList<>();
    long offset = 0;
    while (buf.hasRemaining()) {
      int code = buf.get() & 0xff;
      if (code > 3) {
        throw new IllegalArgumentException("pack header holds unknown blob type " + code);
      }
      int length = buf.getInt();
      int ulen = code >= 2 ? buf.getInt() : 0;
      byte[] id = new byte[32];
      buf.get(id);
      BlobType type = (code & 1) == 0 ? BlobType.DATA : BlobType.TREE;
      out.add(new Entry(type, Id.of(id), offset, length, ulen));
      offset += length;
    }
    if (offset + headerLen + 4 != packSize) {
      throw new IllegalArgumentException(
          "pack header describes "
              + offset
              + " bytes of blobs, the pack holds "
              + (packSize - headerLen - 4));
    }
    return out;
  }
}
