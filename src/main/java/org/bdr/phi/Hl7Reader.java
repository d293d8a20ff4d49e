package org.bdr.phi;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads HL7 v2 messages segment by segment (segments end at CR, LF or CR LF) and types each field
 * by its segment and position: PID-5 is a name, PID-7 a birth date, PID-3 a list of identifiers
 * whose type code (MR, SS, AN...) says what each one is. Free-text fields go through the text
 * detector; other fields only at high sensitivity.
 */
final class Hl7Reader {

  /** How a field's value is read. */
  private enum Kind {
    NAME,
    ADDRESS,
    TELECOM,
    DATE,
    ID,
    PROVIDER,
    TEXT
  }

  /** How one field is read, and its path ("PID-5") as findings name it. */
  private record Rule(Kind kind, IdentifierType type, String path) {}

  /** The rules of each segment, indexed by field number; fields without one are null. */
  private static final Map<String, Rule[]> RULES = new HashMap<>();

  static {
    rules(
        Kind.NAME, IdentifierType.NAME, "PID-5 PID-6 PID-9 NK1-2 NK1-30 GT1-3 GT1-4 IN1-16 MRG-7");
    rules(
        Kind.ADDRESS,
        IdentifierType.ADDRESS,
        "PID-11 PID-12 PID-23 NK1-4 NK1-32 GT1-5 GT1-47 IN1-19");
    rules(
        Kind.TELECOM,
        IdentifierType.PHONE,
        "PID-13 PID-14 PID-40 NK1-5 NK1-6 NK1-31 NK1-40 NK1-41 GT1-6 GT1-7 IN2-63");
    rules(
        Kind.DATE,
        IdentifierType.DATE,
        "PID-7 PID-29 NK1-16 GT1-8 IN1-18 EVN-6 PV1-44 PV1-45 OBR-7 OBR-8 OBR-22 OBX-14 ORC-9"
            + " ACC-1 AIS-4 AL1-6 DG1-5 FT1-4 PR1-5 PRB-7 PRB-16 RXA-3 SPM-17 TXA-4");
    rules(Kind.ID, IdentifierType.MRN, "PID-2 PID-3 PID-4 MRG-1 MRG-2 MRG-4");
    rules(Kind.ID, IdentifierType.ACCOUNT, "PID-18 PV1-19 PV1-50 GT1-2 MRG-3 MRG-5");
    rules(Kind.ID, IdentifierType.SSN, "PID-19 GT1-12 IN2-2 NK1-37");
    rules(Kind.ID, IdentifierType.LICENSE, "PID-20");
    rules(Kind.ID, IdentifierType.HEALTH_PLAN, "IN1-36 IN2-6 IN2-8 IN2-61");
    rules(Kind.ID, IdentifierType.OTHER_ID, "PID-21 NK1-33 GT1-19 IN1-49");
    rules(
        Kind.PROVIDER,
        IdentifierType.LICENSE,
        "PV1-7 PV1-8 PV1-9 PV1-17 PD1-4 OBR-16 OBR-28 ORC-10 ORC-11 ORC-12 FT1-20 FT1-21 RXA-10");
    rules(Kind.TEXT, null, "OBX-5 NTE-3 TXA-12 DG1-4 PR1-4");
  }

  /** {@link #RULES} keyed by the three characters of the segment id packed in an int. */
  private static final Map<Integer, Rule[]> RULES_BY_CODE = new HashMap<>();

  private static final int MSH = code("MSH");
  private static final int FHS = code("FHS");
  private static final int BHS = code("BHS");

  static {
    RULES.forEach((segment, rules) -> RULES_BY_CODE.put(code(segment), rules));
  }

  private final TextDetector detector;
  private final FindingSink sink;
  private char fieldSep = '|';
  private char componentSep = '^';
  private char repeatSep = '~';
  private char subSep = '&';

  Hl7Reader(TextDetector detector, FindingSink sink) {
    this.detector = detector;
    this.sink = sink;
  }

  private static void rules(Kind kind, IdentifierType type, String fields) {
    for (String f : fields.split(" ")) {
      String segment = f.substring(0, f.indexOf('-'));
      int number = Integer.parseInt(f.substring(f.indexOf('-') + 1));
      Rule[] rules = RULES.getOrDefault(segment, new Rule[0]);
      if (rules.length <= number) {
        rules = java.util.Arrays.copyOf(rules, number + 1);
      }
      rules[number] = new Rule(kind, type, f);
      RULES.put(segment, rules);
    }
  }

  void read(Latin1Text text) {
    text.forEachLine(this::segment);
  }

  /**
   * Reads one segment in place: only the fields that have a rule (every field at high sensitivity)
   * become strings.
   */
  private void segment(CharSequence seg, long line) {
    int n = seg.length();
    int from =
        n >= 3 && seg.charAt(0) == 0xEF && seg.charAt(1) == 0xBB && seg.charAt(2) == 0xBF ? 3 : 0;
    if (n - from < 4) {
      return;
    }
    int code = seg.charAt(from) << 16 | seg.charAt(from + 1) << 8 | seg.charAt(from + 2);
    if (code == MSH || code == FHS || code == BHS) {
      delimiters(seg.subSequence(from, n).toString());
      return;
    }
    Rule[] rules = RULES_BY_CODE.get(code);
    boolean every = sink.sensitivity() == Sensitivity.HIGH;
    if (rules == null && !every) {
      return;
    }
    String id = every ? seg.subSequence(from, from + 3).toString() : null;
    int number = 0;
    int start = from;
    for (int i = TextShapes.indexOf(seg, fieldSep, from, n); i <= n; ) {
      Rule rule = rules != null && number < rules.length ? rules[number] : null;
      if (number >= 1 && (rule != null || every) && i > start && !quotesOnly(seg, start, i)) {
        field(rule, rule != null ? rule.path() : id + "-" + number, seg, start, i, line);
      }
      number++;
      start = i + 1;
      i = start > n ? start : TextShapes.indexOf(seg, fieldSep, start, n);
    }
  }

