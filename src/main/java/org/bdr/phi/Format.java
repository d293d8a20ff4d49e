package org.bdr.phi;

import java.util.Locale;

/** The file formats the scanner reads, told apart by name and leading bytes. */
enum Format {
  TEXT,
  CSV,
  TSV,
  JSON,
  XML,
  HL7,
  X12,
  DICOM,
  PDF,
  DOCX,
  XLSX,
  BINARY;

  private static final int DICOM_MAGIC_AT = 128;

  /** Whether the format is read through its structure from a buffered copy of the file. */
  boolean structured() {
    return this != TEXT && this != BINARY;
  }

  /** Whether the file is text (as opposed to DICOM, PDF, office or other binary files). */
  boolean textual() {
    return this != DICOM && this != PDF && this != DOCX && this != XLSX && this != BINARY;
  }

  /** Whether the format can be scanned line by line when the file is too large to buffer. */
  boolean streamable() {
    return this == TEXT
        || this == CSV
        || this == TSV
        || this == HL7
        || this == X12
        || this == JSON
        || this == XML;
  }

  /** Detects the format from the file name and the first {@code len} bytes of {@code head}. */
  static Format detect(String name, byte[] head, int len) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (len >= DICOM_MAGIC_AT + 4 && ascii(head, len, DICOM_MAGIC_AT, "DICM")) {
      return DICOM;
    }
    if (ascii(head, len, 0, "%PDF")) {
      return PDF;
    }
    if (len >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      return lower.endsWith(".docx") ? DOCX : lower.endsWith(".xlsx") ? XLSX : BINARY;
    }
    if ((lower.endsWith(".dcm") || lower.endsWith(".dicom"))
        && len >= 8
        && head[1] == 0
        && (head[0] == 8 || head[0] == 2)
        && !looksLikeText(head, len)) {
      return DICOM;
    }
    if (!looksLikeText(head, len)) {
      return BINARY;
    }
    return textFormat(lower, head, len);
  }

  private static Format textFormat(String lower, byte[] head, int len) {
    int i = 0;
    if (len >= 3
        && (head[0] & 0xFF) == 0xEF
        && (head[1] & 0xFF) == 0xBB
        && (head[2] & 0xFF) == 0xBF) {
      i = 3;
    }
    while (i < len && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) {
      i++;
    }
    if (ascii(head, len, i, "MSH|") || ascii(head, len, i, "FHS|") || ascii(head, len, i, "BHS|")) {
      return HL7;
    }
    if (ascii(head, len, i, "ISA") && i + 3 < len && !Character.isLetterOrDigit(head[i + 3])) {
      return X12;
    }
    if (i < len && (head[i] == '{' || head[i] == '[')) {
      return JSON;
    }
    if (i < len && head[i] == '<') {
      return XML;
    }
    if (lower.endsWith(".csv")) {
      return CSV;
    }
    if (lower.endsWith(".tsv") || lower.endsWith(".tab")) {
      return TSV;
    }
    return TEXT;
  }

  /** No NUL bytes and few control characters in the first bytes. */
  static boolean looksLikeText(byte[] head, int len) {
    int control = 0;
    for (int i = 0; i < len; i++) {
      int b = head[i] & 0xFF;
      if (b == 0) {
        return false;
      }
      if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1B) {
        control++;
      }
    }
    return control * 20 <= len;
  }

  /** Whether {@code s} is at {@code at} within the first {@code len} bytes of {@code b}. */
  private static boolean ascii(byte[] b, int len, int at, String s) {
    if (at + s.length() > len) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      if (b[at + k] != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
