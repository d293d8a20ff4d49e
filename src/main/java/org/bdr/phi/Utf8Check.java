package org.bdr.phi;

/**
 * Checks that bytes pushed in pieces are well-formed UTF-8 (no overlong forms, no surrogates, no
 * sequence cut at the end), with the rules of {@link TextShapes#validUtf8}, so a file that is
 * streamed needs no copy to be checked.
 */
final class Utf8Check {

  private boolean valid = true;

  /** Continuation bytes still expected, the lead byte that announced them, and how many came. */
  private int need;

  private int lead;
  private int seen;

  void update(byte[] b, int off, int len) {
    int i = off;
    int end = off + len;
    while (valid && i < end) {
      if (need == 0) {
        i = TextShapes.skipAscii(b, i, end);
        if (i < end) {
          start(b[i++] & 0xFF);
        }
      } else {
        continuation(b[i++] & 0xFF);
      }
    }
  }

  /** Whether everything pushed so far is UTF-8 and no sequence is left open. */
  boolean valid() {
    return valid && need == 0;
  }

  private void start(int c) {
    int extra =
        c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
    valid = extra > 0;
    need = extra;
    lead = c;
    seen = 0;
  }

  private void continuation(int c) {
    boolean ok = (c & 0xC0) == 0x80;
    if (seen == 0) {
      ok &=
          !((lead == 0xE0 && c < 0xA0)
              || (lead == 0xED && c > 0x9F)
              || (lead == 0xF0 && c < 0x90)
              || (lead == 0xF4 && c > 0x8F));
    }
    valid = ok;
    seen++;
    need--;
  }
}
