package org.bdr.phi;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads JSON one token at a time straight from its bytes, checking that it is well-formed, with the
 * line of each token. String values are not decoded: a value without escapes is handed out as a
 * view of its UTF-8 bytes in the file (read as Latin-1 like every other format the scanner reads),
 * one with escapes as a copy with them resolved. Keys are decoded once and shared.
 *
 * <p>Besides standard JSON it takes what exported and hand-edited files carry: a leading UTF-8
 * byte-order mark, several values in a row (ndjson, one resource per line), numbers with leading
 * zeros, a leading plus or decimal point, and {@code NaN}, {@code Infinity} and a signed {@code
 * INF}.
 */
final class JsonTokens {

  /** The input ended after a complete value. */
  static final int END = 0;

  static final int START_OBJECT = 1;
  static final int END_OBJECT = 2;
  static final int START_ARRAY = 3;
  static final int END_ARRAY = 4;

  /** An object key; see {@link #key()}. */
  static final int KEY = 5;

  /** A string value; see {@link #text()}. */
  static final int STRING = 6;

  /** A number, {@code NaN} or {@code Infinity}; see {@link #text()}. */
  static final int NUMBER = 7;

  /** {@code true}, {@code false} or {@code null}. */
  static final int LITERAL = 8;

  /** The input is not well-formed JSON; carries no message, since it is never shown. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed() {
      super(null, null, false, false);
    }
  }

  private static final Malformed MALFORMED = new Malformed();

  /** What may come next. */
  private static final int VALUE = 0;

  private static final int FIRST_KEY = 1;
  private static final int KEY_NEXT = 2;
  private static final int AFTER_VALUE = 3;
  private static final int FIRST_ELEMENT = 4;

  /**
   * The deepest nesting read through the structure; deeper input counts as malformed (and is then
   * scanned as text), so a hostile file of brackets cannot make the reader hold a frame per byte.
   */
  static final int MAX_DEPTH = 1000;

  /** At most this many distinct keys are kept shared; more (a hostile file) are decoded anew. */
  private static final int MAX_KEYS = 1024;

  private final byte[] b;
  private final int end;
  private int pos;
  private long line = 1;
  private long tokenLine = 1;
  private int expect = VALUE;

  /** The open containers, true for an object. */
  private boolean[] open = new boolean[32];

  private int depth;

  private int textStart;
  private int textLength;
  private boolean textCopied;
  private byte[] scratch = new byte[256];
  private int scratchLength;
  private String key;

  private final byte[][] keyBytes = new byte[2 * MAX_KEYS][];
  private final String[] keyStrings = new String[2 * MAX_KEYS];
  private final Object[] keyNotes = new Object[2 * MAX_KEYS];
  private int keyCount;

  /** The table slot of the current key, or -1 when it is not kept shared. */
  private int keySlot = -1;

  JsonTokens(byte[] bytes, int size) {
    this.b = bytes;
    this.end = size;
    if (size >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      pos = 3; // a UTF-8 byte-order mark, as Windows tools write it, starts the file
    }
  }

  /** The line the current token starts on, from 1; CR, LF and CR LF each end a line. */
  long line() {
    return tokenLine;
  }

  /** The current key. */
  String key() {
    return key;
  }

  /**
   * What the reader noted of the current key the last time it met it in this file ({@link
   * #noteKey}), or null.
   */
  Object keyNote() {
    return keySlot >= 0 ? keyNotes[keySlot] : null;
  }

  /**
   * Keeps what the reader worked out of the current key, so that later occurrences of the same key
   * give it back; not kept for a key past the shared ones.
   */
  void noteKey(Object note) {
    if (keySlot >= 0) {
      keyNotes[keySlot] = note;
    }
  }

  /**
   * The current string value (escapes resolved, as UTF-8 bytes) or number; valid until the next
   * token.
   */
  Latin1Text text() {
    return textCopied
        ? new Latin1Text(scratch, 0, scratchLength)
        : new Latin1Text(b, textStart, textLength);
  }

