package org.bdr.phi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads CSV and TSV files by their header: a column named FIRST, LAST or OWNER_NAME holds names,
 * SSN social security numbers, ZIP postal codes, and so on. Other columns are scanned as text with
 * the header as context, so a date in a START column or a number under MEMBERID is typed.
 */
final class CsvReader {

  private static final Set<String> PERSON_MARKERS =
      Set.of(
          "first",
          "firstname",
          "last",
          "lastname",
          "birthdate",
          "dob",
          "ssn",
          "gender",
          "sex",
          "ownername",
          "patientname",
          "given",
          "family",
          "surname",
          "dateofbirth");

  private final TextDetector detector;
  private final FindingSink sink;
  private final char sep;
  private String[] headers = new String[0];
  private ColumnRule[] rules = new ColumnRule[0];
  private boolean personTable;

  /** What a column holds, from its header. */
  private record ColumnRule(IdentifierType type, Cue cue) {}

  CsvReader(TextDetector detector, FindingSink sink, char sep) {
    this.detector = detector;
    this.sink = sink;
    this.sep = sep;
  }

  void read(Latin1Text text) {
    text.forEachLine(this::row);
  }

  /** Reads one row; a row without quotes is read in place, without copying its cells. */
  private void row(CharSequence line, long lineNo) {
    if (headers.length == 0) {
      header(split(line.toString()));
      return;
    }
    if (hasQuote(line)) {
      List<String> cells = split(line.toString());
      for (int c = 0; c < cells.size(); c++) {
        String v = cells.get(c).strip();
        if (!v.isEmpty()) {
          cell(c, v, lineNo);
        }
      }
      return;
    }
    int n = line.length();
    int c = 0;
    int start = 0;
    for (int i = TextShapes.indexOf(line, sep, 0, n); i <= n; ) {
      int a = start;
      int b = i;
      while (a < b && TextShapes.isWhitespace(line.charAt(a))) {
        a++;
      }
      while (b > a && TextShapes.isWhitespace(line.charAt(b - 1))) {
        b--;
      }
      if (a < b) {
        cell(c, line.subSequence(a, b), lineNo);
      }
      c++;
      start = i + 1;
      i = start > n ? start : TextShapes.indexOf(line, sep, start, n);
    }
  }

  private static boolean hasQuote(CharSequence line) {
    return TextShapes.indexOf(line, '"', 0, line.length()) < line.length();
  }

  private void cell(int c, CharSequence v, long lineNo) {
    cell(c < rules.length ? rules[c] : null, c < headers.length ? headers[c] : null, v, lineNo);
  }

  private void header(List<String> cells) {
    headers = cells.stream().map(String::strip).toArray(String[]::new);
    personTable = false;
    for (String h : headers) {
      personTable |= PERSON_MARKERS.contains(normal(h));
    }
    rules = new ColumnRule[headers.length];
    for (int c = 0; c < headers.length; c++) {
      rules[c] =
          new ColumnRule(typeOf(normal(headers[c]), personTable), Cue.ofFieldName(headers[c]));
    }
  }

  private void cell(ColumnRule rule, String header, CharSequence v, long line) {
    if (rule == null || rule.type() == null) {
      detector.scanValue(v, line, header, rule == null ? Cue.NONE : rule.cue(), sink);
      return;
    }
    IdentifierType type = rule.type();
    boolean ok =
        switch (type) {
          case NAME -> TextShapes.hasLetter(v);
          case ADDRESS -> true;
          case DATE -> TextShapes.hasDigit(v);
          default -> TextShapes.hasDigit(v) || TextShapes.hasLetter(v);
        };
    if (!ok) {
      return;
    }
    if (type == IdentifierType.MRN && !personTable && TextShapes.looksLikeUuid(v)) {
      return;
    }
    if (type == IdentifierType.DATE) {
      detector.scanValue(v, line, header, Cue.DOB, sink);
    } else {
      sink.addKnown(line, header, type, 0.9, v.toString());
    }
  }

  /** The type a column holds by its normalised header, or null when the header does not say. */
  static IdentifierType typeOf(String h, boolean personTable) {
    return switch (h) {
      case "first",
          "firstname",
          "given",
          "givenname",
          "last",
          "lastname",
          "family",
          "familyname",
          "surname",
          "middle",
          "middlename",
          "maiden",
          "maidenname",
          "fullname",
          "patientname",
          "ownername",
          "subscribername",
          "guarantorname",
          "insuredname",
          "mothersmaidenname" ->
          IdentifierType.NAME;
      case "name" -> personTable ? IdentifierType.NAME : null;
      case "address",
          "street",
          "address1",
          "address2",
          "addressline",
          "streetaddress",
          "city",
          "county",
          "birthplace" ->
          personTable ? IdentifierType.ADDRESS : null;
      case "fips", "lat", "lon", "latitude", "longitude", "geolocation" ->
          personTable ? IdentifierType.ADDRESS : null;
      case "zip", "zipcode", "postalcode", "postcode" -> personTable ? IdentifierType.ZIP : null;
      case "ssn", "socialsecuritynumber", "socialsecurity" -> IdentifierType.SSN;
      case "drivers",
          "driverslicense",
          "driverslicence",
          "license",
          "licence",
          "dl",
          "npi",
          "dea" ->
          IdentifierType.LICENSE;
      case "passport", "passportnumber" -> IdentifierType.OTHER_ID;
      case "phone", "telephone", "homephone", "cellphone", "mobile", "workphone" ->
          personTable ? IdentifierType.PHONE : null;
      case "fax" -> personTable ? IdentifierType.FAX : null;
      case "email", "emailaddress" -> IdentifierType.EMAIL;
      case "mrn", "medicalrecordnumber", "patientid" -> IdentifierType.MRN;
      case "id" -> personTable ? IdentifierType.MRN : null;
      case "memberid",
          "subscriberid",
          "policynumber",
          "policyid",
          "mbi",
          "medicaidid",
          "medicareid",
          "insuranceid" ->
          IdentifierType.HEALTH_PLAN;
      case "account", "accountnumber", "acct", "accountid" -> IdentifierType.ACCOUNT;
      case "udi", "serial", "serialnumber", "deviceid", "deviceserial" -> IdentifierType.DEVICE;
      case "vin", "plate", "licenseplate" -> IdentifierType.VEHICLE;
      case "birthdate", "dob", "dateofbirth", "deathdate", "dateofdeath" -> IdentifierType.DATE;
      default -> h.endsWith("uid") ? IdentifierType.OTHER_ID : null;
    };
  }

  /** The header in lower case with everything but ASCII letters and digits left out. */
  static String normal(String header) {
    String lower = header.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length());
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == sep && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
