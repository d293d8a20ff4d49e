package org.bdr.cli;

/**
 * Text from a repository made safe for a terminal. File names, paths, labels and host names can
 * hold any character; printed raw, an ESC or CR in one could move the cursor, rewrite earlier lines
 * or hide part of the name. Characters that do not print (Go's {@code unicode.IsPrint} decides, as
 * restic's quoting does) are shown as Go escapes such as {@code \x1b} or {@code \r}, and a
 * backslash as two, so that what is shown can be read back exactly. JSON output needs none of this:
 * JSON's own escaping covers it.
 */
final class TerminalText {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** Unicode categories Go counts as printable: letters, marks, numbers, punctuation, symbols. */
  private static final long PRINTABLE =
      bits(
          Character.UPPERCASE_LETTER,
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
          Character.OTHER_SYMBOL);

  private TerminalText() {}

  /** {@code text} with every character that does not print, and every backslash, escaped. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int n = Character.charCount(c);
      if (c != '\\' && printable(c)) {
        if (out != null) {
          out.appendCodePoint(c);
        }
      } else {
        if (out == null) {
          out = new StringBuilder(text.length() + 8).append(text, 0, i);
        }
        escape(c, out);
      }
      i += n;
    }
    return out == null ? text : out.toString();
  }

  private static boolean printable(int c) {
    if (c < 0x80) {
      return c >= 0x20 && c < 0x7f;
    }
    return (PRINTABLE & (1L << Character.getType(c))) != 0;
  }

  private static void escape(int c, StringBuilder out) {
    switch (c) {
      case '\\' -> out.append("\\\\");
      case 7 -> out.append("\\a");
      case '\b' -> out.append("\\b");
      case '\f' -> out.append("\\f");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      case 11 -> out.append("\\v");
      default -> {
        if (c < 0x80) {
          out.append("\\x").append(HEX[c >> 4]).append(HEX[c & 15]);
        } else if (c < 0x10000) {
          hex(out.append("\\u"), c, 4);
        } else {
          hex(out.append("\\U"), c, 8);
        }
      }
    }
  }

  private static void hex(StringBuilder out, int value, int digits) {
    for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
      out.append(HEX[(value >> shift) & 15]);
    }
  }

  private static long bits(int... types) {
    long mask = 0;
    for (int t : types) {
      mask |= 1L << t;
    }
    return mask;
  }
}
