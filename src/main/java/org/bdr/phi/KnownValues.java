package org.bdr.phi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds repeats of identifiers that the structure of a file revealed (a patient name from PID-5, a
 * street line from {@code patientRole/addr}) elsewhere in the same file, such as in narrative text
 * or display strings.
 */
final class KnownValues {

  private static final double REPEAT_CONFIDENCE = 0.8;

  /** A Latin-1 byte that belongs to a token. */
  private static final byte TOKEN = 0;

  /** A byte after which a token may start a repeat (see {@link #glued}). */
  private static final byte FREE = 1;

  /** A byte that glues what follows it to a longer token: '.', '@', '_', '/' and the like. */
  private static final byte GLUE = 2;

  private static final byte[] KINDS = new byte[256];

  /** Latin-1 bytes that make a match part of a longer token (see {@link #glued}). */
  private static final boolean[] GLUED = new boolean[256];

  static {
    for (int c = 0; c < 256; c++) {
      KINDS[c] = TextShapes.isAlnum((char) c) ? TOKEN : glued((char) c) ? GLUE : FREE;
      GLUED[c] = glued((char) c);
    }
  }

  private KnownValues() {}

  /** Whether a value is specific enough that its repeats are likely the same identifier. */
  static boolean worthRemembering(IdentifierType type, String v) {
    if (v.length() < 3 || v.length() > 200 || TextShapes.looksLikeUuid(v)) {
      return false;
    }
    return switch (type) {
      case NAME -> Character.isLetter(v.charAt(0)) && v.length() >= 3 && !hasDigit(v);
      case ADDRESS -> v.length() >= 6 && hasDigit(v) && hasLetter(v);
      case SSN, PHONE, FAX, MRN, ACCOUNT, HEALTH_PLAN, LICENSE, EMAIL ->
          v.length() >= 5 && (hasDigit(v) || type == IdentifierType.EMAIL);
      default -> false;
    };
  }

  /**
   * Reports every whole-word occurrence of a remembered value in the first {@code size} bytes of a
   * file read as Latin-1, in one pass that counts lines on the way: each token start whose first
   * three bytes begin some remembered value is compared with the values that begin so.
   */
  static void findRepeats(byte[] text, int size, FindingSink sink, boolean names) {
    Patterns patterns = Patterns.of(sink.knownValues(), names);
    if (patterns != null) {
      new Repeats(text, size, sink, patterns).scan();
    }
  }

  /**
   * The remembered values as Latin-1 bytes, each from its first letter or digit, chained by their
   * first three bytes. A value that holds a character past Latin-1 can never match the bytes and is
   * left out, as is one shorter than three bytes or one without an ASCII letter or digit. Matching
   * is exact, so a value with accented letters or a first word of any length is found as it was
   * remembered.
   */
  private static final class Patterns {

    private static final int TABLE_BITS = 16;

    final byte[][] bytes;

    /** All bits set when some value starts with an upper-case ASCII letter, else none. */
    final long upper;

    /** All bits set when some value starts with a lower-case ASCII letter, else none. */
    final long lower;

    /** All bits set when some value starts with an ASCII digit, else none. */
    final long digit;

    final String[] values;
    final IdentifierType[] types;

    /** Bit {@code hash(key)} is set when some value starts with the three bytes of {@code key}. */
    final long[] filter = new long[1 << (TABLE_BITS - 6)];

    /** Open-addressed table of first keys (key + 1, 0 when empty) and their first value. */
    private final int[] keys;

    private final int[] heads;

    /** The next value with the same first key, or -1. */
    final int[] next;

    private Patterns(List<String> values, List<IdentifierType> types) {
      int n = values.size();
      this.values = values.toArray(new String[0]);
      this.types = types.toArray(new IdentifierType[0]);
      this.bytes = new byte[n][];
      this.next = new int[n];
      int slots = Integer.highestOneBit(Math.max(4, n) * 2) * 2;
      this.keys = new int[slots];
      this.heads = new int[slots];
      int[] tails = new int[slots];
      long up = 0;
      long low = 0;
      long dig = 0;
      for (int v = 0; v < n; v++) {
        byte[] b = this.values[v].getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        bytes[v] = b;
        up |= b[0] >= 'A' && b[0] <= 'Z' ? -1L : 0L;
        low |= b[0] >= 'a' && b[0] <= 'z' ? -1L : 0L;
        dig |= b[0] >= '0' && b[0] <= '9' ? -1L : 0L;
        next[v] = -1;
        int key = key(b, 0);
        int h = hash(key);
        filter[h >>> 6] |= 1L << h;
        int slot = slotOf(key);
        if (keys[slot] == 0) {
          keys[slot] = key + 1;
          heads[slot] = v;
        } else {
          next[tails[slot]] = v;
        }
        tails[slot] = v;
      }
      this.upper = up;
      this.lower = low;
      this.digit = dig;
    }

    static Patterns of(Map<String, IdentifierType> known, boolean names) {
      List<String> values = new ArrayList<>();
      List<IdentifierType> types = new ArrayList<>();
      for (Map.Entry<String, IdentifierType> e : known.entrySet()) {
        String v = fromFirstAlnum(e.getKey());
        if (v.length() >= 3
            && latin1(v)
            && hasAsciiAlnum(v)
            && (names || e.getValue() != IdentifierType.NAME)) {
          values.add(v);
          types.add(e.getValue());
        }
      }
      return values.isEmpty() ? null : new Patterns(values, types);
    }

