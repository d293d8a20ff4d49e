package org.bdr.phi;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
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
          "st.", "mac", "mc", "ten", "ter", "dos", "das", "bin", "al", "el", "dela");

  private PathNames() {}

  /** Scans one name (the last part of a path) and returns it with findings replaced by types. */
  static String scan(String name, TextDetector detector, FindingSink sink) {
    return scan(name, Set.of(), null, detector, sink);
  }

  /**
   * Scans one name (the last part of a path) and returns it with findings replaced by types, and
   * with every other whole word hidden that repeats a word of a name found in it ({@code Teresa
   * Baker & baby boy Baker.pdf}) or one of {@code hidden}, the words of names hidden in the folders
   * above. A hidden repeat is no finding of its own: it is the name already reported.
   *
   * @param found where the words of the names found in this name are added (see {@link
   *     SafeFolder}); null when not wanted
   */
  static String scan(
      String name, Set<String> hidden, Set<String> found, TextDetector detector, FindingSink sink) {
    List<int[]> ranges = new ArrayList<>();
    List<int[]> textNames = new ArrayList<>();
    String spaced = latinBase(name.replace('_', ' '));
    detector.recordRanges(ranges);
    detector.holdNames(textNames);
    try {
      detector.scan(spaced, 0, null, Cue.NONE, sink);
    } finally {
      detector.recordRanges(null);
      detector.holdNames(null);
    }
    for (int[] t : textNames) {
      double confidence = t[2] / 100.0;
      if (notAPatient(spaced, t[0], t[1])) {
        confidence = Math.min(confidence, 0.45);
      }
      nameAt(t[0], t[1], confidence, sink, ranges);
    }
    int names = exportNameEnd(name);
    if (names > 0) {
      nameAt(0, names - 1, 0.6, sink, ranges);
    }
    Span familyGiven = familyCommaGiven(spaced);
    if (familyGiven != null) {
      nameAt(familyGiven.start(), familyGiven.end(), familyGiven.confidence(), sink, ranges);
    }
    for (Span pair : listedNames(spaced)) {
      int[] overlap = nameOverlapping(ranges, pair);
      if (overlap == null) {
        nameAt(pair.start(), pair.end(), pair.confidence(), sink, ranges);
      } else {
        // a name the other rules found already: hide the whole of both, report it once
        overlap[0] = Math.min(overlap[0], pair.start());
        overlap[1] = Math.max(overlap[1], pair.end());
      }
    }
    List<int[]> births = new ArrayList<>();
    for (int[] r : ranges) {
      if (r[2] == IdentifierType.NAME.ordinal()) {
        widenName(spaced, r);
        int date = compactDateAfter(spaced, r[1]);
        if (date >= 0) {
          sink.add(0, null, IdentifierType.DATE, 0.7, null);
          if (sink.sensitivity().reports(0.7)) {
            births.add(
                new int[] {date, date + digitsAt(spaced, date), IdentifierType.DATE.ordinal()});
          }
        }
      }
    }
    ranges.addAll(births);
    Set<String> own = nameWords(spaced, ranges);
    if (found != null) {
      found.addAll(own);
    }
    hideRepeats(spaced, ranges, own, hidden);
    return redact(name, ranges);
  }

  /**
   * The words of the names among {@code ranges}, as {@link #wordKey} gives them: those of three
   * letters or more, or listed family names of two ("Wu", "Vo"), that are no particle, suffix,
   * connector, title, cue word or month.
   */
  private static Set<String> nameWords(String name, List<int[]> ranges) {
    Set<String> words = new HashSet<>();
    for (int[] r : ranges) {
      if (r[2] != IdentifierType.NAME.ordinal()) {
        continue;
      }
      for (int k = wordStart(name, r[0]); k >= 0 && k < r[1]; k = wordStart(name, k)) {
        int end = wordEnd(name, k);
        String key = wordKey(name, k, end);
        if ((key.length() >= 3 || (key.length() == 2 && known(name, k, end, Lexicon.FAMILY)))
            && !PARTICLES.contains(key)
            && !SUFFIXES.contains(key)
            && !CONNECTORS.contains(key)
            && !key.equals("and")
            && (flags(name, k, end) & NOT_A_NAME) == 0) {
          words.add(key);
        }
        k = end;
      }
    }
    return words;
  }

  /**
   * Adds a range for every whole word outside {@code ranges} that is one of {@code own} or {@code
   * hidden}; repeats joined as a name's words are ({@link #nextWord}: {@code Jane-THISTLEWOOD})
   * make one range.
   */
  private static void hideRepeats(
      String name, List<int[]> ranges, Set<String> own, Set<String> hidden) {
    if (own.isEmpty() && hidden.isEmpty()) {
      return;
    }
    List<int[]> repeats = new ArrayList<>();
    int[] last = null;
    for (int k = wordStart(name, 0); k >= 0; k = wordStart(name, k)) {
      int end = wordEnd(name, k);
      String key = wordKey(name, k, end);
      if ((own.contains(key) || hidden.contains(key)) && !covered(ranges, k, end)) {
        if (last != null && nextWord(name, last[1]) == k) {
          last[1] = end;
        } else {
          last = new int[] {k, end, IdentifierType.NAME.ordinal()};
          repeats.add(last);
        }
      }
      k = end;
    }
    ranges.addAll(repeats);
  }

  /** Whether some range covers part of {@code from..to}. */
  private static boolean covered(List<int[]> ranges, int from, int to) {
    for (int[] r : ranges) {
      if (r[0] < to && from < r[1]) {
        return true;
      }
    }
    return false;
  }

  /** A word as names are compared across a path: lower case, accents and apostrophes set aside. */
  private static String wordKey(String name, int from, int to) {
    return plainWord(name, from, to).replace("'", "").toLowerCase(Locale.ROOT);
  }

  /**
   * Where six or eight digits right after a patient's name that make a date start (MMDDYYYY,
   * DDMMYYYY, YYYYMMDD or MMDDYY, as a birth date is written in a file name: {@code
   * Jane_Doe_01021960.pdf}), or -1. The text rules want a cue before such digits, since alone they
   * are as often an account number; after a name in a file name they are the patient's.
   */
  private static int compactDateAfter(String name, int at) {
    int k = skip(name, at, " -");
    int n = digitsAt(name, k);
    if (k == at || (n != 6 && n != 8)) {
      return -1;
    }
    boolean monthFirst =
        NumberRules.validEitherOrder(
            NumberRules.fullYear(Integer.parseInt(name.substring(k + 4, k + n)), n - 4),
            Integer.parseInt(name.substring(k, k + 2)),
            Integer.parseInt(name.substring(k + 2, k + 4)));
    boolean yearFirst =
        n == 8
            && NumberRules.validDate(
                Integer.parseInt(name.substring(k, k + 4)),
                Integer.parseInt(name.substring(k + 4, k + 6)),
                Integer.parseInt(name.substring(k + 6, k + 8)));
    return monthFirst || yearFirst ? k : -1;
  }

  /**
   * Widens a name the text rules found in a path's name to the whole name, so no part of it stays
   * visible: over given names listed right before it ("Jane Marie Smith", where the rules see
   * "Marie Smith"), a second family name joined by a hyphen ("Jane Smith-Jones"), and what may
   * follow a name ({@link #trailingNameEnd}).
   */
  private static void widenName(String name, int[] range) {
    int start = range[0];
    while (start >= 3 && name.charAt(start - 1) == ' ') {
      int word = start - 1;
      while (word > 0 && Character.isLetter(name.charAt(word - 1))) {
        word--;
      }
      if (word == start - 1
          || !Character.isUpperCase(name.charAt(word))
          || !known(name, word, start - 1, Lexicon.GIVEN)) {
        break;
      }
      start = word;
    }
    int end = range[1];
    if (end + 1 < name.length() && name.charAt(end) == '-') {
      int joined = nameWord(name, end + 1);
      end = joined > 0 ? joined : end;
    }
    range[0] = start;
    range[1] = trailingNameEnd(name, end);
  }

  /**
   * Whether a name the text rules found in a path's name reads, there, as something else: two words
   * that are both everyday words ({@code Hunter Green paint.pdf}, {@code Pearl White}, {@code April
   * May June}), or a name before a word such as "hospital" or "university" ({@code Mary Washington
   * Hospital}). Such a name is reported at high sensitivity only.
   */
  private static boolean notAPatient(String name, int from, int to) {
    if (institutionAfter(name, to)) {
      return true;
    }
    int first = wordStart(name, from);
    if (first < 0 || first >= to) {
      return false;
    }
    int firstEnd = wordEnd(name, first);
    int second = nextWord(name, firstEnd);
    return second >= 0 && wordEnd(name, second) == to && everyday(name, first, second);
  }

  /** Whether the words at {@code first} and {@code second} are both everyday words. */
  private static boolean everyday(String name, int first, int second) {
    return EVERYDAY.contains(lower(name, first, wordEnd(name, first)))
        && EVERYDAY.contains(lower(name, second, wordEnd(name, second)));
  }

  /** The range of a reported name that overlaps {@code span}, or null. */
  private static int[] nameOverlapping(List<int[]> ranges, Span span) {
    for (int[] r : ranges) {
      if (r[2] == IdentifierType.NAME.ordinal() && r[0] < span.end() && span.start() < r[1]) {
        return r;
      }
    }
    return null;
  }

  /** Where a name found in a path's name starts and ends, and the confidence of the finding. */
  record Span(int start, int end, double confidence) {}

  /** Reports a name found at {@code start..end} of a path's name. */
  private static void nameAt(
      int start, int end, double confidence, FindingSink sink, List<int[]> ranges) {
    sink.add(0, null, IdentifierType.NAME, confidence, null);
    if (sink.sensitivity().reports(confidence)) {
      ranges.add(new int[] {start, end, IdentifierType.NAME.ordinal()});
    }
  }

  /**
   * The way practices name a patient's folder or file: family name, comma, given name, maybe middle
   * names or initials ({@code Doe, Jane}, {@code DOE, JANE}, {@code Thistlewood, Jane A.}, {@code
   * van Buren, Martin}, {@code Garcia Lopez, Maria}, {@code Smith Jr., J. Michael}), at the start
   * of the name, after a leading number or date ({@code 2024-03-01 Doe, Jane}), after "Copy of" or
   * after a " - " ({@code Chart - Thistlewood, Jane}). Letters may carry accents, as composed or as
   * separate marks, and words may hold apostrophes (straight or curly) and hyphens. A name is read
   * so:
   *
   * <ul>
   *   <li>0.8 when the given name (the first part of a double one, accents set aside) is in the
   *       list of given names, whatever the family name: most family names are in no list;
   *   <li>0.7 when it is not but a patient's number follows after its cue word ({@code Thistlewood,
   *       Zebulon MRN 12345}, {@code DOB 1961-03-02});
   *   <li>0.45 or 0.4, reported at high sensitivity only, when the family name is listed but the
   *       given name is not ({@code Patel, Xiomara}) or neither is and a bare number or date
   *       follows ({@code Quackenbush, Zebulon 1961-03-02}): vendors and business folders read the
   *       same way ({@code Allen, Medical}, {@code Taxes, Year 2023}).
   * </ul>
   *
   * Without a comma, a listed family name and a listed given name are a name at 0.7 ({@link
   * #familySpaceGiven}).
   *
   * <p>A second family word counts only where one of the two is a known family name, and a given
   * name that is a cue word, month or filler is none ({@code Report, Final}, {@code Invoices,
   * March}).
   *
   * @param name the name with '_' read as a space
   * @return where the name starts and ends and how sure it is, or null when there is none
   */
  static Span familyCommaGiven(String name) {
    Span found = familyCommaGiven(name, afterLeadingNumber(name));
    if (found == null && name.regionMatches(true, 0, "Copy of ", 0, 8)) {
      found = familyCommaGiven(name, afterLeadingNumber(name.substring(8)) + 8);
    }
    for (int dash = name.indexOf(" - "); found == null && dash >= 0; ) {
      found = familyCommaGiven(name, dash + 3);
      dash = name.indexOf(" - ", dash + 3);
    }
    return found;
  }

  /** {@link #familyCommaGiven(String)} for a name that starts at {@code start}. */
  private static Span familyCommaGiven(String name, int start) {
    int family = afterParticles(name, start);
    int familyEnd = nameWord(name, family);
    if (familyEnd < 0) {
      return null;
    }
    boolean familyKnown = knownFamily(name, family, familyEnd);
    // a second family name, joined by a space or a connector ("Garcia Lopez", "Lopez de Garcia")
    int next = connectorEnd(name, familyEnd);
    int second = next > familyEnd ? nameWord(name, next) : -1;
    if (second > 0
        && comma(name, suffixEnd(name, second)) > 0
        && (familyKnown || knownFamily(name, next, second))) {
      familyEnd = second;
      familyKnown = true;
    }
    int comma = comma(name, suffixEnd(name, familyEnd));
    if (comma < 0) {
      return familySpaceGiven(name, start, familyEnd, familyKnown);
    }
    int at = blanks(name, comma + 1, 2);
    int title = nameWord(name, at);
    if (title > 0) {
      int titleFlags = flags(name, at, title);
      if ((titleFlags & Lexicon.CLINICIAN) != 0) {
        return null; // "Smith, Dr. John": a clinician, whose name is not a patient's
      }
      if ((titleFlags & Lexicon.TITLE) != 0) {
        at = skip(name, title, ". ");
      }
    }
    int initial = initialEnd(name, at - 1);
    at = afterInitial(name, at);
    int given = nameWord(name, at);
    if (given < 0) {
      // only an initial ("Doe, J. MRN 12345"): a name when a patient's number follows
      return initial > at && numberAfter(name, initial) == 0.7
          ? new Span(start, initial, 0.7)
          : null;
    }
    if (given < name.length() && Character.isLetterOrDigit(name.charAt(given))) {
      return null;
    }
    int hyphen = name.indexOf('-', at);
    int flags = flags(name, at, hyphen < 0 || hyphen > given ? given : hyphen);
    // "Smith, Jan", "Brown, June": as much a month as a given name, unless the family is listed
    // and no month itself ("May, June")
    boolean month =
        (flags & NOT_A_NAME) == Lexicon.MONTH
            && familyKnown
            && !known(name, family, familyEnd, Lexicon.MONTH);
    if ((flags & NOT_A_NAME) != 0 && !month) {
      return null;
    }
    int end = trailingNameEnd(name, given);
    double confidence = numberAfter(name, end);
    if (month) {
      // a listed given name ("Brown, June") is one after the comma, as the name-pair rule finds;
      // else a patient's number after it says which, or it is a name at high sensitivity only
      confidence = Math.max(confidence, (flags & Lexicon.GIVEN) != 0 ? 0.7 : 0.45);
    } else if ((flags & Lexicon.GIVEN) != 0) {
      confidence = 0.8;
    } else if (confidence < 0.7 && familyKnown && looksLikeGivenName(name, at, given)) {
      // "Patel, Priya" is a patient, but so reads "Allen, Medical": high sensitivity only
      confidence = 0.45;
    } else if (confidence == 0) {
      return null;
    }
    return new Span(start, end, confidence);
  }

  /**
   * A family name and a given name without a comma ({@code Smith John}, {@code SMITH JOHN 1960}), a
   * name at 0.7 when both words are in their lists and nothing but a name part, a number or the end
   * follows; null otherwise.
   */
  private static Span familySpaceGiven(String name, int start, int familyEnd, boolean familyKnown) {
    if (!familyKnown || familyEnd + 1 >= name.length() || name.charAt(familyEnd) != ' ') {
      return null;
    }
    int given = nameWord(name, familyEnd + 1);
    if (given < 0
        || !known(name, familyEnd + 1, given, Lexicon.GIVEN)
        || (flags(name, familyEnd + 1, given) & NOT_A_NAME) != 0) {
      return null;
    }
    return new Span(start, trailingNameEnd(name, given), 0.7);
  }

  /**
   * Names as scanners, exports and hurried hands write them into file names, in lower case or not,
   * anywhere in the name ({@code smith_john_labs.pdf}, {@code maria-garcia-consent.pdf}, {@code
   * doe.jane.pdf}, {@code smith, john.pdf}, {@code labs_Smith_John.pdf}): two words, one in the
   * list of given names and the other in the list of family names, in either order (family name
   * first after a comma), joined by up to three {@link #JOINERS} or by a comma, maybe with an
   * initial or particles between them ({@code john_m_smith}, {@code anna_van_der_berg}). Where the
   * other rules found the same name already, it is widened to the whole, not reported again.
   * Nothing but the lists says these are names, so:
   *
   * <ul>
   *   <li>0.7 when more says so: a comma between them, or a patient's number or a birth date
   *       without separators right after ({@code doe_jane_mrn12345.pdf}, {@code
   *       garcia_maria_01021960.pdf});
   *   <li>0.6 otherwise, unless both words are also everyday English words ({@code rose_hill},
   *       {@code grace_young}): then 0.45, reported at high sensitivity only, or 0.6 with a date
   *       right before or after them ({@code young_grace_1960-01-02.pdf}).
   * </ul>
   *
   * Words that are cue words, months, fillers or titles are no part of such a name, and two names
   * before a word such as "hospital", "clinic" or "bank" name an institution. The whole name is
   * hidden: the listed names, particles and initials around the two words, suffixes, a nickname in
   * parentheses or quotes, and a second given name after "and" or "&amp;" ({@link #pairNameStart},
   * {@link #pairNameEnd}).
   *
   * @param name the name with '_' read as a space
   */
  static List<Span> listedNames(String name) {
    List<Span> found = new ArrayList<>();
    for (int first = wordStart(name, 0); first >= 0; ) {
      int firstEnd = wordEnd(name, first);
      boolean comma = comma(name, firstEnd) >= 0;
      // past a nickname in brackets or quotes between the two ("Jim (James) Whitaker")
      int nick = comma ? firstEnd : bracketedWordEnd(name, firstEnd);
      int second = nextWord(name, nick);
      // past an initial or particles between the two ("john_m_smith", "anna_van_der_berg")
      for (int n = 0; n < 3 && second >= 0 && !comma && betweenNames(name, second); n++) {
        second = nextWord(name, wordEnd(name, second));
      }
      if (second < 0) {
        first = wordStart(name, firstEnd);
        continue;
      }
      int secondEnd = wordEnd(name, second);
      int a = flags(name, first, firstEnd);
      int b = flags(name, second, secondEnd);
      boolean familyFirst = (a & Lexicon.FAMILY) != 0 && (b & Lexicon.GIVEN) != 0;
      boolean givenFirst = !comma && (a & Lexicon.GIVEN) != 0 && (b & Lexicon.FAMILY) != 0;
      if ((((a | b) & NOT_A_NAME) != 0 && !monthAsGiven(name, a, b, familyFirst, comma, secondEnd))
          || !(familyFirst || givenFirst)
          || institutionAfter(name, secondEnd)) {
        first = wordStart(name, firstEnd);
        continue;
      }
      int start = pairNameStart(name, first);
      int end = pairNameEnd(name, secondEnd);
      double confidence;
      if (comma || numberAfter(name, end) == 0.7 || compactDateAfter(name, end) >= 0) {
        confidence = 0.7;
      } else if (everyday(name, first, second) && !dateNextTo(name, start, end)) {
        confidence = 0.45;
      } else {
        confidence = 0.6;
      }
      found.add(new Span(start, end, confidence));
      first = wordStart(name, end);
    }
    return found;
  }

  /**
   * The end of one word in brackets or quotes after a space at {@code k} ({@code (James)}, {@code
   * "Betsy"}), past its closing mark; k when there is none.
   */
  private static int bracketedWordEnd(String name, int k) {
    if (k + 3 >= name.length()
        || name.charAt(k) != ' '
        || NICKNAME_OPEN.indexOf(name.charAt(k + 1)) < 0) {
      return k;
    }
    int e = wordEnd(name, k + 2);
    return e > k + 2 && e < name.length() && NICKNAME_CLOSE.indexOf(name.charAt(e)) >= 0
        ? e + 1
        : k;
  }

  /**
   * Whether the only thing that keeps a pair from being a name is a given name that is also a month
   * (April, May, June), and more than the lists says it is one: a comma after the family name
   * ({@code Day, April.pdf}) or a patient's number after the pair ({@code April Day MRN
   * 12345.pdf}). The family name must be no month ({@code May, June} is none).
   */
  private static boolean monthAsGiven(
      String name, int a, int b, boolean familyFirst, boolean comma, int end) {
    int given = familyFirst ? b : a;
    int family = familyFirst ? a : b;
    return (given & NOT_A_NAME) == Lexicon.MONTH
        && (given & Lexicon.GIVEN) != 0
        && (family & NOT_A_NAME) == 0
        && (comma || numberAfter(name, end) == 0.7);
  }

  /** Whether the word at {@code k} is an initial or a particle that may stand inside a name. */
  private static boolean betweenNames(String name, int k) {
    int end = wordEnd(name, k);
    return initial(name, k, end) || PARTICLES.contains(lower(name, k, end));
  }

  /**
   * Whether the word {@code k..end} is an initial: one letter, no digit right after it ("m" in
   * {@code john_m_smith}, not "f" in {@code f0021}).
   */
  private static boolean initial(String name, int k, int end) {
    return end - k == 1 && (end == name.length() || !Character.isDigit(name.charAt(end)));
  }

  /**
   * Whether a date stands right before {@code start} or right after {@code end}, past one
   * separator: a birth date or a visit date beside a name makes a patient's file.
   */
  private static boolean dateNextTo(String name, int start, int end) {
    if (end + 1 < name.length() && " .-".indexOf(name.charAt(end)) >= 0 && dateAt(name, end + 1)) {
      return true;
    }
    if (start < 2 || " .-".indexOf(name.charAt(start - 1)) < 0) {
      return false;
    }
    int k = start - 1;
    while (k > 0
        && (Character.isDigit(name.charAt(k - 1)) || "-./".indexOf(name.charAt(k - 1)) >= 0)) {
      k--;
    }
    return k < start - 1 && dateAt(name, k);
  }

  /** Whether a date with separators starts at {@code k}: 1-2-1960, 01.02.60 or 1960-01-02. */
  private static boolean dateAt(String name, int k) {
    if (shortDateAt(name, k)) {
      return true;
    }
    if (digitsAt(name, k) != 4 || k + 10 > name.length()) {
      return false;
    }
    char sep = name.charAt(k + 4);
    return "-./".indexOf(sep) >= 0
        && digitsAt(name, k + 5) == 2
        && name.charAt(k + 7) == sep
        && digitsAt(name, k + 8) == 2;
  }

  /**
   * Where a name whose first listed word starts at {@code k} really starts: over listed names,
   * particles and initials before it ("mary_ann_smith", "van_buren_martin", "garcia lopez, maria"),
   * and over "john_and_" before it ("john_and_mary_smith").
   */
  private static int pairNameStart(String name, int k) {
    for (int n = 0; n < 4; n++) {
      if (k >= 5 && name.startsWith(" & ", k - 3)) {
        // "john_&_jane_doe": the word before the '&' ends three characters before the name
        int given = wordBefore(name, k - 2);
        if (given < 0 || !known(name, given, wordEnd(name, given), Lexicon.GIVEN)) {
          break;
        }
        k = given;
        continue;
      }
      int before = wordBefore(name, k);
      if (before < 0) {
        break;
      }
      int beforeEnd = wordEnd(name, before);
      if (lower(name, before, beforeEnd).equals("and")) {
        int given = wordBefore(name, before);
        if (given < 0 || !known(name, given, wordEnd(name, given), Lexicon.GIVEN)) {
          break;
        }
        k = given;
      } else if (listedWord(name, before, beforeEnd) || betweenNames(name, before)) {
        k = before;
      } else {
        break;
      }
    }
    return k;
  }

  /**
   * Where a name whose second listed word ends at {@code k} really ends: over listed names,
   * particles followed by a word, initials and suffixes after it ("doe_jane_marie",
   * "juan_perez_rodriguez", "maria_lopez_de_garcia", "smith_john_jr"), a nickname in parentheses or
   * quotes ("smith_robert_(bob)"), and "_and_jane" or "_&amp;_jane" after it.
   */
  private static int pairNameEnd(String name, int k) {
    for (int n = 0; n < 6; n++) {
      int more = Math.max(nicknameEnd(name, k), andGivenEnd(name, k));
      if (more > k) {
        k = more;
        continue;
      }
      int next = comma(name, k) >= 0 ? -1 : nextWord(name, k);
      if (next < 0) {
        break;
      }
      int end = wordEnd(name, next);
      String word = lower(name, next, end);
      int after = nextWord(name, end);
      if (listedWord(name, next, end)
          || SUFFIXES.contains(word)
          || initial(name, next, end)
          || monthWithoutDate(name, next, end)) {
        k = end;
      } else if (PARTICLES.contains(word) && after >= 0) {
        k = wordEnd(name, after);
      } else {
        break;
      }
    }
    return k;
  }

  /**
   * Whether the word is a month's name with no day or year after it: right after a name it is the
   * last part of the name ("kim_min_jun", Min-jun), not a date.
   */
  private static boolean monthWithoutDate(String name, int from, int to) {
    int k = skip(name, to, " .-,");
    return (flags(name, from, to) & Lexicon.MONTH) != 0
        && (k == name.length() || !Character.isDigit(name.charAt(k)));
  }

  /** The word {@code from..to} in lower case. */
  private static String lower(String name, int from, int to) {
    return name.substring(from, to).toLowerCase(Locale.ROOT);
  }

  /** Whether a word is a listed given or family name and no cue, month or filler. */
  private static boolean listedWord(String name, int from, int to) {
    int f = flags(name, from, to);
    return (f & (Lexicon.GIVEN | Lexicon.FAMILY)) != 0 && (f & NOT_A_NAME) == 0;
  }

  /** The end of " and jane" or " &amp; jane" (a listed given name) at {@code k}, else k. */
  private static int andGivenEnd(String name, int k) {
    int e =
        name.regionMatches(true, k, " and ", 0, 5) ? k + 5 : name.startsWith(" & ", k) ? k + 3 : -1;
    if (e < 0 || wordStart(name, e) != e) {
      return k;
    }
    int end = wordEnd(name, e);
    return known(name, e, end, Lexicon.GIVEN) ? end : k;
  }

  /**
   * The end of a nickname, a listed given name in parentheses or quotes, after a space at {@code k}
   * ("smith_robert_(bob)"); k when there is none.
   */
  private static int nicknameEnd(String name, int k) {
    int e = bracketedWordEnd(name, k);
    return e > k && known(name, k + 2, e - 1, Lexicon.GIVEN) ? e : k;
  }

  /** Whether a word naming a place or an institution follows ("thomas_jefferson_hospital"). */
  private static boolean institutionAfter(String name, int end) {
    int next = nextWord(name, end);
    return next >= 0 && INSTITUTIONS.contains(lower(name, next, wordEnd(name, next)));
  }

  private static final Set<String> INSTITUTIONS =
      Set.of(
          "hospital",
          "clinic",
          "center",
          "centre",
          "pharmacy",
          "university",
          "college",
          "institute",
          "foundation",
          "bank",
          "county",
          "street",
          "avenue",
          "road",
          "memorial",
          "associates",
          "inc",
          "llc",
          "corp",
          "company",
          "partners");

  /**
   * The start of a whole word joined to a word ending at {@code end} by one to three {@link
   * #JOINERS}, or by a comma and at most one blank; -1 when none follows so.
   */
  private static int nextWord(String name, int end) {
    int c = comma(name, end);
    int k = c >= 0 ? blanks(name, c + 1, 1) : end;
    while (c < 0 && k < name.length() && k - end < 3 && JOINERS.indexOf(name.charAt(k)) >= 0) {
      k++;
    }
    if (k == end) {
      return -1;
    }
    return k < name.length() && wordStart(name, k) == k ? k : -1;
  }

  /**
   * What may join the words of a name, up to three in a row ("Smith John", "smith_-_john"): spaces
   * ('_' is read as one), '.', '-', no-break and thin spaces, en and em dashes, tabs.
   */
  private static final String JOINERS = " .-\u00A0\u2009\u2013\u2014\t";

  /** The start of a whole word that ends one to three {@link #JOINERS} before {@code k}, or -1. */
  private static int wordBefore(String name, int k) {
    int e = k;
    while (e > 0 && k - e < 3 && JOINERS.indexOf(name.charAt(e - 1)) >= 0) {
      e--;
    }
    if (e == k || e < 1 || !wordLetter(name.charAt(e - 1))) {
      return -1;
    }
    int w = e - 1;
    while (w > 0 && wordLetter(name.charAt(w - 1))) {
      w--;
    }
    return wordStart(name, w) == w ? w : -1;
  }

  /**
   * The start of the next whole word at or after {@code k}: no letter or digit before it, no letter
   * after it (digits may follow: {@code smith_john1960}); -1 when none.
   */
  private static int wordStart(String name, int k) {
    for (int i = k; i < name.length(); i++) {
      if (wordLetter(name.charAt(i))
          && (i == 0 || !Character.isLetterOrDigit(name.charAt(i - 1)))) {
        int end = wordEnd(name, i);
        if (end == name.length() || !Character.isLetter(name.charAt(end))) {
          return i;
        }
        i = end;
      }
    }
    return -1;
  }

  /**
   * The end of the letters from {@code k}, with the apostrophes and accent marks written after a
   * letter (the decomposed form macOS gives file names: "Zoe\u0308") inside.
   */
  private static int wordEnd(String name, int k) {
    int e = k;
    while (e < name.length()
        && (wordLetter(name.charAt(e))
            || (e > k
                && ("'\u2019".indexOf(name.charAt(e)) >= 0
                    || Character.getType(name.charAt(e)) == Character.NON_SPACING_MARK)))) {
      e++;
    }
    return e;
  }

  /** A letter of the Latin alphabets (accented ones too: é, ł, ø). */
  private static boolean wordLetter(char c) {
    return Character.isLetter(c) && c <= 0x24F;
  }

  /**
   * Given and family names in the lists that are also everyday English words, which a file name may
   * mean as words ({@code rose_hill}, {@code Hunter Green paint}).
   */
  private static final Set<String> EVERYDAY = Set.copyOf(WordSet.lines("everyday-name-words.txt"));

  /**
   * Whether an unlisted word after a listed family name reads as a given name: not a US state
   * ("Jackson, Mississippi") and not ending the way English nouns do ("Brown, Shipping", "Grant,
   * Application").
   */
  private static boolean looksLikeGivenName(String name, int from, int to) {
    String w = lower(name, from, to);
    if (STATES.contains(w)) {
      return false;
    }
    for (String suffix : NOUN_ENDINGS) {
      if (w.length() > suffix.length() + 2 && w.endsWith(suffix)) {
        return false;
      }
    }
    return true;
  }

  private static final Set<String> STATES =
      Set.of(
          "alabama",
          "alaska",
          "arizona",
          "arkansas",
          "california",
          "colorado",
          "connecticut",
          "delaware",
          "florida",
          "georgia",
          "hawaii",
          "idaho",
          "illinois",
          "indiana",
          "iowa",
          "kansas",
          "kentucky",
          "louisiana",
          "maine",
          "maryland",
          "massachusetts",
          "michigan",
          "minnesota",
          "mississippi",
          "missouri",
          "montana",
          "nebraska",
          "nevada",
          "ohio",
          "oklahoma",
          "oregon",
          "pennsylvania",
          "tennessee",
          "texas",
          "utah",
          "vermont",
          "virginia",
          "washington",
          "wisconsin",
          "wyoming");

  /** Lexicon flags of words that are no part of a name: cue words, months, fillers, titles. */
  private static final int NOT_A_NAME =
      Lexicon.CUE_MASK | Lexicon.MONTH | Lexicon.FILLER | Lexicon.TITLE | Lexicon.CLINICIAN;

  private static final List<String> NOUN_ENDINGS =
      List.of(
          "ing", "tion", "sion", "ment", "ness", "ity", "ics", "ance", "ence", "ery", "ship",
          "hood", "ure", "ism", "ogy", "ary", "ies");

  /**
   * The end of what may still belong to a name whose given name ends at {@code end}: up to five
   * more parts, each a capitalised word that is not a cue word, an initial, a suffix ("Jr.",
   * "III"), a nickname in parentheses, brackets or quotes ("(Jack)", "\"Jack\""), or a particle and
   * the word after it ("Maria da Conceição"). Hiding a word too many only shortens what the safe
   * path shows; leaving a middle name or nickname visible would leak it.
   */
  private static int trailingNameEnd(String name, int end) {
    for (int n = 0; n < 5 && end + 1 < name.length() && name.charAt(end) == ' '; n++) {
      int next = nextNamePartEnd(name, end);
      if (next <= end) {
        break;
      }
      end = next;
    }
    return end;
  }

  /** The end of the one name part after a space at {@code end} ({@link #trailingNameEnd}). */
  private static int nextNamePartEnd(String name, int end) {
    int suffix = suffixEnd(name, end);
    if (suffix > end) {
      return suffix;
    }
    int part = namePartEnd(name, end + 1);
    if (part > 0) {
      return part;
    }
    int initial = initialEnd(name, end);
    if (initial > end) {
      return initial;
    }
    int joined = connectorEnd(name, end);
    int afterConnector = joined > end + 1 ? namePartEnd(name, joined) : -1;
    // "Doe, Jane and John": the family's other names
    return afterConnector > 0 ? afterConnector : andEnd(name, end);
  }

  /** The end of " and John" or " & John" after a name ending at {@code k}, or -1. */
  private static int andEnd(String name, int k) {
    for (String and : new String[] {" and ", " & "}) {
      if (name.startsWith(and, k)) {
        int at = k + and.length();
        int part = nameWord(name, at);
        if (part > 0 && known(name, at, part, Lexicon.GIVEN)) {
          return part;
        }
        int second = part > 0 ? secondFamilyCommaGiven(name, at, part) : -1;
        if (second > 0) {
          return second;
        }
      }
    }
    return -1;
  }

  /**
   * The end of a second patient written family name first after "and" or "&" ({@code Nguyen, Linh &
   * Tran, Bao}): a listed family name {@code at..familyEnd}, a comma and a word that reads as a
   * given name; -1 otherwise.
   */
  private static int secondFamilyCommaGiven(String name, int at, int familyEnd) {
    int c = comma(name, familyEnd);
    if (c < 0 || !knownFamily(name, at, familyEnd)) {
      return -1;
    }
    int given = blanks(name, c + 1, 1);
    int end = nameWord(name, given);
    return end > 0
            && looksLikeGivenName(name, given, end)
            && (flags(name, given, end) & NOT_A_NAME) == 0
        ? end
        : -1;
  }

  /**
   * The end of a name part at {@code k}: a capitalised non-cue word or a quoted nickname, or -1.
   */
  private static int namePartEnd(String name, int k) {
    int word = nameWord(name, k);
    if (word > 0) {
      return (flags(name, k, word) & NOT_A_NAME) == 0 ? word : -1;
    }
    if (k + 2 < name.length()) {
      int close = NICKNAME_OPEN.indexOf(name.charAt(k));
      if (close >= 0) {
        int inner = nameWord(name, k + 1);
        if (inner > 0
            && inner < name.length()
            && name.charAt(inner) == NICKNAME_CLOSE.charAt(close)) {
          return inner + 1;
        }
      }
    }
    return -1;
  }

  private static final String NICKNAME_OPEN = "([\"'\u201C\u2018";
  private static final String NICKNAME_CLOSE = ")]\"'\u201D\u2019";

  /**
   * Past a space, or a space, a connector ("de", "del", "y", "da", "dos", "e") and a space, after a
   * name part ending at {@code k}; {@code k} when neither follows.
   */
  private static int connectorEnd(String name, int k) {
    if (k + 1 >= name.length() || name.charAt(k) != ' ') {
      return k;
    }
    int space = name.indexOf(' ', k + 1);
    if (space > 0 && CONNECTORS.contains(name.substring(k + 1, space))) {
      return space + 1;
    }
    return k + 1;
  }

  private static final Set<String> CONNECTORS =
      Set.of("de", "del", "y", "da", "das", "do", "dos", "e");

  /** Whether a family name, or one part of a hyphenated one, is in the list of family names. */
  private static boolean knownFamily(String name, int from, int to) {
    for (int k = from; k <= to; ) {
      int hyphen = name.indexOf('-', k);
      int end = hyphen < 0 || hyphen > to ? to : hyphen;
      if (known(name, k, end, Lexicon.FAMILY)) {
        return true;
      }
      k = end + 1;
    }
    return false;
  }

  /** The cues that announce a patient's own number or date: "MRN", "DOB", "SSN", "Acct". */
  private static final Set<Cue> PATIENT_CUES =
      EnumSet.of(Cue.SSN, Cue.MRN, Cue.DOB, Cue.ACCOUNT, Cue.PLAN);

  /**
   * How sure a number or date right after a name makes it: 0.7 after a patient cue word ({@code MRN
   * 12345}, {@code DOB: 1961-03-02}), 0.4 when bare ({@code 1961-03-02}, {@code (12345)}), 0 when
   * there is none.
   */
  private static double numberAfter(String name, int at) {
    int k = skip(name, at, " ,(_#:-");
    boolean cued = false;
    for (int words = 0;
        words < 2 && k < name.length() && Character.isLetter(name.charAt(k));
        words++) {
      int word = k;
      while (k < name.length() && Character.isLetter(name.charAt(k))) {
        k++;
      }
      int wordFlags = flags(name, word, k);
      Cue cue = Lexicon.cue(wordFlags);
      if (PATIENT_CUES.contains(cue) || cue == Cue.NAME) {
        cued = true;
      } else if (!Lexicon.filler(wordFlags)) {
        return 0;
      }
      k = skip(name, k, " .#:-");
    }
    if (k == at || !identifierAt(name, k)) {
      return 0;
    }
    return cued ? 0.7 : 0.4;
  }

  /** Where a name may start after a leading number or date and its separator; 0 when none. */
  private static int afterLeadingNumber(String name) {
    int k = 0;
    while (k < name.length()
        && (Character.isDigit(name.charAt(k)) || (k > 0 && "-./".indexOf(name.charAt(k)) >= 0))) {
      k++;
    }
    if (k < 4) {
      return 0;
    }
    int after = skip(name, k, " -");
    return after > k ? after : 0;
  }

  /** The index of a comma at {@code k}, after up to one space ("Doe , Jane"), or -1. */
  private static int comma(String name, int k) {
    int c = k < name.length() && name.charAt(k) == ' ' ? k + 1 : k;
    return c < name.length() && (name.charAt(c) == ',' || name.charAt(c) == '\uFF0C') ? c : -1;
  }

  /** The end of " Jr", " Sr", " II", " III" or " IV" (with or without a period) at k, else k. */
  private static int suffixEnd(String name, int k) {
    if (k >= name.length() || name.charAt(k) != ' ') {
      return k;
    }
    int e = k + 1;
    while (e < name.length() && Character.isLetter(name.charAt(e))) {
      e++;
    }
    if (!SUFFIXES.contains(name.substring(k + 1, e).toLowerCase(Locale.ROOT))) {
      return k;
    }
    // the suffix's period, unless it starts an extension ("Smith_John_Jr.pdf")
    boolean period =
        e < name.length()
            && name.charAt(e) == '.'
            && (e + 1 == name.length() || !Character.isLetter(name.charAt(e + 1)));
    return period ? e + 1 : e;
  }

  private static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv");

  /** Past up to {@code max} blanks (spaces, tabs, no-break spaces) from {@code k}. */
  private static int blanks(String name, int k, int max) {
    int e = k;
    while (e < name.length()
        && e - k < max
        && (Character.isWhitespace(name.charAt(e)) || Character.isSpaceChar(name.charAt(e)))) {
      e++;
    }
    return e;
  }

  /** Past an initial and its space before a given name ("J. Michael"), else {@code k}. */
  private static int afterInitial(String name, int k) {
    int e = initialEnd(name, k - 1);
    if (e == k - 1 || k == 0 || name.charAt(k - 1) != ' ') {
      return k;
    }
    return e < name.length() && name.charAt(e) == ' ' && namePartEnd(name, e + 1) > 0 ? e + 1 : k;
  }

  /** Whether the word {@code from..to}, accents set aside, has this flag in the lexicon. */
  private static boolean known(String name, int from, int to, int flag) {
    return (flags(name, from, to) & flag) != 0;
  }

  /** The lexicon's flags of a word, its accents and curly apostrophes set aside. */
  private static int flags(String name, int from, int to) {
    String plain = plainWord(name, from, to);
    Latin1Text text = Latin1Text.of(plain);
    int f = Lexicon.flags(text, 0, text.length());
    if (f == 0 && plain.indexOf("'") > 0) {
      // the lists write O'Brien and D'Angelo without the apostrophe
      Latin1Text joined = Latin1Text.of(plain.replace("'", ""));
      f = Lexicon.flags(joined, 0, joined.length());
      if (f == 0
          && plain.length() > 3
          && plain.charAt(1) == '\''
          && "oOdD".indexOf(plain.charAt(0)) >= 0) {
        // O'Sullivan, D'Souza: the family name after the prefix
        Latin1Text rest = Latin1Text.of(plain.substring(2));
        f = Lexicon.flags(rest, 0, rest.length()) & Lexicon.FAMILY;
      }
    }
    return f;
  }

  /** The word {@code from..to} with its accents set aside and its apostrophes straight. */
  private static String plainWord(String name, int from, int to) {
    String word =
        Normalizer.normalize(name.substring(from, to), Normalizer.Form.NFD)
            .replace('\u2019', '\'')
            .replace('`', '\'');
    StringBuilder plain = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        plain.append(TextShapes.unaccented(c));
      }
    }
    return plain.toString();
  }

  /**
   * The name with each accented letter beyond Latin-1 (Ł, ę, Ş, ő) read as its plain letter, one
   * character for one, so that the rules, whose word lists and text handling know Latin-1, see
   * {@code Łukasz Wiśniewski} as {@code Lukasz Wisniewski} at the same positions.
   */
  static String latinBase(String name) {
    char[] out = null;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      char plain = TextShapes.latinBase(c);
      if (plain != c) {
        out = out == null ? name.toCharArray() : out;
        out[i] = plain;
      }
    }
    return out == null ? name : new String(out);
  }

  /** Past every character of {@code chars} from {@code k}. */
  private static int skip(String name, int k, String chars) {
    while (k < name.length() && chars.indexOf(name.charAt(k)) >= 0) {
      k++;
    }
    return k;
  }

  /**
   * Where a family name starts after the particles that may open it ("van Buren", "De La Cruz", "Mc
   * Donald"): up to three of them, each followed by a space; {@code k} when there are none.
   */
  private static int afterParticles(String name, int k) {
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
        && (at + 2 == name.length() || !Character.isLetterOrDigit(name.charAt(at + 2)))) {
      // the initial's period, unless it starts an extension ("Doe, Jane A.pdf")
      boolean period =
          at + 2 < name.length()
              && name.charAt(at + 2) == '.'
              && (at + 3 == name.length() || !Character.isLetter(name.charAt(at + 3)));
      return period ? at + 3 : at + 2;
    }
    return at;
  }

  /**
   * The end of a capitalised word of a name at {@code k} ("Smith", "O’Brien", "Jane-Marie",
   * "Min-jun", "Renée" with its accent as a separate mark), or -1.
   */
  private static int nameWord(String name, int k) {
    int e = capitalisedWord(name, k);
    while (e > 0 && e + 1 < name.length() && name.charAt(e) == '-') {
      int next = e + 1;
      while (next < name.length() && wordPart(name.codePointAt(next))) {
        next += Character.charCount(name.codePointAt(next));
      }
      if (next == e + 1) {
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
   * @param parent the folder above, as a report shows it; its path ends in a separator
   * @return the folder as a report shows it: {@code parent}'s path followed by its redacted name
   */
  static SafeFolder scanFolder(
      Path dir, SafeFolder parent, ScanOptions options, List<Finding> into) {
    Set<String> found = new HashSet<>();
    String safe = scanNames(dir, parent, found, List.of(), options, into);
    return parent.below(safe, found);
  }

  /**
   * Scans a symbolic link by name: its own name and every part of the path it points to, which a
   * backup stores as they are and which practices name after patients as they name files. Findings
   * report line 0 and name the link by its safe path.
   *
   * @param link the link; must have a name
   * @param parent the folder above, as a report shows it; its path ends in a separator
   * @param target the path the link points to, as stored
   */
  static FileResult scanLink(Path link, SafeFolder parent, String target, ScanOptions options) {
    List<String> parts = new ArrayList<>();
    for (String part : target.split("[/\\\\]")) {
      if (!part.isEmpty() && !part.equals(".") && !part.equals("..")) {
        parts.add(part);
      }
    }
    List<Finding> findings = new ArrayList<>();
    String safe = scanNames(link, parent, null, parts, options, findings);
    return new FileResult(link.toString(), safe, ScanStatus.SCANNED, null, findings);
  }

  /**
   * Scans an entry's name and {@code more} names that go with it, adds the findings to {@code into}
   * on line 0 of the entry's safe path, and returns that path; the words of the names found in the
   * entry's own name go to {@code found} when it is not null.
   */
  private static String scanNames(
      Path entry,
      SafeFolder parent,
      Set<String> found,
      List<String> more,
      ScanOptions options,
      List<Finding> into) {
    FindingSink sink = new FindingSink(entry.toString(), options);
    TextDetector detector = new TextDetector();
    String name = entry.getFileName().toString();
    String safe = parent.path() + scan(name, parent.names(), found, detector, sink);
    for (String part : more) {
      scan(part, detector, sink);
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
      int id = ends[w - 1];
      if (identifierAt(name, id) && !(yearAt(name, id) && noListedName(name, ends, w))) {
        return id;
      }
    }
    return 0;
  }

  /**
   * Whether a year of this century stands alone at {@code k} ("Fee_Schedule_2024.xlsx"); a year
   * before 2000 after a name is more often its birth year ("Zebulon_Quackenbush_1961").
   */
  private static boolean yearAt(String name, int k) {
    return digitsAt(name, k) == 4
        && name.startsWith("20", k)
        && (k + 4 == name.length() || !Character.isLetterOrDigit(name.charAt(k + 4)));
  }

  /**
   * Whether none of the first {@code words} words, each ending one before {@code ends[i]}, is a
   * listed name: such words before a recent year name a document of that year ({@code
   * Employee_Handbook_2024.pdf}), not a patient.
   */
  private static boolean noListedName(String name, int[] ends, int words) {
    int from = 0;
    for (int i = 0; i < words; i++) {
      if (listedWord(name, from, ends[i] - 1)) {
        return false;
      }
      from = ends[i];
    }
    return true;
  }

  /**
   * The end of a capital letter followed by one or more letters, accent marks or apostrophes
   * (straight, curly or grave) at k, or -1.
   */
  private static int capitalisedWord(String name, int k) {
    if (k >= name.length()
        || Character.getType(name.codePointAt(k)) != Character.UPPERCASE_LETTER) {
      return -1;
    }
    int e = k + Character.charCount(name.codePointAt(k));
    int start = e;
    while (e < name.length() && wordPart(name.codePointAt(e))) {
      e += Character.charCount(name.codePointAt(e));
    }
    return e > start ? e : -1;
  }

  /** A letter, an accent mark written after its letter, or an apostrophe of a name. */
  private static boolean wordPart(int cp) {
    return Character.isLetter(cp)
        || Character.getType(cp) == Character.NON_SPACING_MARK
        || cp == '\''
        || cp == '\u2019'
        || cp == '`';
  }

  /**
   * Whether six or more hex digits, four or more digits, or a date in the order day-month or
   * month-day ({@code 01-02-1960}, {@code 1.2.60}) start at {@code k}.
   */
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
    return hex >= 6 || digits >= 4 || shortDateAt(name, k);
  }

  /** Whether 1-2 digits, a separator, 1-2 digits, the same separator and 2-4 digits start at k. */
  private static boolean shortDateAt(String name, int k) {
    int first = digitsAt(name, k);
    if (first < 1 || first > 2 || k + first >= name.length()) {
      return false;
    }
    char sep = name.charAt(k + first);
    if ("-./".indexOf(sep) < 0) {
      return false;
    }
    int m = k + first + 1;
    int second = digitsAt(name, m);
    if (second < 1 || second > 2 || m + second >= name.length() || name.charAt(m + second) != sep) {
      return false;
    }
    int year = digitsAt(name, m + second + 1);
    return year >= 2 && year <= 4;
  }

  private static int digitsAt(String name, int k) {
    int e = k;
    while (e < name.length() && name.charAt(e) >= '0' && name.charAt(e) <= '9') {
      e++;
    }
    return e - k;
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

  private static final char SEPARATOR = java.io.File.separatorChar;

  /** The last part of a path written with '/' separators, or backslashes on Windows. */
  static String lastPart(String path) {
    // a backslash separates folders only where the system says so; elsewhere it is part of a name
    // ("Garcia, Maria\scan.pdf", as a Windows archive unpacks on Linux)
    int cut = Math.max(path.lastIndexOf('/'), SEPARATOR == '\\' ? path.lastIndexOf('\\') : -1);
    return path.substring(cut + 1);
  }
}
