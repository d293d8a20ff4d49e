package org.bdr.phi;

import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decompresses a gzip file (RFC 1952) as its bytes are pushed, so a {@code .gz} export is scanned
 * for what it holds without a temporary copy. Memory stays at one output piece whatever the file
 * expands to. A file that expands more than {@link #MAX_RATIO} times (past {@link #RATIO_FLOOR}
 * bytes) or beyond {@link #MAX_EXPANDED} bytes is treated as a gzip bomb and stopped; a corrupt or
 * truncated file is reported as such. Concatenated members are read in turn; bytes after the last
 * member that do not start another one are ignored, as gzip does. A file that does not start with
 * the gzip magic passes through unchanged.
 */
final class GzipExpander {

  static final long MAX_EXPANDED = 4L << 30;
  static final long MAX_RATIO = 200;
  static final long RATIO_FLOOR = 8 << 20;

  private static final int PIECE = 64 * 1024;
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;

  /** Where the reader stands in the file. */
  private enum State {
    MAGIC,
    PASS,
    HEADER,
    BODY,
    TRAILER,
    BETWEEN,
    IGNORED
  }

  /** The parts of a member header, in file order; all but the fixed one are optional. */
  private enum Part {
    FIXED,
    XLEN_LOW,
    XLEN_HIGH,
    EXTRA,
    NAME,
    COMMENT,
    HCRC_LOW,
    HCRC_HIGH
  }

  private final ByteSink next;
  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private final byte[] out = new byte[PIECE];
  private final byte[] fixed = new byte[10];
  private State state = State.MAGIC;

  /** Header progress: the part being read, bytes of the fixed part seen, flags, bytes left. */
  private Part part = Part.FIXED;

  private int fixedSeen;

  private int flags;
  private int partLeft;

  private int trailerSeen;
  private long trailerCrc;
  private long trailerSize;
  private long memberOut;
  private long expanded;
  private long compressedBefore;

  GzipExpander(ByteSink next) {
    this.next = next;
  }

  /** Whether the file turned out to be gzip; false until its first two bytes arrived. */
  boolean expanding() {
    return state != State.MAGIC && state != State.PASS;
  }

  /** Feeds the next bytes of the file; returns whether more are wanted. */
  boolean update(byte[] b, int off, int len) {
    int i = off;
    int end = off + len;
    boolean more = true;
    while (more && i < end) {
      switch (state) {
        case PASS -> {
          return next.accept(b, i, end - i);
        }
        case MAGIC -> i = magic(b, i, end);
        case HEADER, BETWEEN -> i = header(b, i, end);
        case BODY -> {
          int consumed = body(b, i, end);
          more = consumed >= 0;
          i = more ? consumed : end;
        }
        case TRAILER -> i = trailer(b, i, end);
        case IGNORED -> i = end;
      }
    }
    return more;
  }

  /** Ends the input; a member cut short is an error. */
  boolean end() {
    if (state == State.MAGIC) {
      state = State.PASS;
      return fixedSeen == 0 || next.accept(fixed, 0, fixedSeen);
    }
    if (state == State.HEADER || state == State.BODY || state == State.TRAILER) {
      throw new UnreadableContent("the gzip data is truncated");
    }
    return true;
  }

  /** Frees the inflater's native memory; the expander takes no more bytes afterwards. */
  void release() {
    inflater.end();
  }

  /** Reads the first two bytes: gzip magic starts the header, anything else passes through. */
  private int magic(byte[] b, int i, int end) {
    fixed[fixedSeen++] = b[i];
    if (fixedSeen == 1 && (b[i] & 0xFF) == 0x1F) {
      return i + 1;
    }
    boolean gzip = fixedSeen == 2 && (b[i] & 0xFF) == 0x8B;
    if (!gzip) {
      state = State.PASS;
      next.accept(fixed, 0, fixedSeen);
      return i + 1;
    }
    state = State.HEADER;
    part = Part.FIXED;
    return i + 1;
  }

  /** Reads header bytes one at a time: the fixed ten, then the optional parts the flags name. */
  private int header(byte[] b, int i, int end) {
    if (state == State.BETWEEN) {
      if (fixedSeen == 0 && (b[i] & 0xFF) != 0x1F || fixedSeen == 1 && (b[i] & 0xFF) != 0x8B) {
        state = State.IGNORED;
        return end;
      }
      fixed[fixedSeen++] = b[i];
      state = fixedSeen == 2 ? State.HEADER : State.BETWEEN;
      part = Part.FIXED;
      return i + 1;
    }
    for (; i < end && state == State.HEADER; i++) {
      headerByte(b[i] & 0xFF);
    }
    return i;
  }

  private void headerByte(int c) {
    switch (part) {
      case FIXED -> {
        fixed[fixedSeen++] = (byte) c;
        if (fixedSeen == fixed.length) {
          if ((fixed[2] & 0xFF) != 8) {
            throw new UnreadableContent("the gzip data uses an unknown compression method");
          }
          flags = fixed[3] & 0xFF;
          after(Part.FIXED);
        }
      }
      case XLEN_LOW -> {
        partLeft = c;
        part = Part.XLEN_HIGH;
      }
      case XLEN_HIGH -> {
        partLeft |= c << 8;
        if (partLeft > 0) {
          part = Part.EXTRA;
        } else {
          after(Part.EXTRA);
        }
      }
      case EXTRA -> {
        if (--partLeft == 0) {
          after(Part.EXTRA);
        }
      }
      case NAME, COMMENT -> {
        if (c == 0) {
          after(part);
        }
      }
      case HCRC_LOW -> part = Part.HCRC_HIGH;
      case HCRC_HIGH -> after(Part.HCRC_HIGH);
    }
  }

  /** Moves past a finished header part to the next one the flags announce, or to the body. */
  private void after(Part done) {
    if (done.compareTo(Part.XLEN_LOW) < 0 && (flags & FEXTRA) != 0) {
      part = Part.XLEN_LOW;
    } else if (done.compareTo(Part.NAME) < 0 && (flags & FNAME) != 0) {
      part = Part.NAME;
    } else if (done.compareTo(Part.COMMENT) < 0 && (flags & FCOMMENT) != 0) {
      part = Part.COMMENT;
    } else if (done.compareTo(Part.HCRC_LOW) < 0 && (flags & FHCRC) != 0) {
      part = Part.HCRC_LOW;
    } else {
      state = State.BODY;
      inflater.reset();
      crc.reset();
      memberOut = 0;
    }
  }

  /** Inflates what it can of the input; returns where the input stands, or -1 to stop. */
  private int body(byte[] b, int i, int end) {
    inflater.setInput(b, i, end - i);
    try {
      while (true) {
        int n = inflater.inflate(out);
        if (n > 0) {
          crc.update(out, 0, n);
          memberOut += n;
          expanded += n;
          checkExpansion();
          if (!next.accept(out, 0, n)) {
            return -1;
          }
        }
        if (inflater.finished()) {
          compressedBefore += inflater.getBytesRead();
          state = State.TRAILER;
          trailerSeen = 0;
          trailerCrc = 0;
          trailerSize = 0;
          return end - inflater.getRemaining();
        }
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          if (inflater.needsDictionary()) {
            throw new UnreadableContent("the gzip data is corrupt");
          }
          return end;
        }
      }
    } catch (DataFormatException e) {
      throw new UnreadableContent("the gzip data is corrupt");
    }
  }

  private void checkExpansion() {
    if (expanded > MAX_EXPANDED) {
      throw new UnreadableContent(
          "gzip bomb suspected: expands beyond " + (MAX_EXPANDED >> 30) + " GiB");
    }
    long compressed = compressedBefore + inflater.getBytesRead();
    if (expanded > RATIO_FLOOR && expanded > compressed * MAX_RATIO) {
      throw new UnreadableContent(
          "gzip bomb suspected: expands more than " + MAX_RATIO + " times its size");
    }
  }

  /** Reads the CRC-32 and size that end a member and checks them. */
  private int trailer(byte[] b, int i, int end) {
    for (; i < end && trailerSeen < 8; i++, trailerSeen++) {
      long v = (long) (b[i] & 0xFF) << (8 * (trailerSeen & 3));
      if (trailerSeen < 4) {
        trailerCrc |= v;
      } else {
        trailerSize |= v;
      }
    }
    if (trailerSeen == 8) {
      if (trailerCrc != crc.getValue() || trailerSize != (memberOut & 0xFFFF_FFFFL)) {
        throw new UnreadableContent("the gzip data is corrupt (checksum mismatch)");
      }
      state = State.BETWEEN;
      fixedSeen = 0;
    }
    return i;
  }
}