    /** The three bytes at {@code i} as one number. */
    static int key(byte[] b, int i) {
      return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16;
    }

    static int hash(int key) {
      return (key * 0x9E3779B1) >>> (32 - TABLE_BITS);
    }

    /** Whether some value may start with the three bytes of {@code key}. */
    boolean mayStart(int key) {
      int h = hash(key);
      return (filter[h >>> 6] & (1L << h)) != 0;
    }

    /** The first value starting with {@code key}, or -1. */
    int first(int key) {
      int slot = slotOf(key);
      return keys[slot] == key + 1 ? heads[slot] : -1;
    }

    private int slotOf(int key) {
      int mask = keys.length - 1;
      int slot = hash(key) & mask;
      while (keys[slot] != 0 && keys[slot] != key + 1) {
        slot = (slot + 1) & mask;
      }
      return slot;
    }
  }

  /** One pass over the bytes of a file looking for remembered values. */
  private static final class Repeats {

    private final byte[] s;
    private final int n;
    private final FindingSink sink;
    private final Patterns patterns;

    /** The line of the next byte to look at. */
    private long line = 1;

    Repeats(byte[] s, int n, FindingSink sink, Patterns patterns) {
      this.s = s;
      this.n = n;
      this.sink = sink;
      this.patterns = patterns;
    }

    /**
     * Looks at every token that starts after a character that does not glue it to a longer one.
     * ASCII without carriage returns is read eight bytes at a time: one word gives the letters and
     * digits, the line feeds and so every token start and its line at once; only at a start of a
     * kind some value begins with is the byte before it looked up for glue ('.', '@', '_', '/').
     */
    void scan() {
      int i = 0;
      // a token start needs three bytes to be looked up, so the last word leaves two for bytes()
      for (; i + 10 <= n; i += 8) {
        long x = TextShapes.word(s, i);
        long cr = TextShapes.bytesEqual(x, '\r');
        if (TextShapes.hasHighByte(x) || cr != 0) {
          bytes(i, i + 8);
          continue;
        }
        long letters = TextShapes.letterBytes(x);
        long digits = TextShapes.digitBytes(x);
        long lower = letters & (x << 2);
        long outside = ~(letters | digits) & 0x8080808080808080L;
        boolean first = i == 0 || KINDS[s[i - 1] & 0xFF] != TOKEN;
        long starts =
            ((letters & ~lower & patterns.upper)
                    | (lower & patterns.lower)
                    | (digits & patterns.digit))
                & (outside << 8 | (first ? 0x80L : 0L));
        long feeds = TextShapes.bytesEqual(x, '\n');
        for (; starts != 0; starts &= starts - 1) {
          int bit = Long.numberOfTrailingZeros(starts);
          int at = i + (bit >>> 3);
          if (at > 0 && GLUED[s[at - 1] & 0xFF]) {
            continue;
          }
          int key = Patterns.key(s, at);
          if (patterns.mayStart(key)) {
            matches(key, at, line + Long.bitCount(feeds & ((1L << bit) - 1)));
          }
        }
        line += Long.bitCount(feeds);
      }
      bytes(i, n);
    }

    /** Looks at the bytes {@code from..to} one at a time. */
    private void bytes(int from, int to) {
      boolean free = from == 0 || KINDS[s[from - 1] & 0xFF] == FREE;
      for (int i = from; i < to; i++) {
        int b = s[i] & 0xFF;
        int kind = KINDS[b];
        if (kind == TOKEN && free && i + 3 <= n) {
          int key = Patterns.key(s, i);
          if (patterns.mayStart(key)) {
            matches(key, i, line);
          }
        }
        free = kind == FREE;
        if (b == '\n' || (b == '\r' && (i + 1 >= n || s[i + 1] != '\n'))) {
          line++;
        }
      }
    }

    /** Reports each remembered value that starts with {@code key} and stands whole at {@code i}. */
    private void matches(int key, int i, long at) {
      for (int v = patterns.first(key); v >= 0; v = patterns.next[v]) {
        byte[] p = patterns.bytes[v];
        int to = i + p.length;
        if (to <= n
            && java.util.Arrays.equals(s, i, to, p, 0, p.length)
            && (to == n || !GLUED[s[to] & 0xFF])) {
          IdentifierType type = patterns.types[v];
          if (!sink.has(at, type)) {
            sink.add(at, null, type, REPEAT_CONFIDENCE, patterns.values[v]);
          }
        }
      }
    }
  }

  /**
   * Whether a value holds an ASCII letter or digit. One without (a run of UTF-8 non-breaking spaces
   * read as Latin-1, say) would match mere layout wherever it repeats.
   */
  private static boolean hasAsciiAlnum(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
        return true;
      }
    }
    return false;
  }

  private static boolean latin1(String v) {
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) > 0xFF) {
        return false;
      }
    }
    return true;
  }

  private static String fromFirstAlnum(String v) {
    int k = 0;
    while (k < v.length() && !TextShapes.isAlnum(v.charAt(k))) {
      k++;
    }
    return v.substring(k);
  }

  /** Characters that make a match part of a longer token (a word, an e-mail, a path). */
  private static boolean glued(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '@' || c == '_' || c == '/';
  }

  private static boolean hasDigit(String v) {
    for (int i = 0; i < v.length(); i++) {
      if (Character.isDigit(v.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasLetter(String v) {
    for (int i = 0; i < v.length(); i++) {
      if (Character.isLetter(v.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
