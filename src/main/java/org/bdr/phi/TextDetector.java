package org.bdr.phi;

import static org.bdr.phi.TextShapes.isAlnum;
import static org.bdr.phi.TextShapes.isDigit;
import static org.bdr.phi.TextShapes.isHex;
import static org.bdr.phi.TextShapes.isLetter;
import static org.bdr.phi.TextShapes.isUpper;

import java.util.function.Supplier;

/**
 * Finds identifiers in free text in one pass. Most characters cost one comparison: only digits,
 * letters at a word start, '@' and ':' trigger work, and validators and context checks then run on
 * the few characters around the trigger. Not thread-safe: it keeps the context of the current line.
 */
final class TextDetector {

  /** Character classes of the main loop: most characters are OTHER and cost one lookup. */
  private static final int OTHER = 0;

  private static final int DIGIT = 1;
  private static final int LETTER = 2;
  private static final int AT = 3;
  private static final int COLON = 4;
  private static final byte[] CLASSES = new byte[256];

  static {
    for (char c = 0; c < 256; c++) {
      CLASSES[c] =
          (byte)
              (isDigit(c)
                  ? DIGIT
                  : isLetter(c) ? LETTER : c == '@' ? AT : c == ':' ? COLON : OTHER);
    }
  }

  /** The largest copy buffer {@link #latin1Copy} keeps between scans. */
  private static final int SCRATCH_MAX = 1 << 16;

  /** What a character past Latin-1 becomes in a copy: 'ÿ', a lower-case letter. */
  private static final byte BEYOND_LATIN1 = (byte) 0xFF;

  private final NumberRules numbers = new NumberRules(this);

  /** Where {@link #latin1Copy} puts text. */
  private byte[] scratch = new byte[256];

  private Latin1Text s;

  /** The bytes under {@link #s}, from {@link #base}. */
  private byte[] bytes;

  private int base;
  private long line;
  private String field;
  private Supplier<String> fieldSource;
  private FindingSink sink;
  private Cue fieldCue = Cue.NONE;
  private int titleEnd = -10;
  private int clinicianEnd = -10;
  private java.util.List<int[]> ranges;

  private java.util.List<int[]> heldNames;

  /** Detections reported so far, at any confidence. */
  private int reports;

  /** The short values found clean so far; made on first use. */
  private CleanValues clean;

  /** Scans one line (or one value) of text. */
  void scan(CharSequence text, long lineNo, String fieldPath, Cue context, FindingSink to) {
    run(latin1(text), lineNo, fieldPath, null, context, to);
  }

  /**
   * Scans one value whose field path is only built, by {@code fieldSource}, when something is
   * found: most values hold nothing, and their paths cost more to build than to scan them. A short
   * value this detector already found nothing in under the same cue is not scanned again.
   */
  void scanValue(
      CharSequence text, long lineNo, Supplier<String> fieldSource, Cue context, FindingSink to) {
    remembering(latin1(text), lineNo, null, fieldSource, context, to);
  }

  /** Like {@link #scanValue(CharSequence, long, Supplier, Cue, FindingSink)} with a known field. */
  void scanValue(CharSequence text, long lineNo, String fieldPath, Cue context, FindingSink to) {
    remembering(latin1(text), lineNo, fieldPath, null, context, to);
  }

  private Latin1Text latin1(CharSequence text) {
    return text instanceof Latin1Text t ? t : latin1Copy(text);
  }

  /** Scans {@code t} unless it is short and was found clean under the same cue before. */
  private void remembering(
      Latin1Text t,
      long lineNo,
      String field,
      Supplier<String> source,
      Cue context,
      FindingSink to) {
    Cue cue = context == null ? Cue.NONE : context;
    if (t.length() > CleanValues.MAX_LENGTH) {
      run(t, lineNo, field, source, cue, to);
      return;
    }
    if (clean == null) {
      clean = new CleanValues();
    }
    long hash = CleanValues.hash(t, cue);
    if (clean.contains(hash, t, cue)) {
      return;
    }
    int before = reports;
    run(t, lineNo, field, source, cue, to);
    if (reports == before) {
      clean.add(hash, t, cue);
    }
  }