  private static int code(String segmentId) {
    return segmentId.charAt(0) << 16 | segmentId.charAt(1) << 8 | segmentId.charAt(2);
  }

  /** Whether the field is {@code ""}, HL7's explicit null. */
  private static boolean quotesOnly(CharSequence seg, int from, int to) {
    return to - from == 2 && seg.charAt(from) == '"' && seg.charAt(from + 1) == '"';
  }

  private void delimiters(String msh) {
    fieldSep = msh.charAt(3);
    if (msh.length() >= 8) {
      componentSep = msh.charAt(4);
      repeatSep = msh.charAt(5);
      subSep = msh.charAt(7);
    }
  }

  private void field(Rule rule, String path, CharSequence seg, int from, int to, long line) {
    String value = seg.subSequence(from, to).toString();
    if (rule == null) {
      if (sink.sensitivity() == Sensitivity.HIGH) {
        detector.scanValue(value, line, path, Cue.NONE, sink);
      }
      return;
    }
    for (String rep : split(value, repeatSep)) {
      if (!rep.isEmpty()) {
        repetition(rule, rep, path, line);
      }
    }
  }

  private void repetition(Rule rule, String rep, String path, long line) {
    String[] comps = split(rep, componentSep);
    switch (rule.kind()) {
      case NAME -> name(comps, path, line);
      case ADDRESS -> address(comps, path, line);
      case TELECOM -> telecom(rep, comps, path, line);
      case DATE -> date(comps[0], path, line);
      case ID -> id(rule.type(), comps, path, line);
      case PROVIDER -> provider(comps, path, line);
      case TEXT -> detector.scanValue(rep, line, path, Cue.NONE, sink);
    }
  }

  private void name(String[] comps, String path, long line) {
    boolean any = false;
    for (int i = 0; i < Math.min(3, comps.length); i++) {
      String part = split(comps[i], subSep)[0];
      if (TextShapes.hasLetter(part)) {
        any = true;
        sink.remember(IdentifierType.NAME, part);
      }
    }
    if (any) {
      sink.add(line, path, IdentifierType.NAME, 0.9, null);
    }
  }

  private void address(String[] comps, String path, long line) {
    String street = split(comps[0], subSep)[0];
    if (TextShapes.hasLetter(String.join(" ", comps)) || TextShapes.hasDigit(comps[0])) {
      sink.addKnown(line, path, IdentifierType.ADDRESS, 0.9, street);
    }
  }

  private void telecom(String rep, String[] comps, String path, long line) {
    if (rep.indexOf('@') >= 0) {
      sink.add(line, path, IdentifierType.EMAIL, 0.95, null);
      return;
    }
    String use = comps.length > 2 ? comps[1] + " " + comps[2] : comps.length > 1 ? comps[1] : "";
    IdentifierType type = use.contains("FX") ? IdentifierType.FAX : IdentifierType.PHONE;
    int digits = 0;
    for (int i = 0; i < rep.length(); i++) {
      digits += TextShapes.isDigit(rep.charAt(i)) ? 1 : 0;
    }
    if (digits >= 4) {
      sink.addKnown(line, path, type, 0.9, comps[0]);
    }
  }

  private void date(String value, String path, long line) {
    if (value.length() >= 4 && TextShapes.isDigit(value.charAt(0))) {
      detector.scanValue(value, line, path, Cue.DOB, sink);
    }
  }

  private void id(IdentifierType fieldType, String[] comps, String path, long line) {
    String value = split(comps[0], subSep)[0];
    if (!TextShapes.hasDigit(value) && !TextShapes.hasLetter(value)) {
      return;
    }
    IdentifierType type = comps.length > 4 ? byTypeCode(comps[4], fieldType) : fieldType;
    sink.addKnown(line, path, type, 0.9, value);
  }

  /** The type an HL7 identifier type code (table 0203) gives, or the field's own. */
  static IdentifierType byTypeCode(String code, IdentifierType fieldType) {
    return switch (code.trim()) {
      case "SS" -> IdentifierType.SSN;
      case "MR", "MRN", "PI", "PT" -> IdentifierType.MRN;
      case "AN", "VN", "AM", "ANON" ->
          fieldType == IdentifierType.MRN ? IdentifierType.MRN : IdentifierType.ACCOUNT;
      case "DL" -> IdentifierType.LICENSE;
      case "MB", "MI", "MA", "MC", "MCD", "MCR", "SN" -> IdentifierType.HEALTH_PLAN;
      case "NPI" -> IdentifierType.LICENSE;
      default -> fieldType;
    };
  }

  private void provider(String[] comps, String path, long line) {
    String id = comps[0];
    boolean npiNamed =
        comps.length > 12 && comps[12].contains("NPI")
            || comps.length > 8 && comps[8].contains("NPI");
    if (IdentifierRules.npi(id) || (npiNamed && TextShapes.hasDigit(id))) {
      sink.addKnown(line, path, IdentifierType.LICENSE, 0.9, id);
    }
  }

  private static String[] split(String s, char sep) {
    return TextShapes.split(s, sep);
  }
}
