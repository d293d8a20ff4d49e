package org.bdr.phi;

import static org.bdr.phi.TextShapes.isDigit;
import static org.bdr.phi.TextShapes.isHex;

/** Recognises IPv6 addresses around a colon, telling them from clock times and code pairs. */
final class Ipv6 {

  private Ipv6() {}

  /** Checks the token around the colon at {@code at}; returns where scanning continues. */
  static int check(TextDetector detector, Latin1Text s, int at) {
    int l = at;
    while (l > 0 && (isHex(s.charAt(l - 1)) || s.charAt(l - 1) == ':')) {
      l--;
    }
    int r = at;
    while (r < s.length() && (isHex(s.charAt(r)) || s.charAt(r) == ':')) {
      r++;
    }
    boolean glued =
        l > 0 && TextShapes.isAlnum(s.charAt(l - 1))
            || r < s.length() && TextShapes.isAlnum(s.charAt(r));
    if (glued || !valid(s.subSequence(l, r).toString())) {
      return at + 1;
    }
    detector.report(IdentifierType.IP, detector.cueAt(l) == Cue.IP ? 0.9 : 0.6, l, r);
    return r;
  }

  static boolean valid(String t) {
    int doubleColon = t.indexOf("::");
    if (doubleColon != t.lastIndexOf("::") || t.contains(":::")) {
      return false;
    }
    String[] parts = t.split(":", -1);
    int groups = 0;
    boolean strong = doubleColon >= 0;
    for (String p : parts) {
      if (p.isEmpty()) {
        continue;
      }
      if (p.length() > 4) {
        return false;
      }
      groups++;
      strong |= p.length() >= 3 || !allDigits(p);
    }
    boolean count = doubleColon >= 0 ? groups >= 2 && groups < 8 : groups == 8;
    return count && strong && groups + (doubleColon >= 0 ? 1 : 0) >= 3;
  }

  private static boolean allDigits(String p) {
    for (int i = 0; i < p.length(); i++) {
      if (!isDigit(p.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
