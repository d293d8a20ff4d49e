package org.bdr.repo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The escaping restic applies to entry names inside tree JSON: a name is stored as the body of a
 * Go-quoted string ({@code strconv.Quote} without its outer quotes), so that quotes, backslashes,
 * control characters and non-printable characters survive. Printable characters stay as they are.
 */
public final class GoQuote {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoQuote() {}

  /** The quoted body of {@code s}. */
  static String quote(String s) {
    return escape(s, true);
  }

  /**
   * {@code s} with every backslash and every character that does not print escaped as {@link
   * #quote} does, double quotes left as they are: text shown on a terminal that can be read back
   * exactly.
   */
  public static String escapeUnprintable(String s) {
    return escape(s, false);
  }

  private static String escape(String s, boolean quotes) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); ) {
      int r = s.codePointAt(i);
      int n = Character.charCount(r);
      if ((r != '"' || !quotes) && r != '\\' && printable(r)) {
        if (out != null) {
          out.appendCodePoint(r);
        }
      } else {
        if (out == null) {
          out = new StringBuilder(s.length() + 8).append(s, 0, i);
        }
        escape(r, out);
      }
      i += n;
    }
    return out == null ? s : out.toString();
  }

  private static void escape(int r, StringBuilder out) {
    switch (r) {
      case '"' -> out.append("\\\"");
      case '\\' -> out.append("\\\\");
      case 7 -> out.append("\\a");
      case '\b' -> out.append("\\b");
      case '\f' -> out.append("\\f");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      case 11 -> out.append("\\v");
      default -> {
        if (r < ' ' || r == 0x7f) {
          out.append("\\x").append(HEX[r >> 4]).append(HEX[r & 15]);
        } else if (r < 0x10000) {
          out.append("\\u");
          hex(r, 4, out);
        } else {
          out.append("\\U");
          hex(r, 8, out);
        }
      }
    }
  }

  private static void hex(int v, int digits, StringBuilder out) {
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
      out.append(HEX[(v >> shift) & 15]);
    }
  }

  /** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols, and the ASCII space. */
  static boolean printable(int r) {
    if (r < 0x80) {
      return r >= 0x20 && r < 0x7f;
    }
    switch (Character.getType(r)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL -> {
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /**
   * Reads a quoted body back. Byte escapes ({@code \xNN}, octal) are gathered and decoded as UTF-8;
   * bytes that are not UTF-8 become U+FFFD, which Java file names cannot avoid.
   *
   * @throws IllegalArgumentException if an escape is malformed
   */
  static String unquote(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      if (c != '\\') {
        int r = s.codePointAt(i);
        bytes.writeBytes(new String(Character.toChars(r)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(r);
        continue;
      }
      if (i + 1 >= s.length()) {
        throw new IllegalArgumentException("a quoted name ends in a lone backslash");
      }
      char e = s.charAt(i + 1);
      i += 2;
      switch (e) {
        case 'a' -> bytes.write(7);
        case 'b' -> bytes.write('\b');
        case 'f' -> bytes.write('\f');
        case 'n' -> bytes.write('\n');
        case 'r' -> bytes.write('\r');
        case 't' -> bytes.write('\t');
        case 'v' -> bytes.write(11);
        case '\\', '"', '\'' -> bytes.write(e);
        case 'x' -> {
          bytes.write(parseHex(s, i, 2));
          i += 2;
        }
        case 'u', 'U' -> {
          int digits = e == 'u' ? 4 : 8;
          int r = parseHex(s, i, digits);
          bytes.writeBytes(new String(Character.toChars(r)).getBytes(StandardCharsets.UTF_8));
          i += digits;
        }
        default -> {
          if (e >= '0' && e <= '7' && i + 1 < s.length()) {
            bytes.write(Integer.parseInt(s.substring(i - 1, i + 2), 8));
            i += 2;
          } else {
            throw new IllegalArgumentException("a quoted name holds an unknown escape");
          }
        }
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static int parseHex(String s, int at, int digits) {
    if (at + digits > s.length()) {
      throw new IllegalArgumentException("a quoted name holds a cut-off escape");
    }
    int v = Integer.parseInt(s.substring(at, at + digits), 16);
    if (v < 0 || v > Character.MAX_CODE_POINT) {
      throw new IllegalArgumentException("a quoted name holds an invalid character escape");
    }
    return v;
  }
}