  /** Reads the next token; {@link #END} once the input ended after a complete value. */
  int next() throws Malformed {
    skipSpace();
    tokenLine = line;
    if (pos >= end) {
      if (depth > 0) {
        throw MALFORMED;
      }
      return END;
    }
    byte c = b[pos];
    switch (expect) {
      case FIRST_KEY, KEY_NEXT -> {
        if (c == '}' && expect == FIRST_KEY) {
          return close(true);
        }
        if (c != '"') {
          throw MALFORMED;
        }
        readKey();
        skipSpace();
        if (pos >= end || b[pos] != ':') {
          throw MALFORMED;
        }
        pos++;
        expect = VALUE;
        return KEY;
      }
      case AFTER_VALUE -> {
        if (depth == 0) {
          return value(c);
        }
        boolean object = open[depth - 1];
        if (c == ',') {
          pos++;
          expect = object ? KEY_NEXT : VALUE;
          return next();
        }
        if (c == (object ? '}' : ']')) {
          return close(object);
        }
        throw MALFORMED;
      }
      case FIRST_ELEMENT -> {
        if (c == ']') {
          return close(false);
        }
        return value(c);
      }
      default -> {
        return value(c);
      }
    }
  }

  private int value(byte c) throws Malformed {
    switch (c) {
      case '{' -> {
        push(true);
        expect = FIRST_KEY;
        return START_OBJECT;
      }
      case '[' -> {
        push(false);
        expect = FIRST_ELEMENT;
        return START_ARRAY;
      }
      case '"' -> {
        readString();
        expect = AFTER_VALUE;
        return STRING;
      }
      default -> {
        int kind = readBare();
        expect = AFTER_VALUE;
        return kind;
      }
    }
  }

  private void push(boolean object) throws Malformed {
    if (depth == MAX_DEPTH) {
      throw MALFORMED;
    }
    pos++;
    if (depth == open.length) {
      open = Arrays.copyOf(open, depth * 2);
    }
    open[depth++] = object;
  }

  private int close(boolean object) {
    pos++;
    depth--;
    expect = AFTER_VALUE;
    return object ? END_OBJECT : END_ARRAY;
  }

  private void skipSpace() {
    while (pos < end) {
      byte c = b[pos];
      if (c == ' ' || c == '\t') {
        pos++;
      } else if (c == '\n') {
        pos++;
        line++;
      } else if (c == '\r') {
        pos++;
        line++;
        if (pos < end && b[pos] == '\n') {
          pos++;
        }
      } else {
        return;
      }
    }
  }

  /**
   * Reads a number or a literal: a run of number characters after an optional sign, or one of the
   * words JSON and its lenient spellings allow.
   */
  private int readBare() throws Malformed {
    int start = pos;
    int k = pos;
    if (k < end && (b[k] == '-' || b[k] == '+')) {
      k++;
    }
    int wordStart = k;
    while (k < end && isWordByte(b[k])) {
      k++;
    }
    if (k > wordStart && isLetter(b[wordStart])) {
      int kind = word(wordStart, k, wordStart > start);
      pos = k;
      textStart = start;
      textLength = k - start;
      textCopied = false;
      return kind;
    }
    k = number(start);
    if (k < 0 || k < end && (isWordByte(b[k]) || b[k] == '.' || b[k] == '+' || b[k] == '-')) {
      throw MALFORMED;
    }
    if (depth == 0 && k < end && b[k] != ' ' && b[k] != '\t' && b[k] != '\n' && b[k] != '\r') {
      throw MALFORMED; // a number at the top level ends with white space or the input
    }
    pos = k;
    textStart = start;
    textLength = k - start;
    textCopied = false;
    return NUMBER;
  }

