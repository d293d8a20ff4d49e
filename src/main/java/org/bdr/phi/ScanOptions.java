package org.bdr.phi;

import java.util.Objects;

/**
 * How a scan runs.
 *
 * @param sensitivity how much evidence a detection needs
 * @param maskedHints whether findings of type SSN and ACCOUNT carry a masked hint such as {@code
 *     ***-**-1234}; honoured only at {@link Sensitivity#HIGH}
 */
public record ScanOptions(Sensitivity sensitivity, boolean maskedHints) {

  /** Checks that a sensitivity is given. */
  public ScanOptions {
    Objects.requireNonNull(sensitivity, "sensitivity");
  }

  /** Medium sensitivity without hints. */
  public static ScanOptions defaults() {
    return new ScanOptions(Sensitivity.MEDIUM, false);
  }

  boolean hintsWanted() {
    return maskedHints && sensitivity == Sensitivity.HIGH;
  }
}
