package org.bdr.check;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.bdr.backend.FileType;
import org.bdr.backend.Leftover;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;
import org.bdr.repo.BlobLocation;
import org.bdr.repo.Id;
import org.bdr.repo.Repository;
import org.bdr.repo.Snapshot;

/**
 * Verifies a repository and lists every problem rather than stopping at the first.
 *
 * <p>The quick check reads the index, lists the packs, and walks every snapshot's trees, making
 * sure each blob a snapshot needs is indexed in an existing pack of the right size. The deep check
 * also reads every pack, verifies its hash, header and every blob's authentication tag and hash,
 * and names the snapshots that use any damaged pack.
 *
 * <p>Checking some snapshots only walks just their trees and reads just the packs holding their
 * trees and data: damage elsewhere is not looked for, and missing or wrongly sized packs that no
 * checked snapshot uses, or snapshot files that cannot be read, are warnings rather than errors. A
 * pack is the unit read, so a damaged blob of another snapshot in a pack shared with a checked one
 * is reported too.
 */
public final class Checker {

  private final Repository repo;
  private final LongConsumer bytesProgress;
  private final BooleanSupplier cancelled;

  /** A checker of {@code repo}; {@code bytesProgress} hears of pack bytes verified. */
  public Checker(Repository repo, LongConsumer bytesProgress, BooleanSupplier cancelled) {
    this.repo = repo;
    this.bytesProgress = bytesProgress;
    this.cancelled = cancelled;
  }

  /**
   * Runs the check.
   *
   * @param readData also decrypt and hash every blob (of the checked snapshots' packs only, when
   *     {@code only} names some)
   * @param only restrict the check to these snapshots and the packs they use; empty for all
   */
  public CheckResult check(boolean readData, Set<Id> only) throws IOException {
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Map<Id, Long> packSizes = listPacks();
    Map<Id, List<BlobLocation>> indexed = new HashMap<>();
    Set<String> seen = new HashSet<>();
    List<BlobLocation> entries = repo.readAllIndexEntries(errors);
    boolean indexDamaged = !errors.isEmpty();
    for (BlobLocation loc : entries) {
      if (seen.add(loc.pack().hex() + loc.type() + loc.id().hex())) {
        indexed.computeIfAbsent(loc.pack(), k -> new ArrayList<>()).add(loc);
      }
    }

    // Walk first: with only some snapshots named, the packs they use are the ones to check.
    List<String> walkErrors = new ArrayList<>();
    SnapshotWalk walk = new SnapshotWalk(repo, walkErrors);
    Map<Id, Snapshot> snapshots = repo.snapshots();
    List<Map.Entry<Id, Snapshot>> chosen = new ArrayList<>();
    for (Map.Entry<Id, Snapshot> s : snapshots.entrySet()) {
      if (only.isEmpty() || only.contains(s.getKey())) {
        chosen.add(s);
      }
    }
    chosen.sort(
        Comparator.comparing((Map.Entry<Id, Snapshot> e) -> e.getValue().startTime())
            .thenComparing(e -> e.getKey().hex()));
    for (Map.Entry<Id, Snapshot> s : chosen) {
      checkCancelled();
      walk.snapshot(s.getKey(), s.getValue());
    }
    Set<Id> relevant = only.isEmpty() ? indexed.keySet() : walk.packUsers.keySet();
    List<String> elsewhere = only.isEmpty() ? errors : warnings;

    Set<Id> missingPacks = new TreeSet<>();
    Set<Id> wrongSize = new TreeSet<>();
    for (Map.Entry<Id, List<BlobLocation>> e : indexed.entrySet()) {
      Long size = packSizes.get(e.getKey());
      List<String> report = relevant.contains(e.getKey()) ? errors : warnings;
      String unused = report == errors ? "" : " (no checked snapshot uses it)";
      if (size == null) {
        missingPacks.add(e.getKey());
        report.add(
            "pack " + e.getKey().shortHex() + " is in the index but missing from storage" + unused);
      } else if (size != expectedSize(e.getValue())) {
        wrongSize.add(e.getKey());
        report.add(
            "pack "
                + e.getKey().shortHex()
                + " has "
                + size
                + " bytes, the index expects "
                + expectedSize(e.getValue())
                + unused);
      }
    }
    warnLeftovers(warnings);
    for (Id pack : packSizes.keySet()) {
      if (!indexed.containsKey(pack)) {
        warnings.add(
            "pack "
                + pack.shortHex()
                + (indexDamaged
                    ? " is not referenced by any readable index; an index file is damaged, so"
                        + " its data may be in use: 'restic rebuild-index' rebuilds the index"
                        + " from the packs (bdr cannot yet)"
                    : " is not referenced by any index (harmless; its data is unused)"));
      }
    }

    Set<Id> damaged = new TreeSet<>(missingPacks);
    damaged.addAll(wrongSize);
    long bytesRead = 0;
    long packsRead = 0;
    if (readData) {
      for (Map.Entry<Id, List<BlobLocation>> e : indexed.entrySet()) {
        checkCancelled();
        if (missingPacks.contains(e.getKey()) || !relevant.contains(e.getKey())) {
          continue;
        }
        String problem = verifyPack(e.getKey(), e.getValue());
        bytesRead += packSizes.get(e.getKey());
        packsRead++;
        if (problem != null) {
          damaged.add(e.getKey());
          errors.add(problem);
        }
      }
    }

    elsewhere.addAll(repo.snapshotProblems());
    errors.addAll(walkErrors);
    List<String> packNames = new ArrayList<>();
    for (Id pack : damaged) {
      if (!relevant.contains(pack)) {
        continue;
      }
      packNames.add(pack.hex());
      List<String> users = walk.usersOf(pack);
      if (!users.isEmpty()) {
        errors.add(
            "pack "
                + pack.shortHex()
                + " is damaged and used by snapshot"
                + (users.size() == 1 ? " " : "s ")
                + String.join(", ", users));
      }
    }
    return new CheckResult(
        walk.snapshots,
        walk.treesSeen.size(),
        repo.blobCount(),
        packSizes.size(),
        bytesRead,
        readData,
        errors,
        warnings,
        packNames,
        walk.affected(),
        packsRead,
        chosen.stream().map(e -> e.getKey().hex()).toList());
  }