  private void run(
      Latin1Text t,
      long lineNo,
      String fieldPath,
      Supplier<String> source,
      Cue context,
      FindingSink to) {
    s = t;
    line = lineNo;
    field = fieldPath;
    this.fieldSource = source;
    sink = to;
    fieldCue = context == null ? Cue.NONE : context;
    titleEnd = -10;
    clinicianEnd = -10;
    int n = t.length();
    byte[] b = t.bytes();
    int off = t.offset();
    bytes = b;
    base = off;
    for (int i = 0; i < n; ) {
      int cls = CLASSES[b[off + i] & 0xFF];
      i =
          cls == OTHER
              ? TextShapes.detectorTrigger(b, off + i + 1, off + n) - off
              : trigger(cls, i);
    }
    s = null;
    bytes = null;
    sink = null;
    this.fieldSource = null;
  }

  /**
   * The text as Latin-1 bytes in a reused buffer, so that it is scanned like the bytes of a file. A
   * character past Latin-1 becomes {@link #BEYOND_LATIN1}, a letter no word list holds, so such
   * characters still join words as before. The copy lives until the next scan, longer than anything
   * reported from it needs.
   */
  private Latin1Text latin1Copy(CharSequence text) {
    int n = text.length();
    if (scratch.length < n) {
      scratch = new byte[Math.max(n, scratch.length * 2)];
    }
    byte[] b = scratch;
    for (int k = 0; k < n; k++) {
      char c = TextShapes.latinBase(text.charAt(k));
      b[k] = c > 0xFF ? BEYOND_LATIN1 : (byte) c;
    }
    if (scratch.length > SCRATCH_MAX) {
      scratch = new byte[256];
    }
    return new Latin1Text(b, 0, n);
  }

  /**
   * Runs the rules a trigger character of class {@code cls} at {@code i} starts; returns the end.
   */
  private int trigger(int cls, int i) {
    return switch (cls) {
      case DIGIT -> numbers.token(s, i);
      case LETTER -> word(i);
      case AT -> email(i);
      default -> colon(i);
    };
  }

  // ---- state shared with NumberRules ----

  /**
   * The cue in force for a value starting at {@code at}: a context word within 24 characters before
   * it, with at most two other words between (fillers such as "number" or "of" do not count), or
   * else the field's cue. Looked up lazily, so plain words cost no lookup.
   */
  Cue cueAt(int at) {
    byte[] b = bytes;
    int k = at - 1;
    int words = 0;
    int limit = Math.max(0, at - 40);
    while (k >= limit) {
      if (CLASSES[b[base + k] & 0xFF] != LETTER) {
        k--;
        continue;
      }
      int end = k + 1;
      while (k >= 0 && CLASSES[b[base + k] & 0xFF] == LETTER) {
        k--;
      }
      int start = k + 1;
      int flags = Lexicon.flags(s, start, end, false);
      Cue c = Lexicon.cue(flags);
      if (c != Cue.NONE) {
        return at - end <= 24 ? c : fieldCue;
      }
      if (!Lexicon.filler(flags) && ++words > 2) {
        break;
      }
    }
    return fieldCue;
  }

  void report(IdentifierType type, double confidence, int from, int to) {
    reports++;
    if (fieldSource != null) {
      field = fieldSource.get();
      fieldSource = null;
    }
    if (heldNames != null && type == IdentifierType.NAME) {
      heldNames.add(new int[] {from, to, (int) Math.round(confidence * 100)});
      return;
    }
    sink.add(line, field, type, confidence, sink.wantsValues() ? s.subSequence(from, to) : null);
    if (ranges != null && sink.sensitivity().reports(confidence)) {
      ranges.add(new int[] {from, to, type.ordinal()});
    }
  }

  /** Starts recording the character ranges of reported detections (for path redaction). */
  void recordRanges(java.util.List<int[]> into) {
    ranges = into;
  }