  /**
   * The end of the number starting at {@code k}, or -1 when none starts there: an optional sign,
   * digits (leading zeros allowed) with an optional fraction, or a fraction alone, then an optional
   * exponent.
   */
  private int number(int k) {
    if (k < end && (b[k] == '-' || b[k] == '+')) {
      k++;
    }
    int digits = digits(k);
    k += digits;
    if (k < end && b[k] == '.') {
      int fraction = digits(k + 1);
      if (fraction == 0) {
        return -1;
      }
      k += 1 + fraction;
    } else if (digits == 0) {
      return -1;
    }
    if (k < end && (b[k] == 'e' || b[k] == 'E')) {
      k++;
      if (k < end && (b[k] == '-' || b[k] == '+')) {
        k++;
      }
      int exponent = digits(k);
      if (exponent == 0) {
        return -1;
      }
      k += exponent;
    }
    return k;
  }

  private int digits(int from) {
    int k = from;
    while (k < end && b[k] >= '0' && b[k] <= '9') {
      k++;
    }
    return k - from;
  }

  private int word(int from, int to, boolean signed) throws Malformed {
    if (is(from, to, "Infinity") || (signed ? is(from, to, "INF") : is(from, to, "NaN"))) {
      return NUMBER; // the spellings standard parsers read: -INF and +INF, but no signed NaN
    }
    if (!signed && (is(from, to, "true") || is(from, to, "false") || is(from, to, "null"))) {
      return LITERAL;
    }
    throw MALFORMED;
  }

