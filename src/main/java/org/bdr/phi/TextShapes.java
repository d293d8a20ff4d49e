package org.bdr.phi;

/** Cheap character-class tests shared by the detectors. */
final class TextShapes {

  private TextShapes() {}

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
    int from = 0;
    if (s.length() == 45 && s.toString().startsWith("urn:uuid:")) {
      from = 9;
    }
    return isUuidAt(s, from) && s.length() - from == 36;
  }

  /** Whether a UUID starts at {@code from}. */
  static boolean isUuidAt(CharSequence s, int from) {
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
}
