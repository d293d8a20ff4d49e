package org.bdr.restore;

import java.nio.file.Path;
import java.util.List;
import org.bdr.repo.Id;

/**
 * What to restore where.
 *
 * @param snapshot the snapshot
 * @param target the folder to restore into; must be empty or not exist yet
 * @param includes glob patterns selecting files; empty means everything
 */
public record RestoreRequest(Id snapshot, Path target, List<String> includes) {

  /** Validates and copies. */
  public RestoreRequest {
    if (snapshot == null || target == null) {
      throw new IllegalArgumentException("a restore needs a snapshot and a target folder");
    }
    target = target.toAbsolutePath().normalize();
    includes = includes == null ? List.of() : List.copyOf(includes);
  }
}
