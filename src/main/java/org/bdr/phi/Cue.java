package org.bdr.phi;

import java.util.HashMap;
import java.util.Map;

/**
 * A context word that announces what the next value is: "SSN", "DOB", "MRN", "Phone", a field name
 * or a CSV column header.
 */
enum Cue {
  NONE,
  SSN("ssn", "ss", "ssa", "social", "socsec"),
  MRN("mrn", "mr", "chart", "record", "patid", "patientid", "medrec"),
  DOB("dob", "birth", "born", "birthdate", "bday", "birthday", "birthtime"),
  DATE(
      "date",
      "dated",
      "admitted",
      "admission",
      "admit",
      "discharged",
      "discharge",
      "died",
      "death",
      "deceased",
      "expired",
      "dos",
      "visit",
      "seen",
      "onset",
      "deathdate",
      "start",
      "stop",
      "end",
      "created",
      "issued",
      "recorded",
      "authored",
      "occurrence",
      "performed",
      "abatement",
      "effective",
      "period",
      "started",
      "service",
      "billed",
      "illness"),
  PHONE("phone", "tel", "telephone", "ph", "cell", "mobile", "cellphone", "contact", "call"),
  FAX("fax", "fx", "facsimile"),
  EMAIL("email", "mail", "mailto"),
  ACCOUNT("acct", "account", "acc", "accountnumber"),
  PLAN(
      "member",
      "subscriber",
      "policy",
      "medicaid",
      "medicare",
      "mbi",
      "insurance",
      "beneficiary",
      "hicn",
      "memberid",
      "insured"),
  LICENSE("license", "licence", "dl", "lic", "certificate", "cert", "drivers", "passport"),
  NPI("npi"),
  DEA("dea"),
  VEHICLE("vin", "plate", "vehicle"),
  DEVICE("serial", "device", "udi", "sn", "imei", "lot"),
  IP("ip", "ipv4", "ipv6", "host"),
  URL("url", "website", "homepage", "web", "site"),
  AGE("age", "aged"),
  NAME("patient", "name", "pt", "guardian", "mother", "father", "spouse", "guarantor"),
  ZIP("zip", "postal", "zipcode", "postcode", "postalcode"),
  /** Words after which a number is not about a person (version strings, order numbers). */
  BLOCK("version", "ver", "v", "build", "release", "order", "invoice", "ref", "sku", "code");

  private static final Cue[] ALL = values();
  private static final WordSet WORDS = allWords();

  private final String[] words;

  Cue(String... words) {
    this.words = words;
  }

  String[] words() {
    return words.clone();
  }

  /** Whether a value after this cue is an identifier of the cue's type whatever its shape. */
  boolean identifies() {
    return type() != null;
  }

  /** The identifier type a cued value has; null for cues that only qualify a shape. */
  IdentifierType type() {
    return switch (this) {
      case MRN -> IdentifierType.MRN;
      case ACCOUNT -> IdentifierType.ACCOUNT;
      case PLAN -> IdentifierType.HEALTH_PLAN;
      case LICENSE, NPI, DEA -> IdentifierType.LICENSE;
      case DEVICE -> IdentifierType.DEVICE;
      case VEHICLE -> IdentifierType.VEHICLE;
      default -> null;
    };
  }

  /** The cue that the word {@code from..to} of {@code s} announces, or NONE. */
  static Cue of(CharSequence s, int from, int to) {
    if (to - from > 14) {
      return NONE;
    }
    int v = WORDS.valueOf(s, from, to);
    return v < 0 ? NONE : ALL[v];
  }

  private static WordSet allWords() {
    Map<String, Integer> map = new HashMap<>();
    for (Cue c : values()) {
      for (String w : c.words) {
        map.putIfAbsent(w, c.ordinal());
      }
    }
    return WordSet.withValues(map);
  }

  /**
   * The cue a field or column name announces: the name is split into words and the last word that
   * is a cue wins, so {@code PATIENT_SSN} gives SSN and {@code BIRTHDATE} gives DOB.
   */
  static Cue ofFieldName(String name) {
    if (name == null || name.isEmpty()) {
      return NONE;
    }
    StringBuilder letters = new StringBuilder(name.length());
    Cue last = NONE;
    int wordStart = 0;
    char prev = 0;
    for (int i = 0; i <= name.length(); i++) {
      char c = i < name.length() ? name.charAt(i) : ' ';
      char lower = Character.toLowerCase(c);
      boolean letter = lower >= 'a' && lower <= 'z';
      boolean camel = prev >= 'a' && prev <= 'z' && c >= 'A' && c <= 'Z';
      if (!letter || camel) {
        Cue c2 = of(letters, wordStart, letters.length());
        last = c2 != NONE ? c2 : last;
        wordStart = letters.length();
      }
      if (letter) {
        letters.append(lower);
      }
      prev = c;
    }
    Cue whole = of(letters, 0, letters.length());
    if (whole != NONE) {
      return whole;
    }
    boolean date =
        endsWith(letters, "date")
            || endsWith(letters, "datetime")
            || letters.lastIndexOf("date", 0) == 0;
    return date ? DATE : last;
  }

  private static boolean endsWith(StringBuilder s, String suffix) {
    int from = s.length() - suffix.length();
    return from >= 0 && s.indexOf(suffix, from) == from;
  }
}
