package org.bdr.cli;

import org.bdr.repo.GoQuote;

/**
 * Text from a repository made safe for a terminal. File names, paths, labels and host names can
 * hold any character; printed raw, an ESC or CR in one could move the cursor, rewrite earlier lines
 * or hide part of the name. Characters that do not print (Go's {@code unicode.IsPrint} decides, as
 * restic's quoting does) are shown as Go escapes such as {@code \x1b} or {@code \r}, and a
 * backslash as two, so that what is shown can be read back exactly. JSON output needs none of this:
 * JSON's own escaping covers it.
 */
final class TerminalText {

  private TerminalText() {}

  /** {@code text} with every character that does not print, and every backslash, escaped. */
  static String escape(String text) {
    return text == null ? "" : GoQuote.escapeUnprintable(text);
  }
}