  private boolean is(int from, int to, String word) {
    if (to - from != word.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (b[from + i] != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLetter(byte c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isWordByte(byte c) {
    return isLetter(c) || (c >= '0' && c <= '9') || c == '_';
  }

  /**
   * Reads the string starting at the quote under {@link #pos}: a view when it holds no escape, else
   * a copy into the scratch buffer.
   */
  private void readString() throws Malformed {
    int start = pos + 1;
    int k = TextShapes.jsonStringStop(b, start, end);
    if (k >= end || (b[k] != '"' && b[k] != '\\')) {
      throw MALFORMED; // unterminated, or a control character inside
    }
    if (b[k] == '"') {
      textStart = start;
      textLength = k - start;
      textCopied = false;
      pos = k + 1;
      return;
    }
    scratchLength = 0;
    append(start, k);
    while (true) {
      if (k >= end) {
        throw MALFORMED;
      }
      byte c = b[k];
      if (c == '"') {
        textCopied = true;
        pos = k + 1;
        return;
      }
      if (c >= 0 && c < 0x20) {
        throw MALFORMED;
      }
      if (c != '\\') {
        int from = k;
        k = TextShapes.jsonStringStop(b, k, end);
        append(from, k);
        continue;
      }
      k = escape(k + 1);
    }
  }

  /** Resolves the escape whose letter is at {@code k}; returns the index after it. */
  private int escape(int k) throws Malformed {
    if (k >= end) {
      throw MALFORMED;
    }
    switch (b[k]) {
      case '"', '\\', '/' -> appendByte(b[k]);
      case 'b' -> appendByte((byte) '\b');
      case 'f' -> appendByte((byte) '\f');
      case 'n' -> appendByte((byte) '\n');
      case 'r' -> appendByte((byte) '\r');
      case 't' -> appendByte((byte) '\t');
      case 'u' -> {
        int cp = hex4(k + 1);
        k += 4;
        if (Character.isHighSurrogate((char) cp)
            && k + 6 < end
            && b[k + 1] == '\\'
            && b[k + 2] == 'u') {
          int low = hex4(k + 3);
          if (Character.isLowSurrogate((char) low)) {
            cp = Character.toCodePoint((char) cp, (char) low);
            k += 6;
          }
        }
        appendCodePoint(cp);
      }
      default -> throw MALFORMED;
    }
    return k + 1;
  }

  private int hex4(int at) throws Malformed {
    if (at + 4 > end) {
      throw MALFORMED;
    }
    int v = 0;
    for (int i = at; i < at + 4; i++) {
      int d = Character.digit(b[i], 16);
      if (d < 0) {
        throw MALFORMED;
      }
      v = v << 4 | d;
    }
    return v;
  }

  /**
   * Appends a code point as the scanner holds text read from UTF-8 ({@link
   * TextShapes#latin1Letters}): a Latin-1 character or a Latin letter that has a plain one as one
   * byte, an accent written after its letter not at all, anything else as UTF-8; a lone surrogate
   * becomes '?'.
   */
  private void appendCodePoint(int cp) {
    if (TextShapes.accentMark(cp)) {
      return;
    }
    char plain = cp < 0x10000 ? TextShapes.latinBase((char) cp) : Character.MAX_VALUE;
    if (plain < 0x100) {
      appendByte((byte) plain);
    } else if (cp < 0x800) {
      appendByte((byte) (0xC0 | cp >> 6));
      appendByte((byte) (0x80 | cp & 0x3F));
    } else if (Character.isSurrogate((char) cp) && cp < 0x10000) {
      appendByte((byte) '?');
    } else if (cp < 0x10000) {
      appendByte((byte) (0xE0 | cp >> 12));
      appendByte((byte) (0x80 | cp >> 6 & 0x3F));
      appendByte((byte) (0x80 | cp & 0x3F));
    } else {
      appendByte((byte) (0xF0 | cp >> 18));
      appendByte((byte) (0x80 | cp >> 12 & 0x3F));
      appendByte((byte) (0x80 | cp >> 6 & 0x3F));
      appendByte((byte) (0x80 | cp & 0x3F));
    }
  }

  private void append(int from, int to) {
    int n = to - from;
    if (scratchLength + n > scratch.length) {
      scratch = Arrays.copyOf(scratch, Math.max(scratchLength + n, scratch.length * 2));
    }
    System.arraycopy(b, from, scratch, scratchLength, n);
    scratchLength += n;
  }

  private void appendByte(byte c) {
    if (scratchLength == scratch.length) {
      scratch = Arrays.copyOf(scratch, scratch.length * 2);
    }
    scratch[scratchLength++] = c;
  }

  /** Reads a key and decodes it, sharing the string with earlier keys of the same bytes. */
  private void readKey() throws Malformed {
    int start = pos + 1;
    int k = TextShapes.jsonStringStop(b, start, end);
    byte[] src = b;
    int from = start;
    int n = k - start;
    if (k >= end || b[k] != '"') {
      readString();
      src = scratch;
      from = 0;
      n = scratchLength;
    } else {
      pos = k + 1;
    }
    key = shared(src, from, n, (int) TextShapes.hash(src, from, n, n));
  }

  /**
   * A key's bytes as text: UTF-8 where they are, else Latin-1, as the scanner holds the accented
   * letters of a file read from UTF-8 ({@link TextShapes#latin1Letters}: "Prénom" then has one byte
   * for its é).
   */
  private static String keyText(byte[] src, int from, int n) {
    String utf8 = new String(src, from, n, StandardCharsets.UTF_8);
    return utf8.indexOf('\uFFFD') < 0
        ? utf8
        : new String(src, from, n, StandardCharsets.ISO_8859_1);
  }

  private String shared(byte[] src, int from, int n, int h) {
    int mask = keyBytes.length - 1;
    for (int i = (h ^ h >>> 16) & mask; ; i = (i + 1) & mask) {
      byte[] k = keyBytes[i];
      if (k == null) {
        String s = keyText(src, from, n);
        keySlot = -1;
        if (keyCount < MAX_KEYS) {
          keyBytes[i] = Arrays.copyOfRange(src, from, from + n);
          keyStrings[i] = s;
          keyCount++;
          keySlot = i;
        }
        return s;
      }
      if (k.length == n && Arrays.equals(k, 0, n, src, from, from + n)) {
        keySlot = i;
        return keyStrings[i];
      }
    }
  }
}