  /**
   * Holds back name detections instead of reporting them: each goes to {@code into} as its range
   * and its confidence in hundredths, for a caller that weighs names itself (a path's name); null
   * reports them again.
   */
  void holdNames(java.util.List<int[]> into) {
    heldNames = into;
  }

  // ---- words ----

  private int word(int i) {
    int n = s.length();
    int e = i + 1;
    while (true) {
      e = TextShapes.asciiLetterEnd(bytes, base + e, base + n) - base;
      while (e < n && CLASSES[bytes[base + e] & 0xFF] == LETTER) {
        e++;
      }
      if (e < n && bytes[base + e] == '\'' && apostrophe(e)) {
        e++;
      } else {
        break;
      }
    }
    if (i > 0 && isDigit(s.charAt(i - 1))) {
      return e;
    }
    boolean glued = e < n && (isDigit(s.charAt(e)) || s.charAt(e) == '-');
    if (glued && e - i <= 8 && TextShapes.isUuidAt(s, i)) {
      return i + 36;
    }
    if (glued && isDigit(s.charAt(e))) {
      boolean cueWord = Lexicon.cue(Lexicon.flags(s, i, e, false)) != Cue.NONE;
      return cueWord ? e : numbers.alnumToken(s, i);
    }
    if (isUpper(s.charAt(i))) {
      int flags = Lexicon.flags(s, i, e, true);
      names(i, e, flags);
      if ((flags & Lexicon.MONTH) != 0) {
        numbers.monthDate(s, i, e);
      }
    }
    return e;
  }

  /** Whether a name cue and a colon come right before {@code i}: "Patient: ", "Name:". */
  private boolean afterNameCue(int i) {
    int k = i - 1;
    while (k >= 0 && s.charAt(k) == ' ' && i - k <= 2) {
      k--;
    }
    if (k < 1 || s.charAt(k) != ':') {
      return false;
    }
    int end = k;
    int start = end;
    while (start > 0 && isLetter(s.charAt(start - 1))) {
      start--;
    }
    return start < end && Lexicon.cue(Lexicon.flags(s, start, end, false)) == Cue.NAME;
  }

  private boolean apostrophe(int at) {
    return s.charAt(at) == '\'' && at + 1 < s.length() && isLetter(s.charAt(at + 1));
  }

  private void names(int i, int e, int flags) {
    int n = s.length();
    if ((flags & Lexicon.TITLE) != 0) {
      titleEnd = e < n && s.charAt(e) == '.' ? e + 1 : e;
      return;
    }
    if ((flags & Lexicon.CLINICIAN) != 0) {
      clinicianEnd = e < n && s.charAt(e) == '.' ? e + 1 : e;
      return;
    }
    if (i - clinicianEnd <= 3 && i >= clinicianEnd) {
      clinicianEnd = e < n && s.charAt(e) == '.' ? e + 1 : e;
      return;
    }
    if (e - i < 2) {
      return;
    }
    if (i - titleEnd <= 2 && i - titleEnd >= 1) {
      report(IdentifierType.NAME, 0.75, i, e);
    } else if (afterNameCue(i)) {
      report(IdentifierType.NAME, 0.8, i, e);
    } else if ((flags & Lexicon.GIVEN) != 0) {
      givenThenFamily(i, e);
    } else if ((flags & Lexicon.FAMILY) != 0) {
      familyThenGiven(i, e, flags);
    }
  }

  private void givenThenFamily(int i, int e) {
    int next = skipInitial(skipSpaces(e, 1));
    int end = wordEnd(next);
    if (end - next < 2 || !isUpper(s.charAt(next))) {
      return;
    }
    boolean family = (Lexicon.flags(s, next, end) & Lexicon.FAMILY) != 0;
    double confidence = family ? 0.8 : 0.4;
    report(IdentifierType.NAME, confidence, i, end);
  }

