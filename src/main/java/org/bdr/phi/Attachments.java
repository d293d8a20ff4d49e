package org.bdr.phi;

import java.util.Base64;

/**
 * Decodes base64 attachments found inside FHIR and C-CDA documents (clinical notes, embedded PDFs)
 * and scans their content; findings report the line of the attachment.
 */
final class Attachments {

  /** Larger attachments are not decoded, to bound memory. */
  static final int MAX_ENCODED = 16 << 20;

  private Attachments() {}

  static void scan(
      String base64, long line, String field, TextDetector detector, FindingSink sink) {
    if (base64.length() > MAX_ENCODED || !looksLikeBase64(base64)) {
      return;
    }
    byte[] bytes;
    try {
      bytes = Base64.getMimeDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      return;
    }
    if (bytes.length >= 4
        && bytes[0] == '%'
        && bytes[1] == 'P'
        && bytes[2] == 'D'
        && bytes[3] == 'F') {
      DocumentText.scanAt(Format.PDF, bytes, bytes.length, line, field, detector, sink);
    } else if (Format.looksLikeText(bytes, Math.min(bytes.length, 4096))) {
      detector.scan(oneLine(bytes), line, field, Cue.NONE, sink);
    }
  }

  /**
   * The decoded text with line breaks read as spaces, so it is scanned as one line. ASCII text is
   * read in place as bytes; other text is decoded as UTF-8 first.
   */
  private static CharSequence oneLine(byte[] bytes) {
    if (TextShapes.skipAscii(bytes, 0, bytes.length) < bytes.length) {
      String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
      return text.replace('\n', ' ').replace('\r', ' ');
    }
    for (int i = TextShapes.lineBreak(bytes, 0, bytes.length);
        i < bytes.length;
        i = TextShapes.lineBreak(bytes, i + 1, bytes.length)) {
      bytes[i] = ' ';
    }
    return new Latin1Text(bytes, 0, bytes.length);
  }

  private static boolean looksLikeBase64(String s) {
    int n = Math.min(s.length(), 256);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      boolean ok =
          TextShapes.isAlnum(c)
              || c == '+'
              || c == '/'
              || c == '='
              || c == '\n'
              || c == '\r'
              || c == ' ';
      if (!ok || c > 127) {
        return false;
      }
    }
    return true;
  }
}
