package org.bdr.phi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scans file and folder names, which often hold a patient's name ({@code Jane_Doe_1234.json}) or
 * date of birth, and redacts them for safe display. Findings in a name report line 0.
 */
final class PathNames {

  /** Words that open a family name ("van Buren", "De La Cruz", "Mc Donald", "St. John"). */
  private static final Set<String> PARTICLES =
      Set.of(
          "van", "von", "de", "del", "della", "der", "den", "da", "di", "du", "la", "le", "st",
          "st.", "mac", "mc", "ten", "ter", "dos", "das", "bin", "al", "el");

  private PathNames() {}

  /** Scans one name (the last part of a path) and returns it with findings replaced by types. */
  static String scan(String name, TextDetector detector, FindingSink sink) {
    List<int[]> ranges = new ArrayList<>();
    String spaced = name.replace('_', ' ');
    detector.recordRanges(ranges);
    try {
      detector.scan(spaced, 0, null, Cue.NONE, sink);
    } finally {
      detector.recordRanges(null);
    }
    int names = exportNameEnd(name);
    if (names > 0) {
      nameAtStart(names - 1, 0.6, sink, ranges);
    }
    Span familyGiven = familyCommaGiven(spaced);
    if (familyGiven != null) {
      nameAtStart(familyGiven.end(), familyGiven.confidence(), sink, ranges);
    }
    return redact(name, ranges);
  }

  /** Where a name found in a path's name ends, and the confidence of the finding. */
  record Span(int end, double confidence) {}

  /** Reports a name that ends at {@code end} of a path's name and starts at its start. */
  private static void nameAtStart(
      int end, double confidence, FindingSink sink, List<int[]> ranges) {
    sink.add(0, null, IdentifierType.NAME, confidence, null);
    if (sink.sensitivity().reports(confidence)) {
      ranges.add(new int[] {0, end, IdentifierType.NAME.ordinal()});
    }
  }

  /**
   * The way practices name a patient's folder or file: family name, comma, given name, maybe a
   * middle initial, at the start of the name ({@code Doe, Jane}, {@code DOE, JANE}, {@code
   * Thistlewood, Jane A. 1961-03-02}, {@code van Buren, Martin}). A family name may be any
   * capitalised word (hyphens and apostrophes allowed, particles such as "van" or "De La" before
   * it), since most are in no dictionary; the given name (the first part of a double one) must be
   * in the dictionary of given names (confidence 0.8), or else be followed by a number of four or
   * more digits or six or more hex digits, a date of birth or a record number (0.7). A given name
   * that is a cue word or a month ("Report, Final", "Invoices, March") is no name.
   *
   * @param name the name with '_' read as a space
   * @return where the name ends (after the given name or the initial) and how sure it is, or null
   *     when the name does not start so
   */
  static Span familyCommaGiven(String name) {
    int family = hyphenatedWord(name, afterParticles(name));
    if (family < 0 || family >= name.length() || name.charAt(family) != ',') {
      return null;
    }
    int at = family + 1;
    while (at < name.length() && at - family <= 2 && name.charAt(at) == ' ') {
      at++;
    }
    int given = hyphenatedWord(name, at);
    if (given < 0 || (given < name.length() && Character.isLetterOrDigit(name.charAt(given)))) {
      return null;
    }
    // a double given name ("Jane-Marie") is looked up by its first part
    int first = name.indexOf('-', at);
    Latin1Text word = Latin1Text.of(name.substring(at, first < 0 || first > given ? given : first));
    int flags = Lexicon.flags(word, 0, word.length());
    if ((flags & (Lexicon.CUE_MASK | Lexicon.MONTH | Lexicon.FILLER)) != 0) {
      return null;
    }
    int end = initialEnd(name, given);
    double confidence;
    if ((flags & Lexicon.GIVEN) != 0) {
      confidence = 0.8;
    } else {
      int k = end;
      while (k < name.length() && (name.charAt(k) == ' ' || name.charAt(k) == '-')) {
        k++;
      }
      if (k == end || !identifierAt(name, k)) {
        return null;
      }
      confidence = 0.7;
    }
    return new Span(end, confidence);
  }

  /**
   * Where a family name starts after the particles that may open it ("van Buren", "De La Cruz", "Mc
   * Donald"): up to three of them, each followed by a space; 0 when there are none.
   */
  private static int afterParticles(String name) {
    int k = 0;
    for (int n = 0; n < 3; n++) {
      int space = name.indexOf(' ', k);
      if (space < 0 || !PARTICLES.contains(name.substring(k, space).toLowerCase(Locale.ROOT))) {
        break;
      }
      k = space + 1;
    }
    return k;
  }

  /** The end of " A" or " A." right after a given name ending at {@code at}, else {@code at}. */
  private static int initialEnd(String name, int at) {
    if (at + 1 < name.length()
        && name.charAt(at) == ' '
        && Character.isUpperCase(name.charAt(at + 1))
        && (at + 2 == name.length() || !Character.isLetter(name.charAt(at + 2)))) {
      return at + 2 < name.length() && name.charAt(at + 2) == '.' ? at + 3 : at + 2;
    }
    return at;
  }

