package org.bdr.phi;

import java.util.Map;

/**
 * Finds repeats of identifiers that the structure of a file revealed (a patient name from PID-5, a
 * street line from {@code patientRole/addr}) elsewhere in the same file, such as in narrative text
 * or display strings.
 */
final class KnownValues {

  private static final double REPEAT_CONFIDENCE = 0.8;

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

  /** Reports every whole-word occurrence of a remembered value in the text. */
  static void findRepeats(CharSequence text, LineIndex lines, FindingSink sink, boolean names) {
    Map<String, IdentifierType> known = sink.knownValues();
    if (known.isEmpty()) {
      return;
    }
    String s = text.toString();
    for (Map.Entry<String, IdentifierType> e : known.entrySet()) {
      String v = e.getKey();
      if (!names && e.getValue() == IdentifierType.NAME) {
        continue;
      }
      for (int at = s.indexOf(v); at >= 0; at = s.indexOf(v, at + v.length())) {
        long line = lines.lineOf(at);
        if (wholeWord(s, at, at + v.length()) && !sink.has(line, e.getValue())) {
          sink.add(line, null, e.getValue(), REPEAT_CONFIDENCE, v);
        }
      }
    }
  }

  private static boolean wholeWord(String s, int from, int to) {
    boolean left = from == 0 || !glued(s.charAt(from - 1));
    boolean right = to == s.length() || !glued(s.charAt(to));
    return left && right;
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
