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

  /** A Latin-1 byte that belongs to a token. */
  private static final byte TOKEN = 0;

  /** A byte after which a token may start a repeat (see {@link #glued}). */
  private static final byte FREE = 1;

  /** A byte that glues what follows it to a longer token: '.', '@', '_', '/' and the like. */
  private static final byte GLUE = 2;

  private static final byte[] KINDS = new byte[256];

  /** Latin-1 bytes with ASCII capitals lowered, as {@link WordSet} compares them. */
  private static final int[] LOWER = new int[256];

  /** Latin-1 bytes that make a match part of a longer token (see {@link #glued}). */
  private static final boolean[] GLUED = new boolean[256];

  static {
    for (int c = 0; c < 256; c++) {
      LOWER[c] = c >= 'A' && c <= 'Z' ? c + 32 : c;
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
   * file read as Latin-1, in one pass: each token of the text is looked up among the first tokens
   * of the remembered values, and lines are counted on the way.
   */
  static void findRepeats(byte[] text, int size, FindingSink sink, boolean names) {
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
    Repeats repeats = new Repeats(text, size, sink, candidates, values, types);
    byFirstToken.keySet().forEach(repeats::allowStart);
    repeats.scan(firstTokens);
  }

  /** One pass over the bytes of a file looking for remembered values. */
  private static final class Repeats {

    private final byte[] s;
    private final int n;
    private final FindingSink sink;
    private final List<List<Integer>> candidates;
    private final List<String> values;
    private final List<IdentifierType> types;
    private int counted;
    private long line = 1;

    /** Bit (c0 * 256 + c1) is set when some first token starts with those two characters. */
    private final long[] starts = new long[1024];

    Repeats(
        byte[] s,
        int n,
        FindingSink sink,
        List<List<Integer>> candidates,
        List<String> values,
        List<IdentifierType> types) {
      this.s = s;
      this.n = n;
      this.sink = sink;
      this.candidates = candidates;
      this.values = values;
      this.types = types;
    }

    /** Lets tokens starting like {@code token} (lower case) through to the lookup. */
    void allowStart(String token) {
      char c0 = token.charAt(0);
      char c1 = token.length() > 1 ? token.charAt(1) : 0;
      if (c0 < 256 && c1 < 256) {
        int bit = c0 << 8 | c1;
        starts[bit >>> 6] |= 1L << bit;
      }
    }

    /**
     * Looks at every token that starts after a character that does not glue it to a longer one, and
     * whose first two letters start a remembered value. ASCII is read eight bytes at a time: one
     * word gives the letters and digits, the glue characters and so every token start at once.
     */
    void scan(WordSet firstTokens) {
      boolean free = true;
      int i = 0;
      for (; i + 8 <= n; i += 8) {
        long x = TextShapes.word(s, i);
        if (TextShapes.hasHighByte(x)) {
          free = scan(firstTokens, i, i + 8, free);
          continue;
        }
        long token = TextShapes.alnumBytes(x);
        long glue =
            TextShapes.bytesEqual(x, '.')
                | TextShapes.bytesEqual(x, '/')
                | TextShapes.bytesEqual(x, '@')
                | TextShapes.bytesEqual(x, '_');
        long freeBytes = ~(token | glue) & 0x8080808080808080L;
        long starts = token & (freeBytes << 8 | (free ? 0x80L : 0L));
        free = freeBytes < 0;
        for (; starts != 0; starts &= starts - 1) {
          candidate(firstTokens, i + (Long.numberOfTrailingZeros(starts) >>> 3));
        }
      }
      scan(firstTokens, i, n, free);
    }

    /**
     * Looks at the tokens starting among the bytes {@code from..to} one byte at a time, {@code
     * free} telling whether the byte before {@code from} leaves a token free to start; returns
     * whether the byte before {@code to} does.
     */
    private boolean scan(WordSet firstTokens, int from, int to, boolean free) {
      boolean f = free;
      for (int i = from; i < to; i++) {
        int kind = KINDS[s[i] & 0xFF];
        if (kind == TOKEN && f) {
          candidate(firstTokens, i);
        }
        f = kind == FREE;
      }
      return f;
    }

    /** Looks up the token starting at {@code i} among the first tokens of remembered values. */
    private void candidate(WordSet firstTokens, int i) {
      if (mayStart(i)) {
        int slot = firstTokens.valueOf(s, i, TextShapes.alnumEnd(s, i + 1, n));
        if (slot >= 0) {
          matches(slot, i);
        }
      }
    }

    /** Whether the token at {@code i}'s first two letters, in lower case, start a first token. */
    private boolean mayStart(int i) {
      int c0 = LOWER[s[i] & 0xFF];
      int c1 = i + 1 < n && KINDS[s[i + 1] & 0xFF] == TOKEN ? LOWER[s[i + 1] & 0xFF] : 0;
      int bit = c0 << 8 | c1;
      return (starts[bit >>> 6] & (1L << bit)) != 0;
    }

    private void matches(int slot, int i) {
      for (int index : candidates.get(slot)) {
        String v = values.get(index);
        int to = i + v.length();
        if (to <= n && regionEquals(i, v) && (to == n || !GLUED[s[to] & 0xFF])) {
          long at = lineOf(i);
          IdentifierType type = types.get(index);
          if (!sink.has(at, type)) {
            sink.add(at, null, type, REPEAT_CONFIDENCE, v);
          }
        }
      }
    }

    /** The line of {@code offset}, counting breaks (CR LF, CR or LF) from the last offset asked. */
    private long lineOf(int offset) {
      for (int k = counted; k < offset; ) {
        int b = TextShapes.lineBreak(s, k, offset);
        if (b < offset && (s[b] == '\n' || b + 1 >= n || s[b + 1] != '\n')) {
          line++;
        }
        k = b + 1;
      }
      counted = Math.max(counted, offset);
      return line;
    }

    private boolean regionEquals(int at, String v) {
      for (int k = 0; k < v.length(); k++) {
        if ((s[at + k] & 0xFF) != v.charAt(k)) {
          return false;
        }
      }
      return true;
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