  /** The end of capitalised words joined by hyphens at {@code k} ("Smith-Jones"), or -1. */
  private static int hyphenatedWord(String name, int k) {
    int e = capitalisedWord(name, k);
    while (e > 0 && e + 1 < name.length() && name.charAt(e) == '-') {
      int next = capitalisedWord(name, e + 1);
      if (next < 0) {
        break;
      }
      e = next;
    }
    return e;
  }

  /**
   * Scans the name of one folder, as both {@link PhiScanner#scan} and a backup walking its own
   * folders do, and adds its findings to {@code into}, each naming the folder by its safe path and
   * reporting line 0.
   *
   * @param dir the folder; must have a name (not a root)
   * @param safeParent the safe path of the folder above, ending in a separator
   * @return the folder's safe path: {@code safeParent} followed by its redacted name
   */
  static String scanFolder(Path dir, String safeParent, ScanOptions options, List<Finding> into) {
    return scanNames(dir, safeParent, List.of(), options, into);
  }

  /**
   * Scans a symbolic link by name: its own name and every part of the path it points to, which a
   * backup stores as they are and which practices name after patients as they name files. Findings
   * report line 0 and name the link by its safe path.
   *
   * @param link the link; must have a name
   * @param safeParent the safe path of the folder above, ending in a separator
   * @param target the path the link points to, as stored
   */
  static FileResult scanLink(Path link, String safeParent, String target, ScanOptions options) {
    List<String> parts = new ArrayList<>();
    for (String part : target.split("[/\\\\]")) {
      if (!part.isEmpty() && !part.equals(".") && !part.equals("..")) {
        parts.add(part);
      }
    }
    List<Finding> findings = new ArrayList<>();
    String safe = scanNames(link, safeParent, parts, options, findings);
    return new FileResult(link.toString(), safe, ScanStatus.SCANNED, null, findings);
  }

  /**
   * Scans an entry's name and {@code more} names that go with it, adds the findings to {@code into}
   * on line 0 of the entry's safe path, and returns that path.
   */
  private static String scanNames(
      Path entry, String safeParent, List<String> more, ScanOptions options, List<Finding> into) {
    FindingSink sink = new FindingSink(entry.toString(), options);
    TextDetector detector = new TextDetector();
    String safe = safeParent + scan(entry.getFileName().toString(), detector, sink);
    for (String name : more) {
      scan(name, detector, sink);
    }
    for (Finding f : sink.findings()) {
      into.add(new Finding(safe, 0, null, f.type(), f.confidence(), null));
    }
    return safe;
  }

  /** The part of a path above its last name, as given, ending in a separator; "" for a root. */
  static String above(Path path) {
    String full = path.toString();
    Path name = path.getFileName();
    return name == null ? "" : full.substring(0, full.length() - name.toString().length());
  }

  /**
   * The usual patient-export naming: two or three capitalised words, each followed by '_', right
   * before a long identifier (six or more hex digits, or four or more digits), as in {@code
   * Jane_Doe_1234.json}. Returns the end of the words' last '_' (exclusive), or 0 when the name
   * does not start that way. Letters are Unicode letters; a word may hold apostrophes.
   */
  static int exportNameEnd(String name) {
    int[] ends = new int[3];
    int words = 0;
    int k = 0;
    while (words < 3) {
      int e = capitalisedWord(name, k);
      if (e < 0 || e >= name.length() || name.charAt(e) != '_') {
        break;
      }
      k = e + 1;
      ends[words++] = k;
    }
    for (int w = words; w >= 2; w--) {
      if (identifierAt(name, ends[w - 1])) {
        return ends[w - 1];
      }
    }
    return 0;
  }

  /** The end of a capital letter followed by one or more letters or apostrophes at k, or -1. */
  private static int capitalisedWord(String name, int k) {
    if (k >= name.length()
        || Character.getType(name.codePointAt(k)) != Character.UPPERCASE_LETTER) {
      return -1;
    }
    int e = k + Character.charCount(name.codePointAt(k));
    int start = e;
    while (e < name.length()) {
      int cp = name.codePointAt(e);
      if (!Character.isLetter(cp) && cp != '\'') {
        break;
      }
      e += Character.charCount(cp);
    }
    return e > start ? e : -1;
  }

  /** Whether six or more hex digits, or four or more digits, start at {@code k}. */
  private static boolean identifierAt(String name, int k) {
    int hex = 0;
    int digits = 0;
    while (k + hex < name.length()
        && Character.digit(name.charAt(k + hex), 16) >= 0
        && name.charAt(k + hex) < 0x80) {
      if (Character.isDigit(name.charAt(k + hex)) && digits == hex) {
        digits++;
      }
      hex++;
    }
    return hex >= 6 || digits >= 4;
  }

  /** Replaces every range by its type in brackets; overlapping ranges merge. */
  static String redact(String name, List<int[]> ranges) {
    if (ranges.isEmpty()) {
      return name;
    }
    ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (int[] r : ranges) {
      if (r[0] < at) {
        at = Math.max(at, r[1]);
        continue;
      }
      out.append(name, at, r[0]).append('[').append(IdentifierType.values()[r[2]]).append(']');
      at = r[1];
    }
    return out.append(name.substring(Math.min(at, name.length()))).toString();
  }

  /** The last part of a path written with '/' or '\\' separators. */
  static String lastPart(String path) {
    int cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return path.substring(cut + 1);
  }
}
