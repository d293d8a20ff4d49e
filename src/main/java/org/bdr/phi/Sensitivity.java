package org.bdr.phi;

/**
 * How much evidence a detection needs before it becomes a finding: the trade of precision for
 * recall.
 *
 * <p>Every detection carries a confidence. A validated identifier with a context word (an SSN after
 * "SSN", an NPI whose check digit holds, a value in the PID-5 field of an HL7 message) scores about
 * 0.9; a well-formed value without context (a calendar-valid date, a {@code 555-123-4567} phone
 * number) about 0.6; a bare shape that many other things share (a 9-digit number, a capitalised
 * word after a common given name) about 0.3.
 */
public enum Sensitivity {
  /**
   * Reports only validated identifiers or identifiers named by their context or field (confidence
   * at least 0.8). Few false alarms; misses identifiers in free text that nothing announces.
   */
  LOW(0.8),
  /**
   * Also reports well-formed identifiers without context (confidence at least 0.5), such as dates
   * and formatted phone numbers in notes, and test-range SSNs when the context says SSN. The
   * default.
   */
  MEDIUM(0.5),
  /**
   * Also reports bare shapes (confidence at least 0.2): a bare 9-digit number in a patient file, a
   * capitalised word after a given name, any date-like field. Finds the most, with many false
   * alarms; masked hints are only given at this level.
   */
  HIGH(0.2);

  private final double threshold;

  Sensitivity(double threshold) {
    this.threshold = threshold;
  }

  /** Returns whether a detection of this confidence is reported at this sensitivity. */
  public boolean reports(double confidence) {
    return confidence >= threshold;
  }
}
