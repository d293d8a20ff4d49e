package org.bdr.phi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

  /**
   * Reports every whole-word occurrence of a remembered value in the text, in one pass: each token
   * of the text is looked up among the first tokens of the remembered values.
   */
  static void findRepeats(CharSequence text, LineIndex lines, FindingSink sink, boolean names) {
    List<String> values = new ArrayList<>();
    List<IdentifierType> types = new ArrayList<>();
    Map<String, Integer> byFirstToken = new HashMap<>();
    List<List<Integer>> candidates = new ArrayList<>();
    for (Map.Entry<String, IdentifierType> e : sink.knownValues().entrySet()) {
      String v = fromFirstAlnum(e.getKey());
      int first = firstTokenEnd(v);
      if (first == 0 || (!names && e.getValue() == IdentifierType.NAME)) {
        continue;
      }
      String token = v.substring(0, first).toLowerCase(java.util.Locale.ROOT);
      int slot =
          byFirstToken.computeIfAbsent(
              token,
              t -> {
                candidates.add(new ArrayList<>());
                return candidates.size() - 1;
              });
      candidates.get(slot).add(values.size());
      values.add(v);
      types.add(e.getValue());
    }
    if (values.isEmpty()) {
      return;
    }
    WordSet firstTokens = WordSet.withValues(byFirstToken);
    if (lines == null) {
      lines = LineIndex.of(text);
    }
    scanTokens(text, lines, sink, firstTokens, candidates, values, types);
  }

  private static void scanTokens(
      CharSequence s,
      LineIndex lines,
      FindingSink sink,
      WordSet firstTokens,
      List<List<Integer>> candidates,
      List<String> values,
      List<IdentifierType> types) {
    int n = s.length();
    int i = 0;
    while (i < n) {
      if (!TextShapes.isAlnum(s.charAt(i))) {
        i++;
        continue;
      }
      int e = i + 1;
      while (e < n && TextShapes.isAlnum(s.charAt(e))) {
        e++;
      }
      int slot = (i == 0 || !glued(s.charAt(i - 1))) ? firstTokens.valueOf(s, i, e) : -1;
      if (slot >= 0) {
        for (int index : candidates.get(slot)) {
          String v = values.get(index);
          int to = i + v.length();
          if (to <= n && regionEquals(s, i, v) && (to == n || !glued(s.charAt(to)))) {
            long line = lines.lineOf(i);
            IdentifierType type = types.get(index);
            if (!sink.has(line, type)) {
              sink.add(line, null, type, REPEAT_CONFIDENCE, v);
            }
          }
        }
      }
      i = e;
    }
  }

  private static String fromFirstAlnum(String v) {
    int k = 0;
    while (k < v.length() && !TextShapes.isAlnum(v.charAt(k))) {
      k++;
    }
    return v.substring(k);
  }

  private static int firstTokenEnd(String v) {
    int k = 0;
    while (k < v.length() && TextShapes.isAlnum(v.charAt(k))) {
      k++;
    }
    return k;
  }

  private static boolean regionEquals(CharSequence s, int at, String v) {
    for (int k = 0; k < v.length(); k++) {
      if (s.charAt(at + k) != v.charAt(k)) {
        return false;
      }
    }
    return true;
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