  private void warnLeftovers(List<String> warnings) throws IOException {
    for (Leftover l : repo.backend().leftovers()) {
      warnings.add(
          "leftover temporary file "
              + l.path()
              + " ("
              + l.size()
              + " bytes, last written "
              + l.modified().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
              + ") of a write that was interrupted; harmless, and 'bdr unlock' removes it once it"
              + " is an hour old and no lock is held");
    }
  }

  private Map<Id, Long> listPacks() throws IOException {
    Map<Id, Long> sizes = new HashMap<>();
    for (String name : repo.backend().list(FileType.PACK)) {
      if (Id.isId(name)) {
        sizes.put(Id.parse(name), repo.backend().size(FileType.PACK, name));
      }
    }
    return sizes;
  }

  private static long expectedSize(List<BlobLocation> blobs) {
    long size = 4 + org.bdr.crypto.MasterKey.OVERHEAD;
    for (BlobLocation b : blobs) {
      size += b.length() + 1 + 4 + 32 + (b.compressed() ? 4 : 0);
    }
    return size;
  }

  /** Reads a whole pack and verifies it; returns a description of the damage, or null. */
  private String verifyPack(Id pack, List<BlobLocation> indexed) {
    byte[] bytes;
    try {
      bytes = repo.backend().load(FileType.PACK, pack.hex());
    } catch (IOException e) {
      return "pack " + pack.shortHex() + " cannot be read: " + e.getMessage();
    }
    bytesProgress.accept(bytes.length);
    MessageDigest sha = sha256();
    if (!Id.of(sha.digest(bytes)).equals(pack)) {
      return "pack " + pack.shortHex() + " does not match its hash (its bytes were changed)";
    }
    int bad = 0;
    for (BlobLocation loc : indexed) {
      try {
        byte[] plain = repo.decodeBlob(loc, bytes, (int) loc.offset());
        if (!Id.hash(plain).equals(loc.id())) {
          bad++;
        }
      } catch (BdrException | IndexOutOfBoundsException e) {
        bad++;
      }
    }
    return bad == 0 ? null : "pack " + pack.shortHex() + " holds " + bad + " damaged blob(s)";
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private void checkCancelled() {
    if (cancelled.getAsBoolean()) {
      throw new BdrException(ErrorCode.CANCELLED, "the check was cancelled", "run it again");
    }
  }
}
