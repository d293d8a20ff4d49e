package org.bdr.phi;

import static org.bdr.phi.TextShapes.isAlnum;
import static org.bdr.phi.TextShapes.isDigit;
import static org.bdr.phi.TextShapes.isLetter;

/**
 * Classifies a token of digits (with its separators and context cue) as a date, SSN, phone number,
 * ZIP code, age, IP address or a cued identifier, and alphanumeric tokens as MBI, DEA, VIN or cued
 * identifiers.
 */
final class NumberRules {

  private static final int MAX_GROUPS = 6;
  private static final WordSet STATES =
      WordSet.of(
          "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN",
          "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
          "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
          "VT", "VA", "WA", "WV", "WI", "WY", "PR");

  private static final String[] LOG_LEVELS = {
    "INFO", "WARN", "WARNING", "ERROR", "DEBUG", "TRACE", "FATAL", "NOTICE"
  };

  private final TextDetector detector;
  private final int[] len = new int[MAX_GROUPS];
  private final int[] start = new int[MAX_GROUPS];
  private final char[] sep = new char[MAX_GROUPS];
  private int groups;

  NumberRules(TextDetector detector) {
    this.detector = detector;
  }

  /** Classifies the number token starting at {@code i}; returns where it ends. */
  int token(Latin1Text s, int i) {
    if (TextShapes.isUuidAt(s, i)) {
      return i + 36;
    }
    int phone = phoneEnd(s, i);
    if (phone > 0) {
      phone(s, i, phone, detector.cueAt(i));
      return phone;
    }
    int end = groups(s, i);
    if (groups == 1 && end < s.length() && isLetter(s.charAt(end))) {
      return alnumToken(s, i);
    }
    Cue cue = detector.cueAt(i);
    if (cue != Cue.BLOCK) {
      classify(s, i, end, cue);
    }
    return end;
  }

  private int groups(Latin1Text s, int i) {
    int n = s.length();
    int k = i;
    groups = 0;
    while (true) {
      start[groups] = k;
      while (k < n && isDigit(s.charAt(k))) {
        k++;
      }
      len[groups] = k - start[groups];
      groups++;
      char c = k + 1 < n ? s.charAt(k) : 0;
      boolean more = (c == '-' || c == '.' || c == '/') && isDigit(s.charAt(k + 1));
      if (!more || groups == MAX_GROUPS) {
        return more ? skipRest(s, k) : k;
      }
      sep[groups - 1] = c;
      k++;
    }
  }

  private static int skipRest(Latin1Text s, int k) {
    int e = k;
    while (e < s.length() && (isDigit(s.charAt(e)) || s.charAt(e) == '.' || s.charAt(e) == '-')) {
      e++;
    }
    return e;
  }

  private void classify(Latin1Text s, int i, int end, Cue cue) {
    if (dottedIdentifier(s, end)) {
      return;
    }
    if (groups == 4 && allSep('.')) {
      ipv4(s, i, end, cue);
    } else if (groups == 3 && (date3(s, i, end, cue) || ssn3(s, i, end, cue))) {
      return;
    } else if (compactDate(s, i, end, cue)) {
      return;
    } else if (groups == 1) {
      single(s, i, end, cue);
    } else if (groups == 2) {
      pair(s, i, end, cue);
    } else {
      cued(s, i, end, cue);
    }
  }

  /** OIDs and DICOM UIDs (many dotted parts) and numbers glued to a dot-number are not PHI. */
  private boolean dottedIdentifier(Latin1Text s, int end) {
    if (groups >= 4 && allSep('.') && (groups > 4 || maxLen() > 3)) {
      return true;
    }
    return end + 1 < s.length() && s.charAt(end) == '.' && isDigit(s.charAt(end + 1));
  }

