package org.bdr.phi;

/**
 * Validation rules of identifiers that carry structure or a check digit: SSN, Luhn, NPI, DEA,
 * Medicare MBI and vehicle identification numbers. Each method takes the characters of a candidate
 * and says whether they can be that identifier.
 */
final class IdentifierRules {

  private static final String MBI_LETTERS = "ACDEFGHJKMNPQRTUVWXY";
  private static final String DEA_FIRST = "ABCDEFGHJKLMPRSTUX";
  private static final String VIN_VALUES = "0123456789.ABCDEFGH..JKLMN.P.R..STUVWXYZ";
  private static final int[] VIN_WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

  private IdentifierRules() {}

  /**
   * Whether nine digits obey the SSA rules: area not 000 or 666, group not 00, serial not 0000. The
   * area range 900-999 is never issued; {@code allowTestArea} admits it for synthetic records.
   */
  static boolean ssn(CharSequence nineDigits, boolean allowTestArea) {
    if (nineDigits.length() != 9 || !allDigits(nineDigits)) {
      return false;
    }
    int area = number(nineDigits, 0, 3);
    int group = number(nineDigits, 3, 5);
    int serial = number(nineDigits, 5, 9);
    if (area == 0 || area == 666 || group == 0 || serial == 0) {
      return false;
    }
    return allowTestArea || area < 900;
  }

  /** Whether the SSN area is in the never-issued 900-999 range used by test data. */
  static boolean ssnTestArea(CharSequence nineDigits) {
    return nineDigits.length() == 9 && nineDigits.charAt(0) == '9';
  }

  /** Whether a string of digits passes the Luhn (mod 10) check. */
  static boolean luhn(CharSequence digits) {
    if (digits.length() < 2 || !allDigits(digits)) {
      return false;
    }
    return luhnSum(digits, 0) % 10 == 0;
  }

  /** Whether ten digits are an NPI: Luhn over the digits prefixed with 80840. */
  static boolean npi(CharSequence tenDigits) {
    if (tenDigits.length() != 10 || !allDigits(tenDigits)) {
      return false;
    }
    char first = tenDigits.charAt(0);
    if (first != '1' && first != '2') {
      return false;
    }
    return luhnSum(tenDigits, 24) % 10 == 0;
  }

  /**
   * Whether nine characters are a DEA number: a registrant letter, a letter (the registrant's
   * initial or 9), seven digits whose last is the check digit.
   */
  static boolean dea(CharSequence s) {
    if (s.length() != 9 || DEA_FIRST.indexOf(Character.toUpperCase(s.charAt(0))) < 0) {
      return false;
    }
    char second = Character.toUpperCase(s.charAt(1));
    if (!(second >= 'A' && second <= 'Z') && second != '9') {
      return false;
    }
    CharSequence d = s.subSequence(2, 9);
    if (!allDigits(d)) {
      return false;
    }
    int odd = digit(d, 0) + digit(d, 2) + digit(d, 4);
    int even = digit(d, 1) + digit(d, 3) + digit(d, 5);
    return (odd + 2 * even) % 10 == digit(d, 6);
  }

  /**
   * Whether eleven characters have the Medicare Beneficiary Identifier format: digit 1-9, letter,
   * letter or digit, digit, letter, letter or digit, digit, letter, letter, digit, digit; letters
   * exclude S, L, O, I, B and Z.
   */
  static boolean mbi(CharSequence s) {
    if (s.length() != 11) {
      return false;
    }
    String shape = "NAXNAXNAANN";
    for (int i = 0; i < 11; i++) {
      char c = Character.toUpperCase(s.charAt(i));
      boolean ok =
          switch (shape.charAt(i)) {
            case 'N' -> c >= (i == 0 ? '1' : '0') && c <= '9';
            case 'A' -> MBI_LETTERS.indexOf(c) >= 0;
            default -> (c >= '0' && c <= '9') || MBI_LETTERS.indexOf(c) >= 0;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Whether seventeen characters are a VIN whose ninth character is the check digit. */
  static boolean vin(CharSequence s) {
    if (s.length() != 17) {
      return false;
    }
    int sum = 0;
    int digits = 0;
    for (int i = 0; i < 17; i++) {
      char c = Character.toUpperCase(s.charAt(i));
      int v = c < 128 ? VIN_VALUES.indexOf(c) : -1;
      if (v < 0 || c == '.') {
        return false;
      }
      digits += c <= '9' ? 1 : 0;
      sum += (v < 10 ? v : (v % 10 == 0 ? 9 : v % 10)) * VIN_WEIGHTS[i];
    }
    int check = sum % 11;
    char expected = check == 10 ? 'X' : (char) ('0' + check);
    return digits >= 5 && digits < 17 && Character.toUpperCase(s.charAt(8)) == expected;
  }

  static boolean allDigits(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return s.length() > 0;
  }

  /** Luhn sum of the digits, as if {@code prefixSum} were the sum of a prefix of even length. */
  private static int luhnSum(CharSequence digits, int prefixSum) {
    int sum = prefixSum;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digit(digits, i);
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return sum;
  }

  private static int digit(CharSequence s, int i) {
    return s.charAt(i) - '0';
  }

  private static int number(CharSequence s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n = n * 10 + digit(s, i);
    }
    return n;
  }
}
