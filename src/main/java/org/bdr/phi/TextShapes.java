package org.bdr.phi;

/** Cheap character-class tests shared by the detectors. */
final class TextShapes {

  /** Reads eight bytes of an array at once, to skip ASCII a word at a time. */
  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
          long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long LOW_BITS = 0x0101010101010101L;

  private TextShapes() {}

  /**
   * Whether a character is white space as {@link Character#isWhitespace} says (for Latin-1: tab,
   * line feed, vertical tab, form feed, carriage return, the four separators 0x1C..0x1F and space),
   * without its table lookup for the Latin-1 characters that text read as bytes holds.
   */
  static boolean isWhitespace(char c) {
    if (c > ' ') {
      return c > 0xFF && Character.isWhitespace(c);
    }
    return c == ' ' || (c >= '\t' && c <= '\r') || c >= 0x1C;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c != 0xD7);
  }

  static boolean isUpper(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
  }

  static boolean isAlnum(char c) {
    return isDigit(c) || isLetter(c);
  }

  static boolean isHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** Whether the text is a UUID (8-4-4-4-12 hex digits), optionally after {@code urn:uuid:}. */
  static boolean looksLikeUuid(CharSequence s) {
    Latin1Text t = s instanceof Latin1Text latin1 ? latin1 : Latin1Text.of(s.toString());
    int from = 0;
    if (t.length() == 45 && t.startsWith("urn:uuid:")) {
      from = 9;
    }
    return isUuidAt(t, from) && t.length() - from == 36;
  }

  /** Whether a UUID starts at {@code from}. */
  static boolean isUuidAt(Latin1Text s, int from) {
    if (from + 36 > s.length()) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(from + i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : !isHex(c)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the text is a dotted numeric OID or DICOM UID such as {@code 1.2.840.10008.1}. */
  static boolean looksLikeOid(CharSequence s) {
    int dots = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') {
        dots++;
      } else if (!isDigit(c)) {
        return false;
      }
    }
    return dots >= 3 && s.length() > 0 && isDigit(s.charAt(0));
  }

  /** Whether the text has at least one ASCII digit. */
  static boolean hasDigit(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the text has at least one letter. */
  static boolean hasLetter(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (isLetter(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Splits at every {@code sep}, keeping empty parts (a plain split, no regular expression). */
  static String[] split(String s, char sep) {
    int parts = 1;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == sep) {
        parts++;
      }
    }
    String[] out = new String[parts];
    int start = 0;
    int k = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == sep) {
        out[k++] = s.substring(start, i);
        start = i + 1;
      }
    }
    out[k] = s.substring(start);
    return out;
  }

  /**
   * The index of the first CR or LF among the bytes {@code from..to}, or {@code to} when there is
   * none. Eight bytes are tested at once: a byte equal to the one sought becomes zero after an
   * exclusive or, and the lowest zero byte of a word is found exactly by the borrow trick.
   */
  static int lineBreak(byte[] b, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long w = (long) LONGS.get(b, i);
      long lf = w ^ 0x0A0A0A0A0A0A0A0AL;
      long cr = w ^ 0x0D0D0D0D0D0D0D0DL;
      long found = (((lf - LOW_BITS) & ~lf) | ((cr - LOW_BITS) & ~cr)) & HIGH_BITS;
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    while (i < to && b[i] != '\n' && b[i] != '\r') {
      i++;
    }
    return i;
  }

  /** The eight bytes at {@code i} as one word, the first byte lowest. */
  static long word(byte[] b, int i) {
    return (long) LONGS.get(b, i);
  }

  /** Whether some byte of the word is not ASCII. */
  static boolean hasHighByte(long x) {
    return (x & HIGH_BITS) != 0;
  }

  /**
   * The high bit of each byte of an ASCII word that is an ASCII letter or digit, with the range
   * tests of {@link #alnumEnd}.
   */
  static long alnumBytes(long x) {
    return letterBytes(x) | digitBytes(x);
  }

  /** The high bit of each byte of an ASCII word that is an ASCII letter. */
  static long letterBytes(long x) {
    long folded = x | 0x2020202020202020L;
    return (folded + 0x1F1F1F1F1F1F1F1FL) & ~(folded + 0x0505050505050505L) & HIGH_BITS;
  }

  /** The high bit of each byte of an ASCII word that is an ASCII digit. */
  static long digitBytes(long x) {
    return (x + 0x5050505050505050L) & ~(x + 0x4646464646464646L) & HIGH_BITS;
  }

  /**
   * The high bit of each byte of an ASCII word that equals {@code c}; exact for every byte, unlike
   * the borrow trick, which may flag the byte after a match.
   */
  static long bytesEqual(long x, int c) {
    long v = x ^ (LOW_BITS * c);
    long low = 0x7F7F7F7F7F7F7F7FL;
    return ~(((v & low) + low) | v | low);
  }

  /**
   * The index of the first byte among {@code from..to} that is not a letter or digit as {@link
   * #isAlnum} says (bytes read as Latin-1), or {@code to}. Eight ASCII bytes are tested at once:
   * adding a constant to a byte below 0x80 sets its high bit exactly when it is at least some
   * value, which gives a range test per byte without carries between bytes.
   */
  static int alnumEnd(byte[] b, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long x = (long) LONGS.get(b, i);
      long folded = x | 0x2020202020202020L;
      long letters = (folded + 0x1F1F1F1F1F1F1F1FL) & ~(folded + 0x0505050505050505L);
      long digits = (x + 0x5050505050505050L) & ~(x + 0x4646464646464646L);
      if ((x & HIGH_BITS) != 0 || ((letters | digits) & HIGH_BITS) != HIGH_BITS) {
        break;
      }
    }
    while (i < to && isAlnum((char) (b[i] & 0xFF))) {
      i++;
    }
    return i;
  }

  /**
   * The index of the first {@code c} among the characters {@code from..to} of {@code s}, or {@code
   * to}; text that is a {@link Latin1Text} is searched eight bytes at a time.
   */
  static int indexOf(CharSequence s, char c, int from, int to) {
    if (s instanceof Latin1Text t && c < 0x80) {
      return indexOf(t.bytes(), (byte) c, t.offset() + from, t.offset() + to) - t.offset();
    }
    int i = from;
    while (i < to && s.charAt(i) != c) {
      i++;
    }
    return i;
  }

  /**
   * The index of the first byte among {@code from..to} that ends the plain part of a JSON string: a
   * quote, a backslash or an ASCII control character (below 0x20); or {@code to}. Eight bytes are
   * tested at once; the lowest byte the word tests flag is always a true one.
   */
  static int jsonStringStop(byte[] b, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long w = (long) LONGS.get(b, i);
      long quote = w ^ (LOW_BITS * '"');
      long slash = w ^ (LOW_BITS * '\\');
      long found =
          ((quote - LOW_BITS) & ~quote | (slash - LOW_BITS) & ~slash | (w - LOW_BITS * 0x20) & ~w)
              & HIGH_BITS;
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    while (i < to && b[i] != '"' && b[i] != '\\' && (b[i] < 0 || b[i] >= 0x20)) {
      i++;
    }
    return i;
  }

  /**
   * A 64-bit hash of the {@code n} bytes at {@code b[off]}, read eight at a time; the same for the
   * same bytes wherever they sit. The last bytes are read as one number, with the word that ends
   * with them where the array has room before them.
   */
  static long hash(byte[] b, int off, int n, long seed) {
    long h = seed;
    int i = 0;
    for (; i + 8 <= n; i += 8) {
      h = Long.rotateLeft((h ^ word(b, off + i)) * 0xC2B2AE3D27D4EB4FL, 31);
    }
    int rest = n - i;
    if (rest > 0) {
      long tail;
      if (off + n >= 8) {
        tail = word(b, off + n - 8) >>> (8 * (8 - rest));
      } else {
        tail = 0;
        for (int k = rest - 1; k >= 0; k--) {
          tail = tail << 8 | (b[off + i + k] & 0xFF);
        }
      }
      h = Long.rotateLeft((h ^ tail) * 0xC2B2AE3D27D4EB4FL, 31);
    }
    h ^= h >>> 29;
    h *= 0x94D049BB133111EBL;
    return h ^ h >>> 32;
  }

  /** The index of the first byte {@code c} among {@code from..to}, or {@code to}. */
  static int indexOf(byte[] b, byte c, int from, int to) {
    long pattern = LOW_BITS * (c & 0xFF);
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long w = (long) LONGS.get(b, i) ^ pattern;
      long found = (w - LOW_BITS) & ~w & HIGH_BITS;
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    while (i < to && b[i] != c) {
      i++;
    }
    return i;
  }

  /**
   * The index of the first byte among {@code from..to} that may start something for the text
   * detector (an ASCII letter or digit, '@', ':', or any byte from 0x80 up), or {@code to}. Eight
   * bytes are tested at once, with the range and zero-byte tests of {@link #alnumEnd} and {@link
   * #lineBreak} on the low seven bits of each byte; the lowest flagged byte is exact.
   */
  static int detectorTrigger(byte[] b, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long x = (long) LONGS.get(b, i);
      long low = x & ~HIGH_BITS;
      long folded = low | 0x2020202020202020L;
      long letters = (folded + 0x1F1F1F1F1F1F1F1FL) & ~(folded + 0x0505050505050505L);
      long digitsOrColon = (low + 0x5050505050505050L) & ~(low + 0x4545454545454545L);
      long at = low ^ 0x4040404040404040L;
      long atFound = (at - LOW_BITS) & ~at;
      long found = ((letters | digitsOrColon | atFound) & HIGH_BITS) | (x & HIGH_BITS);
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    while (i < to && !detectorTrigger(b[i] & 0xFF)) {
      i++;
    }
    return i;
  }

  private static boolean detectorTrigger(int c) {
    return c >= 0x80 || c == '@' || c == ':' || isAlnum((char) c);
  }

  /**
   * The index of the first byte among {@code from..to} that is not an ASCII letter, or {@code to}.
   */
  static int asciiLetterEnd(byte[] b, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long x = (long) LONGS.get(b, i);
      long folded = (x & ~HIGH_BITS) | 0x2020202020202020L;
      long letters = (folded + 0x1F1F1F1F1F1F1F1FL) & ~(folded + 0x0505050505050505L);
      long notLetter = (~letters | x) & HIGH_BITS;
      if (notLetter != 0) {
        return i + (Long.numberOfTrailingZeros(notLetter) >>> 3);
      }
    }
    while (i < to && ((b[i] | 0x20) >= 'a' && (b[i] | 0x20) <= 'z')) {
      i++;
    }
    return i;
  }

  /** The index of the first byte that is not ASCII among {@code from..to}, or {@code to}. */
  static int skipAscii(byte[] b, int from, int to) {
    int i = from;
    while (i + 16 <= to
        && (((long) LONGS.get(b, i) | (long) LONGS.get(b, i + 8)) & HIGH_BITS) == 0) {
      i += 16;
    }
    while (i + 8 <= to && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) {
      i += 8;
    }
    while (i < to && b[i] >= 0) {
      i++;
    }
    return i;
  }

  /**
   * Rewrites well-formed UTF-8 in place so that each Latin-1 character and each accented Latin
   * letter takes one byte, as the detectors read text (one byte, one Latin-1 character): a Latin-1
   * character becomes its own byte ("José" is read as José, not as "JosÃ©"), and a letter past
   * Latin-1 its plain letter where it has one ({@link #latinBase}: "Łukasz" is read as Lukasz,
   * "Nguyễn" as Nguyen); an accent written after its letter is left out ({@link #accentMark}).
   * Every other character keeps its bytes, and line breaks are ASCII, so line numbers stay the
   * file's.
   *
   * @param b bytes that {@link #validUtf8} accepts
   * @return the number of bytes the text now takes
   */
  static int latin1Letters(byte[] b, int len) {
    int in = skipAscii(b, 0, len);
    int out = in;
    while (in < len) {
      int c = b[in] & 0xFF;
      int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
      int cp = -1;
      if (extra == 1) {
        cp = (c & 0x1F) << 6 | (b[in + 1] & 0x3F);
      } else if (c == 0xE1 && (b[in + 1] & 0xFC) == 0xB8) {
        // U+1E00..U+1EFF: the letters of Vietnamese and others with two accents (ễ, ặ, ọ)
        cp = 0x1000 | (b[in + 1] & 0x3F) << 6 | (b[in + 2] & 0x3F);
      }
      char plain = cp >= 0 ? latinBase((char) cp) : Character.MAX_VALUE;
      if (accentMark(cp)) {
        in += 2;
      } else if (plain < 0x100) {
        b[out++] = (byte) plain;
        in += extra + 1;
      } else {
        for (int k = 0; k <= extra; k++) {
          b[out++] = b[in++];
        }
      }
      // the ASCII up to the next character that is not, moved down a word at a time
      int next = skipAscii(b, in, len);
      System.arraycopy(b, in, b, out, next - in);
      out += next - in;
      in = next;
    }
    return out;
  }

  /**
   * Whether a character is an accent written after its letter (U+0300..U+036F: "María" written as
   * "Mari", U+0301, "a", as macOS may write it), which UTF-8 text read for the detectors leaves
   * out, so that the letter before it reads on as the plain letter it is in the name lists.
   */
  static boolean accentMark(int cp) {
    return cp >= 0x300 && cp <= 0x36F;
  }

  /**
   * The plain Latin-1 letter of an accented letter beyond Latin-1 (Ł, ę, Ş, ő, Ǎ, ễ, ạ: L, e, S, o,
   * A, e, a), or the character itself when it has none.
   */
  static char latinBase(char c) {
    if (c < 0x100) {
      return c;
    }
    if (c <= 0x24F) {
      return LATIN_EXTENDED[c - 0x100];
    }
    return c >= 0x1E00 && c <= 0x1EFF ? LATIN_ADDITIONAL[c - 0x1E00] : c;
  }

  /** {@link #latinBase} of U+0100..U+024F (Latin Extended-A and B). */
  private static final char[] LATIN_EXTENDED = plainLetters((char) 0x100, (char) 0x24F);

  /** {@link #latinBase} of U+1E00..U+1EFF (Latin Extended Additional). */
  private static final char[] LATIN_ADDITIONAL = plainLetters((char) 0x1E00, (char) 0x1EFF);

  private static char[] plainLetters(char first, char last) {
    char[] table = new char[last - first + 1];
    for (char c = first; c <= last; c++) {
      char base = c;
      if (Character.isLetter(c)) {
        String plain = unaccented(c);
        if (plain.length() != 1 || plain.charAt(0) == c) {
          plain = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD);
        }
        if (plain.charAt(0) < 0x100 && Character.isLetter(plain.charAt(0))) {
          base = plain.charAt(0);
        }
      }
      table[c - first] = base;
    }
    return table;
  }

  /**
   * The plain letters of a letter that has no decomposition into a letter and an accent mark (Ł, Ø,
   * ß, Æ, Đ), so that {@code Łukasz} and {@code Søren} are looked up as lukasz and soren.
   */
  static String unaccented(char c) {
    return switch (c) {
      case '\u0141' -> "L";
      case '\u0142' -> "l";
      case '\u00D8' -> "O";
      case '\u00F8' -> "o";
      case '\u0110', '\u00D0' -> "D";
      case '\u0111', '\u00F0' -> "d";
      case '\u00DF' -> "ss";
      case '\u00C6' -> "AE";
      case '\u00E6' -> "ae";
      case '\u0152' -> "OE";
      case '\u0153' -> "oe";
      case '\u0131' -> "i";
      default -> String.valueOf(c);
    };
  }

  /** Whether {@code len} bytes are well-formed UTF-8 (no overlong forms, no surrogates). */
  static boolean validUtf8(byte[] b, int len) {
    int i = 0;
    while (i < len) {
      while (i + 8 <= len && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) {
        i += 8;
      }
      while (i < len && b[i] >= 0) {
        i++;
      }
      if (i >= len) {
        return true;
      }
      int c = b[i] & 0xFF;
      int extra =
          c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
      if (extra < 0 || i + extra >= len) {
        return false;
      }
      for (int k = 1; k <= extra; k++) {
        if (i + k >= len || (b[i + k] & 0xC0) != 0x80) {
          return false;
        }
      }
      int second = b[i + 1] & 0xFF;
      if ((c == 0xE0 && second < 0xA0)
          || (c == 0xED && second > 0x9F)
          || (c == 0xF0 && second < 0x90)
          || (c == 0xF4 && second > 0x8F)) {
        return false;
      }
      i += extra + 1;
    }
    return true;
  }
}