  private boolean date3(Latin1Text s, int i, int end, Cue cue) {
    if (sep[0] != sep[1]) {
      return false;
    }
    int a = value(s, 0);
    int b = value(s, 1);
    int c = value(s, 2);
    boolean ymd = len[0] == 4 && len[1] <= 2 && len[2] <= 2 && validDate(a, b, c);
    boolean mdy =
        len[0] <= 2
            && len[1] <= 2
            && validEitherOrder(fullYear(c, len[2]), a, b)
            && (len[2] == 4 || (len[2] == 2 && (sep[0] == '/' || saysDate(cue))));
    if (!ymd && !mdy) {
      return false;
    }
    double plain = logTimestamp(s, i, end) ? 0.3 : 0.7;
    detector.report(IdentifierType.DATE, dateConfidence(cue, plain), i, end);
    return true;
  }

  /**
   * A date with a time at the start of a log line ("2024-03-01T10:15:30Z INFO ...") stamps an event
   * of a program, not of a person.
   */
  private static boolean logTimestamp(Latin1Text s, int i, int end) {
    if (i > 1 || (i == 1 && s.charAt(0) != '[')) {
      return false;
    }
    boolean time =
        end + 6 <= s.length()
            && (s.charAt(end) == 'T' || s.charAt(end) == ' ')
            && isDigit(s.charAt(end + 1))
            && isDigit(s.charAt(end + 2))
            && s.charAt(end + 3) == ':';
    if (!time) {
      return false;
    }
    return logLevelWithin(s, end, Math.min(s.length(), end + 64));
  }

