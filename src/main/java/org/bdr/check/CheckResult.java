package org.bdr.check;

import java.util.List;

/**
 * What a check found.
 *
 * @param snapshots snapshots checked
 * @param trees trees read
 * @param blobs blobs in the index
 * @param packs pack files
 * @param bytesRead pack bytes read and verified (deep check only)
 * @param readData whether every blob was decrypted and hashed
 * @param errors problems that make data unrestorable, each naming what is damaged
 * @param warnings problems that lose nothing, such as packs no index refers to
 * @param damagedPacks packs whose data failed verification
 * @param affectedSnapshots snapshots that use damaged or missing data
 * @param packsRead pack files read and verified (deep check only)
 * @param checkedSnapshots full ids of the snapshots whose trees were walked, oldest first
 */
public record CheckResult(
    long snapshots,
    long trees,
    long blobs,
    long packs,
    long bytesRead,
    boolean readData,
    List<String> errors,
    List<String> warnings,
    List<String> damagedPacks,
    List<String> affectedSnapshots,
    long packsRead,
    List<String> checkedSnapshots) {

  /** Copies the lists. */
  public CheckResult {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
    damagedPacks = List.copyOf(damagedPacks);
    affectedSnapshots = List.copyOf(affectedSnapshots);
    checkedSnapshots = List.copyOf(checkedSnapshots);
  }

  /** Whether no error was found. */
  @com.fasterxml.jackson.annotation.JsonProperty("ok")
  public boolean ok() {
    return errors.isEmpty();
  }
}
