package org.bdr.phi;

import java.util.Set;

/**
 * Reads X12 EDI transactions (837 claims, 835 remittances, 270/271 eligibility, 834 enrolment).
 * Delimiters come from the ISA segment. An NM1 segment names an entity: for a patient, subscriber
 * or dependent its name, identifier, and the N3/N4 address and PER phone that follow are PHI; for a
 * provider only an NPI is. DMG birth dates, DTP/DTM dates, claim control numbers and member-number
 * REF segments are typed by their qualifiers. The ISA and GS envelopes are skipped.
 */
final class X12Reader {

  private static final Set<String> PERSONS = Set.of("IL", "QC", "03", "70", "74", "QD", "IN");
  private static final Set<String> PLAN_REFS =
      Set.of("0F", "1W", "F6", "NW", "IG", "1L", "3H", "6P", "HJ", "N6");
  private static final Set<String> PHONE_QUALIFIERS = Set.of("TE", "HP", "WP", "CP", "EX");

  private final TextDetector detector;
  private final FindingSink sink;
  private char elementSep = '*';
  private char segmentEnd = '~';
  private boolean person;

  X12Reader(TextDetector detector, FindingSink sink) {
    this.detector = detector;
    this.sink = sink;
  }

  void read(CharSequence text) {
    String all = text.toString();
    int isa = all.indexOf("ISA");
    if (isa >= 0 && isa + 105 < all.length()) {
      elementSep = all.charAt(isa + 3);
      segmentEnd = all.charAt(isa + 105);
    }
    LineIndex lines = LineIndex.of(all);
    int start = 0;
    while (start < all.length()) {
      int end = all.indexOf(segmentEnd, start);
      if (end < 0) {
        end = all.length();
      }
      int s = start;
      while (s < end && Character.isWhitespace(all.charAt(s))) {
        s++;
      }
      if (s < end) {
        segment(all.substring(s, end), lines.lineOf(s));
      }
      start = end + 1;
    }
  }

  private void segment(String seg, long line) {
    String[] e = TextShapes.split(seg, elementSep);
    String id = e[0].trim();
    switch (id) {
      case "NM1" -> nm1(e, line);
      case "N3" -> address(e, line, "N3");
      case "N4" -> address(e, line, "N4");
      case "PER" -> per(e, line);
      case "DMG" -> date(e, 2, line, "DMG02");
      case "DTP" -> date(e, 3, line, "DTP03");
      case "DTM" -> date(e, 2, line, "DTM02");
      case "CLM" -> id(e, 1, IdentifierType.ACCOUNT, line, "CLM01");
      case "CLP" -> id(e, 1, IdentifierType.ACCOUNT, line, "CLP01");
      case "REF" -> ref(e, line);
      case "HL" -> person = false;
      case "ISA", "GS", "GE", "IEA", "ST", "SE", "BHT" -> {}
      default -> other(seg, id, line);
    }
  }

  private void nm1(String[] e, long line) {
    String entity = at(e, 1);
    person = PERSONS.contains(entity);
    String qualifier = at(e, 8);
    String id = at(e, 9);
    if (person) {
      if (TextShapes.hasLetter(at(e, 3))) {
        sink.remember(IdentifierType.NAME, at(e, 3));
        sink.remember(IdentifierType.NAME, at(e, 4));
        sink.add(line, "NM1*" + entity, IdentifierType.NAME, 0.9, null);
      }
      if (!id.isEmpty()) {
        sink.addKnown(line, "NM109", personIdType(qualifier), 0.9, id);
      }
    } else if (qualifier.equals("XX") && !id.isEmpty()) {
      sink.addKnown(
          line, "NM109", IdentifierType.LICENSE, IdentifierRules.npi(id) ? 0.95 : 0.85, id);
    }
  }

  private static IdentifierType personIdType(String qualifier) {
    return switch (qualifier) {
      case "34" -> IdentifierType.SSN;
      case "MI", "MR", "II", "N" ->
          qualifier.equals("MR") ? IdentifierType.MRN : IdentifierType.HEALTH_PLAN;
      case "XX" -> IdentifierType.LICENSE;
      default -> IdentifierType.OTHER_ID;
    };
  }

  private void address(String[] e, long line, String field) {
    if (person && e.length > 1 && !at(e, 1).isEmpty()) {
      sink.addKnown(line, field, IdentifierType.ADDRESS, 0.9, field.equals("N3") ? at(e, 1) : null);
    }
  }

  private void per(String[] e, long line) {
    if (!person) {
      return;
    }
    for (int i = 3; i + 1 < e.length; i += 2) {
      if (PHONE_QUALIFIERS.contains(at(e, i))) {
        sink.addKnown(line, "PER", IdentifierType.PHONE, 0.9, at(e, i + 1));
      } else if (at(e, i).equals("FX")) {
        sink.addKnown(line, "PER", IdentifierType.FAX, 0.9, at(e, i + 1));
      } else if (at(e, i).equals("EM")) {
        sink.addKnown(line, "PER", IdentifierType.EMAIL, 0.9, at(e, i + 1));
      }
    }
  }

  private void date(String[] e, int index, long line, String field) {
    String v = at(e, index);
    if (!v.isEmpty()) {
      detector.scanValue(v.replace('-', ' '), line, field, Cue.DATE, sink);
    }
  }

  private void id(String[] e, int index, IdentifierType type, long line, String field) {
    String v = at(e, index);
    if (!v.isEmpty()) {
      sink.addKnown(line, field, type, 0.9, v);
    }
  }

  private void ref(String[] e, long line) {
    String q = at(e, 1);
    String v = at(e, 2);
    if (v.isEmpty()) {
      return;
    }
    if (q.equals("SY")) {
      sink.addKnown(line, "REF*SY", IdentifierType.SSN, 0.9, v);
    } else if (q.equals("EJ")) {
      sink.addKnown(line, "REF*EJ", IdentifierType.ACCOUNT, 0.9, v);
    } else if (PLAN_REFS.contains(q) && person) {
      sink.addKnown(line, "REF*" + q, IdentifierType.HEALTH_PLAN, 0.9, v);
    } else if (PLAN_REFS.contains(q)) {
      sink.addKnown(line, "REF*" + q, IdentifierType.HEALTH_PLAN, 0.85, v);
    }
  }

  private void other(String seg, String id, long line) {
    if (sink.sensitivity() == Sensitivity.HIGH) {
      detector.scan(seg, line, id, Cue.NONE, sink);
    }
  }

  private static String at(String[] e, int i) {
    return i < e.length ? e[i].trim() : "";
  }
}