  /** Whether a log level stands as a whole word within {@code from..to}. */
  private static boolean logLevelWithin(Latin1Text s, int from, int to) {
    for (int p = from; p < to; p++) {
      if (!isUpperAscii(s.charAt(p)) || (p > from && logWordChar(s.charAt(p - 1)))) {
        continue;
      }
      for (String level : LOG_LEVELS) {
        int e = p + level.length();
        if (e <= to && regionIs(s, p, level) && (e == to || !logWordChar(s.charAt(e)))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isUpperAscii(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean logWordChar(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }

  private static boolean regionIs(Latin1Text s, int at, String word) {
    for (int k = 0; k < word.length(); k++) {
      if (s.charAt(at + k) != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private boolean compactDate(Latin1Text s, int i, int end, Cue cue) {
    int l = len[0];
    boolean shape = l == 8 || l == 12 || l == 14;
    boolean zone = groups == 2 && len[1] <= 4 && (sep[0] == '.' || (sep[0] == '-' && len[1] == 4));
    if (!shape || !(groups == 1 || zone)) {
      return false;
    }
    int y = number(s, i, i + 4);
    int m = number(s, i + 4, i + 6);
    int d = number(s, i + 6, i + 8);
    if (!validDate(y, m, d) && l == 8 && groups == 1 && saysDate(cue)) {
      // month (or day) first, as US forms write a birth date without separators: only where the
      // context says date, since eight bare digits are as often an account or order number
      if (validEitherOrder(number(s, i + 4, i + 8), number(s, i, i + 2), number(s, i + 2, i + 4))) {
        detector.report(IdentifierType.DATE, dateConfidence(cue, 0.55), i, end);
        return true;
      }
    }
    if (!validDate(y, m, d) || (l > 8 && !validTime(s, i + 8, l - 8))) {
      return false;
    }
    detector.report(IdentifierType.DATE, dateConfidence(cue, l == 8 ? 0.55 : 0.6), i, end);
    return true;
  }

  private static double dateConfidence(Cue cue, double plain) {
    return switch (cue) {
      case DOB -> 0.95;
      case DATE, AGE, NAME -> 0.85;
      default -> plain;
    };
  }

  private boolean ssn3(Latin1Text s, int i, int end, Cue cue) {
    if (len[0] != 3 || len[1] != 2 || len[2] != 4 || sep[0] != '-' || sep[1] != '-') {
      if (cue.identifies()) {
        detector.report(cue.type(), 0.85, i, end);
        return true;
      }
      return false;
    }
    String digits =
        "" + s.subSequence(i, i + 3) + s.subSequence(i + 4, i + 6) + s.subSequence(i + 7, i + 11);
    ssnDigits(digits, i, end, cue, 0.7);
    return true;
  }

  private void ssnDigits(CharSequence nine, int i, int end, Cue cue, double plain) {
    if (!IdentifierRules.ssn(nine, true)) {
      return;
    }
    boolean test = IdentifierRules.ssnTestArea(nine);
    double confidence;
    if (cue == Cue.SSN) {
      confidence = test ? 0.6 : 0.95;
    } else {
      confidence = test ? Math.min(plain, 0.3) : plain;
    }
    detector.report(IdentifierType.SSN, confidence, i, end);
  }

  private void single(Latin1Text s, int i, int end, Cue cue) {
    int l = len[0];
    if (cue == Cue.NAME && l >= 4 && patientNumberWordBefore(s, i)) {
      // "Patient ID 12345", "Pt #: 1234567": the patient's own number, not a state and ZIP code
      detector.report(IdentifierType.MRN, 0.85, i, end);
    } else if (l == 9 && (cue == Cue.SSN || cue == Cue.NONE || cue == Cue.NAME)) {
      ssnDigits(s.subSequence(i, end), i, end, cue, 0.25);
    } else if (l == 10 && (cue == Cue.NPI || cue == Cue.LICENSE)) {
      boolean npi = IdentifierRules.npi(s.subSequence(i, end));
      detector.report(IdentifierType.LICENSE, npi ? 0.95 : 0.6, i, end);
    } else if ((l == 10 || (l == 11 && s.charAt(i) == '1'))
        && (cue == Cue.PHONE || cue == Cue.FAX)) {
      IdentifierType type = cue == Cue.FAX ? IdentifierType.FAX : IdentifierType.PHONE;
      detector.report(type, 0.85, i, end);
    } else if (l == 10 && cue == Cue.NONE && IdentifierRules.npi(s.subSequence(i, end))) {
      detector.report(IdentifierType.LICENSE, 0.3, i, end);
    } else if (l == 5 && (cue == Cue.ZIP || stateBefore(s, i))) {
      detector.report(IdentifierType.ZIP, cue == Cue.ZIP ? 0.9 : 0.8, i, end);
    } else if (l == 9 && cue == Cue.ZIP || l == 9 && stateBefore(s, i)) {
      detector.report(IdentifierType.ZIP, 0.8, i, end);
    } else if (l <= 3) {
      age(s, i, end, cue);
    } else {
      cued(s, i, end, cue);
    }
  }

  private void pair(Latin1Text s, int i, int end, Cue cue) {
    if (len[0] == 5 && len[1] == 4 && sep[0] == '-' && (cue == Cue.ZIP || stateBefore(s, i))) {
      detector.report(IdentifierType.ZIP, 0.85, i, end);
    } else if (len[0] == 3
        && len[1] == 4
        && sep[0] != '/'
        && (cue == Cue.PHONE || cue == Cue.FAX)) {
      detector.report(cue == Cue.FAX ? IdentifierType.FAX : IdentifierType.PHONE, 0.6, i, end);
    } else {
      cued(s, i, end, cue);
    }
  }

  /** A value that only its cue identifies: "MRN 12345", "Member ID: 4432-9", "Acct#778812". */
  private void cued(Latin1Text s, int i, int end, Cue cue) {
    if ((cue == Cue.PLAN || cue == Cue.LICENSE) && end - i == 4 && yearAt(s, i)) {
      // "Insurance, Aetna 2023", "license renewal 2024": a year; member and license numbers are
      // longer
      return;
    }
    if (cue.identifies() && digits(s, i, end) >= 4) {
      detector.report(cue.type(), 0.85, i, end);
    }
  }

  private void age(Latin1Text s, int i, int end, Cue cue) {
    int v = number(s, i, end);
    int k = end;
    int n = s.length();
    if (k < n && (s.charAt(k) == ' ' || s.charAt(k) == '-')) {
      k++;
    }
    if (!unitStart(k < n ? s.charAt(k) : 0) && cue != Cue.AGE) {
      return;
    }
    boolean years =
        startsWithWord(s, k, "year")
            || startsWithWord(s, k, "yo")
            || startsWithWord(s, k, "y/o")
            || startsWithWord(s, k, "yr");
    boolean old =
        years
            || startsWithWord(s, k, "month")
            || startsWithWord(s, k, "week")
            || startsWithWord(s, k, "day");
    if (v >= 90 && v <= 125 && (years || cue == Cue.AGE)) {
      detector.report(IdentifierType.AGE, 0.85, i, end);
    }
    if (old) {
      int is = isABefore(s, i);
      if (is >= 0) {
        detector.nameBeforeAge(is);
      }
    }
  }

  /** Whether {@code c} may start a unit of age: year, yo, y/o, yr, month, week or day. */
  private static boolean unitStart(char c) {
    char lower = (char) (c | 0x20);
    return lower == 'y' || lower == 'm' || lower == 'w' || lower == 'd';
  }

  /** Finds "is a " or "is an " right before {@code i}; returns where "is" starts or -1. */
  private static int isABefore(Latin1Text s, int i) {
    String before = s.subSequence(Math.max(0, i - 7), i).toString();
    if (before.endsWith("is a ")) {
      return i - 5;
    }
    if (before.endsWith("is an ")) {
      return i - 6;
    }
    return -1;
  }

  private void ipv4(Latin1Text s, int i, int end, Cue cue) {
    for (int g = 0; g < 4; g++) {
      if (len[g] > 3 || value(s, g) > 255) {
        return;
      }
    }
    if (i > 0 && (s.charAt(i - 1) == '.' || s.charAt(i - 1) == 'v' || s.charAt(i - 1) == 'V')) {
      return;
    }
    detector.report(IdentifierType.IP, cue == Cue.IP ? 0.9 : 0.6, i, end);
  }

  private void phone(Latin1Text s, int i, int end, Cue cue) {
    int d = i;
    if (s.charAt(i) == '1' && end - i > 12) {
      d = nextDigit(s, i + 1);
    }
    int exchange = nextDigit(s, d + 3);
    boolean nanp = s.charAt(d) >= '2' && s.charAt(exchange) >= '2';
    IdentifierType type = cue == Cue.FAX ? IdentifierType.FAX : IdentifierType.PHONE;
    double confidence = cue == Cue.PHONE || cue == Cue.FAX ? 0.9 : 0.7;
    if (cue.identifies() && cue != Cue.PHONE && cue != Cue.FAX) {
      detector.report(cue.type(), 0.85, i, end);
    } else if (nanp && cue != Cue.BLOCK) {
      detector.report(type, confidence, i, end);
    }
  }

  private static int nextDigit(Latin1Text s, int k) {
    int j = k;
    while (j < s.length() && !isDigit(s.charAt(j))) {
      j++;
    }
    return Math.min(j, s.length() - 1);
  }

  /**
   * Matches a North American phone number at {@code i}: 3-3-4 digits, optionally after a 1, with
   * separators of at most two characters among space, dash, dot and parentheses.
   */
  private static int phoneEnd(Latin1Text s, int i) {
    int n = s.length();
    int first = i;
    while (first < n && isDigit(s.charAt(first))) {
      first++;
    }
    if ((first - i != 3 && first - i != 1) || first >= n || !phoneSeparator(s.charAt(first))) {
      return -1;
    }
    int[] g = new int[4];
    int ng = 0;
    int k = i;
    while (ng < 4) {
      int st = k;
      while (k < n && isDigit(s.charAt(k))) {
        k++;
      }
      g[ng++] = k - st;
      int sepStart = k;
      while (k < n && k - sepStart < 2 && phoneSeparator(s.charAt(k))) {
        k++;
      }
      if (k == sepStart || k >= n || !isDigit(s.charAt(k)) || ng == 4) {
        k = sepStart;
        break;
      }
    }
    boolean shape =
        (ng == 3 && g[0] == 3 && g[1] == 3 && g[2] == 4)
            || (ng == 4 && g[0] == 1 && s.charAt(i) == '1' && g[1] == 3 && g[2] == 3 && g[3] == 4);
    if (!shape || (k < n && isAlnum(s.charAt(k)))) {
      return -1;
    }
    return k;
  }

  private static boolean phoneSeparator(char c) {
    return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')';
  }

  /** Classifies a token of letters and digits starting at {@code i}; returns its end. */
  int alnumToken(Latin1Text s, int i) {
    if (TextShapes.isUuidAt(s, i)) {
      return i + 36;
    }
    int n = s.length();
    int e = i;
    while (e < n
        && (isAlnum(s.charAt(e))
            || (s.charAt(e) == '-' && e + 1 < n && isAlnum(s.charAt(e + 1))))) {
      e++;
    }
    Cue cue = detector.cueAt(i);
    if (cue == Cue.BLOCK) {
      return e;
    }
    // MBI, DEA and VIN have 11, 9 or 17 characters: other tokens need no string for their checks
    int compactLength = e - i;
    for (int k = i; k < e; k++) {
      compactLength -= s.charAt(k) == '-' ? 1 : 0;
    }
    boolean checkable = compactLength == 9 || compactLength == 11 || compactLength == 17;
    String token = checkable ? s.subSequence(i, e).toString() : "";
    String compact = token.indexOf('-') >= 0 ? token.replace("-", "") : token;
    if (IdentifierRules.mbi(compact)) {
      detector.report(IdentifierType.HEALTH_PLAN, cue == Cue.PLAN ? 0.9 : 0.6, i, e);
    } else if (IdentifierRules.dea(compact)) {
      detector.report(
          IdentifierType.LICENSE, cue == Cue.DEA || cue == Cue.LICENSE ? 0.95 : 0.7, i, e);
    } else if (IdentifierRules.vin(compact)) {
      detector.report(IdentifierType.VEHICLE, cue == Cue.VEHICLE ? 0.9 : 0.7, i, e);
    } else if (cue.identifies() && digits(s, i, e) >= 3) {
      detector.report(cue.type(), 0.85, i, e);
    }
    return e;
  }

  /** Called for a month name at {@code i..e}: "March 5, 2021", "5 March 2021", "March 2021". */
  void monthDate(Latin1Text s, int i, int e) {
    int n = s.length();
    int k = e < n && s.charAt(e) == '.' ? e + 1 : e;
    k = skip(s, k, ' ');
    k = k < n && s.charAt(k) == '-' ? k + 1 : k;
    int day = digitsAt(s, k);
    Cue cue = detector.cueAt(i);
    if (day >= 1 && day <= 2) {
      int after = skipOrdinal(s, k + day);
      after = skip(s, after < n && s.charAt(after) == ',' ? after + 1 : after, ' ');
      int yearEnd = yearAt(s, after) ? after + 4 : k + day;
      detector.report(IdentifierType.DATE, dateConfidence(cue, 0.7), i, yearEnd);
    } else if (yearAt(s, k)) {
      int dayStart = dayBefore(s, i);
      detector.report(
          IdentifierType.DATE,
          dateConfidence(cue, dayStart >= 0 ? 0.7 : 0.6),
          dayStart >= 0 ? dayStart : i,
          k + 4);
    }
  }

  /**
   * Where the day of "5 March 2021" or "5-Mar-2021" starts, for a month name at {@code i}: one or
   * two digits before it, after spaces or a dash; -1 when there is none.
   */
  private static int dayBefore(Latin1Text s, int i) {
    int k = i - 1;
    while (k >= 0 && s.charAt(k) == ' ') {
      k--;
    }
    if (k == i - 1 && k >= 0 && s.charAt(k) == '-') {
      k--;
    }
    int end = k + 1;
    while (k >= 0 && end - k <= 2 && isDigit(s.charAt(k))) {
      k--;
    }
    return end - (k + 1) >= 1 && end - (k + 1) <= 2 ? k + 1 : -1;
  }

  private static boolean yearAt(Latin1Text s, int k) {
    if (digitsAt(s, k) != 4) {
      return false;
    }
    int y = number(s, k, k + 4);
    return y >= 1880 && y <= 2099;
  }

  private static int skipOrdinal(Latin1Text s, int k) {
    if (k + 1 < s.length()) {
      String two = s.subSequence(k, k + 2).toString().toLowerCase(java.util.Locale.ROOT);
      if (two.equals("st") || two.equals("nd") || two.equals("rd") || two.equals("th")) {
        return k + 2;
      }
    }
    return k;
  }

  private static int skip(Latin1Text s, int k, char c) {
    int j = k;
    while (j < s.length() && s.charAt(j) == c) {
      j++;
    }
    return j;
  }

  private static int digitsAt(Latin1Text s, int k) {
    int j = k;
    while (j < s.length() && isDigit(s.charAt(j))) {
      j++;
    }
    return (j < s.length() && isLetter(s.charAt(j)) && j - k > 2) ? 0 : j - k;
  }

  /**
   * Whether "ID", "No", "Number", "Nbr", "Num" or "#" stands right before {@code i}, past spaces, a
   * colon or a period: after a patient cue these name the patient's number.
   */
  private static boolean patientNumberWordBefore(Latin1Text s, int i) {
    int k = i;
    while (k > 0 && " :.".indexOf(s.charAt(k - 1)) >= 0 && i - k < 3) {
      k--;
    }
    if (k > 0 && s.charAt(k - 1) == '#') {
      return true;
    }
    int w = k;
    while (w > 0 && isLetter(s.charAt(w - 1))) {
      w--;
    }
    return k - w >= 2 && k - w <= 6 && NUMBER_WORDS.contains(s, w, k);
  }

  private static final WordSet NUMBER_WORDS = WordSet.of("id", "no", "number", "nbr", "num");

  private boolean stateBefore(Latin1Text s, int i) {
    int k = i - 1;
    int spaces = 0;
    while (k >= 0 && s.charAt(k) == ' ' && spaces < 2) {
      k--;
      spaces++;
    }
    if (spaces == 0 || k < 1) {
      return false;
    }
    boolean upper = Character.isUpperCase(s.charAt(k)) && Character.isUpperCase(s.charAt(k - 1));
    boolean alone = k < 2 || !isLetter(s.charAt(k - 2));
    return upper && alone && STATES.contains(s, k - 1, k + 1);
  }

  private static boolean startsWithWord(Latin1Text s, int k, String word) {
    if (k + word.length() > s.length()) {
      return false;
    }
    for (int j = 0; j < word.length(); j++) {
      if (Character.toLowerCase(s.charAt(k + j)) != word.charAt(j)) {
        return false;
      }
    }
    return true;
  }

  private boolean allSep(char c) {
    for (int g = 0; g < groups - 1; g++) {
      if (sep[g] != c) {
        return false;
      }
    }
    return true;
  }

  private int maxLen() {
    int m = 0;
    for (int g = 0; g < groups; g++) {
      m = Math.max(m, len[g]);
    }
    return m;
  }

  private int value(Latin1Text s, int g) {
    return len[g] > 9 ? Integer.MAX_VALUE : number(s, start[g], start[g] + len[g]);
  }

  private static int digits(Latin1Text s, int from, int to) {
    int d = 0;
    for (int k = from; k < to; k++) {
      d += isDigit(s.charAt(k)) ? 1 : 0;
    }
    return d;
  }

  static int number(Latin1Text s, int from, int to) {
    int v = 0;
    for (int k = from; k < to; k++) {
      v = v * 10 + (s.charAt(k) - '0');
    }
    return v;
  }

  /** Whether the context says the value is a date: a birth or another date cue. */
  private static boolean saysDate(Cue cue) {
    return cue == Cue.DOB || cue == Cue.DATE;
  }

  /** A year as written with {@code digits} digits: two are of this century up to 29, else 19xx. */
  static int fullYear(int y, int digits) {
    return digits != 2 ? y : y < 30 ? 2000 + y : 1900 + y;
  }

  /** Whether {@code a} and {@code b} are a month and a day of {@code year}, in either order. */
  static boolean validEitherOrder(int year, int a, int b) {
    return validDate(year, a, b) || validDate(year, b, a);
  }

  static boolean validDate(int y, int m, int d) {
    return y >= 1880 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
  }

  private static boolean validTime(Latin1Text s, int at, int l) {
    int h = number(s, at, at + 2);
    int min = l >= 4 ? number(s, at + 2, at + 4) : 0;
    int sec = l >= 6 ? number(s, at + 4, at + 6) : 0;
    return h < 24 && min < 60 && sec < 60;
  }
}