  private void familyThenGiven(int i, int e, int flags) {
    int n = s.length();
    boolean capitals = allUpper(i, e);
    if (e >= n || (s.charAt(e) != ',' && s.charAt(e) != '^' && !(capitals && s.charAt(e) == ' '))) {
      return;
    }
    int next = skipSpaces(e + 1, 2);
    int end = wordEnd(next);
    int nextFlags = Lexicon.flags(s, next, end);
    if ((flags & nextFlags & Lexicon.MONTH) != 0) {
      return; // "May, June": two months, not a family and a given name
    }
    boolean given = (nextFlags & Lexicon.GIVEN) != 0;
    boolean sameCase = s.charAt(e) != ' ' || allUpper(next, end);
    if (end - next >= 2 && isUpper(s.charAt(next)) && given && sameCase) {
      report(IdentifierType.NAME, 0.8, i, end);
    }
  }

  /** Called by NumberRules for "X is a 45 year-old": reports the capitalised words before. */
  void nameBeforeAge(int isAt) {
    int j = isAt - 1;
    while (j >= 0 && (s.charAt(j) == ' ' || s.charAt(j) == '\n' || s.charAt(j) == '\r')) {
      j--;
    }
    int end = j + 1;
    while (j >= 0 && isLetter(s.charAt(j))) {
      j--;
    }
    int start = j + 1;
    if (end - start >= 2
        && isUpper(s.charAt(start))
        && (Lexicon.flags(s, start, end) & Lexicon.CUE_MASK) == 0) {
      report(IdentifierType.NAME, 0.8, start, end);
    }
  }

  private boolean allUpper(int from, int to) {
    for (int k = from; k < to; k++) {
      if (!isUpper(s.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  private int skipSpaces(int at, int max) {
    int k = at;
    while (k < s.length() && k - at < max && s.charAt(k) == ' ') {
      k++;
    }
    return k;
  }

  private int skipInitial(int at) {
    int n = s.length();
    if (at + 1 < n
        && isUpper(s.charAt(at))
        && (s.charAt(at + 1) == '.' || s.charAt(at + 1) == ' ')) {
      int k = at + (s.charAt(at + 1) == '.' ? 2 : 1);
      return skipSpaces(k, 1);
    }
    return at;
  }

  private int wordEnd(int at) {
    int k = at;
    while (k < s.length() && isLetter(s.charAt(k))) {
      k++;
    }
    return k;
  }

  // ---- e-mail, URL, IPv6 ----

  private int email(int at) {
    int n = s.length();
    int l = at;
    while (l > 0 && emailChar(s.charAt(l - 1))) {
      l--;
    }
    int r = at + 1;
    int dot = -1;
    while (r < n && (isAlnum(s.charAt(r)) || s.charAt(r) == '-' || s.charAt(r) == '.')) {
      if (s.charAt(r) == '.') {
        dot = r;
      }
      r++;
    }
    while (r > at + 1 && s.charAt(r - 1) == '.') {
      r--;
    }
    if (l < at && dot > at + 1 && r - dot > 2 && isLetter(s.charAt(r - 1))) {
      report(IdentifierType.EMAIL, 0.9, l, r);
    }
    return r;
  }

  private static boolean emailChar(char c) {
    return isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
  }

  private int colon(int at) {
    int n = s.length();
    if (at + 2 < n && s.charAt(at + 1) == '/' && s.charAt(at + 2) == '/') {
      return url(at);
    }
    if (at > 0
        && at + 1 < n
        && (isHex(s.charAt(at - 1)) || s.charAt(at - 1) == ':')
        && (isHex(s.charAt(at + 1)) || s.charAt(at + 1) == ':')) {
      return Ipv6.check(this, s, at);
    }
    return at + 1;
  }

  private int url(int at) {
    int l = at;
    while (l > 0 && isLetter(s.charAt(l - 1))) {
      l--;
    }
    int r = at + 3;
    while (r < s.length() && s.charAt(r) > ' ' && s.charAt(r) != '"' && s.charAt(r) != '<') {
      r++;
    }
    if (at - l >= 3 && r - at > 4) {
      double confidence = cueAt(l) == Cue.URL ? 0.85 : 0.3;
      report(IdentifierType.URL, confidence, l, r);
    }
    return r;
  }
}
