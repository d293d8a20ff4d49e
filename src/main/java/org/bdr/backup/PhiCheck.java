package org.bdr.backup;

import java.util.Objects;
import org.bdr.phi.Sensitivity;

/**
 * How a backup scans the files it reads for PHI.
 *
 * @param policy what happens to files with findings
 * @param sensitivity how much evidence a finding needs
 */
public record PhiCheck(PhiPolicy policy, Sensitivity sensitivity) {

  /** Checks that both are given. */
  public PhiCheck {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(sensitivity, "sensitivity");
  }
}
