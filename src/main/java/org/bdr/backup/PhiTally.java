package org.bdr.backup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bdr.phi.FileResult;
import org.bdr.phi.Finding;
import org.bdr.phi.IdentifierType;
import org.bdr.phi.ScanStatus;
import org.bdr.repo.PhiFacts;
import org.bdr.repo.PhiFileFacts;

/**
 * Gathers, from the workers of one backup, what the PHI scan found in each file and in the name of
 * each folder, and sums it up as the {@link PhiFacts} stored with the snapshot. Files an
 * incremental backup reuses unread keep the entry the parent snapshot recorded for them; folder
 * names are scanned again by every backup, so their entries are never taken from the parent.
 * Thread-safe.
 */
final class PhiTally {

  private final PhiCheck check;
  private final Map<String, PhiFileFacts> inParent = new HashMap<>();
  private final boolean parentComparable;
  private final List<PhiFileFacts> entries = new ArrayList<>();
  private final List<SkippedFile> blocked = new ArrayList<>();
  private final List<SkippedFile> notScanned = new ArrayList<>();

  /**
   * A tally for a backup scanning as {@code check} says, against the facts of its parent snapshot
   * ({@code parent} may be null).
   */
  PhiTally(PhiCheck check, PhiFacts parent) {
    this.check = check;
    // A parent scanned at another sensitivity says nothing about this one; and a parent that did
    // not block may hold unscanned files, which a blocking backup must not take over unread.
    this.parentComparable =
        parent != null
            && parent.sensitivity().equals(label(check))
            && (check.policy() != PhiPolicy.BLOCK
                || parent.policy().equals(PhiPolicy.BLOCK.label()));
    if (parentComparable) {
      for (PhiFileFacts e : parent.entries()) {
        if (!e.blocked() && !e.folder()) {
          inParent.put(e.path(), e);
        }
      }
    }
  }

  /** Whether an unchanged file may be taken from the parent unread: its findings are known. */
  boolean parentComparable() {
    return parentComparable;
  }

  /** A file reused from the parent unread keeps the parent's entry for it. */
  synchronized void reused(String path) {
    PhiFileFacts e = inParent.get(path);
    if (e != null) {
      entries.add(e);
    }
  }

  /** Records the scan of a file that was read; {@code wasBlocked} if it was kept out. */
  synchronized void scanned(String path, FileResult result, boolean wasBlocked) {
    if (wasBlocked) {
      blocked.add(new SkippedFile(path, blockReason(result)));
    } else if (result.status() == ScanStatus.ERROR) {
      notScanned.add(new SkippedFile(path, result.reason()));
    }
    if (!result.findings().isEmpty()) {
      entries.add(entry(path, result.findings(), wasBlocked, false));
    }
  }

  /**
   * Records what the scan of a folder's name found, when anything; {@code wasBlocked} if the folder
   * was kept out with everything in it.
   */
  synchronized void folder(String path, List<Finding> findings, boolean wasBlocked) {
    if (findings.isEmpty()) {
      return;
    }
    if (wasBlocked) {
      blocked.add(new SkippedFile(path, folderBlockReason(findings), true));
    }
    entries.add(entry(path, findings, wasBlocked, true));
  }

  /** Whether files with findings, or folders whose names had findings, went into the snapshot. */
  synchronized boolean holdsPhi() {
    return entries.stream().anyMatch(e -> !e.blocked());
  }

  /** The files and folders kept out, by path. */
  synchronized List<SkippedFile> blocked() {
    return sorted(blocked);
  }

  /** The files stored without a scan, by path. */
  synchronized List<SkippedFile> notScanned() {
    return sorted(notScanned);
  }

  /** The summary stored with the snapshot. */
  synchronized PhiFacts facts(boolean tagged) {
    List<PhiFileFacts> all = new ArrayList<>(entries);
    all.sort(Comparator.comparing(PhiFileFacts::path));
    Map<String, Long> byType = new HashMap<>();
    long findings = 0;
    long folders = 0;
    for (PhiFileFacts e : all) {
      folders += e.folder() ? 1 : 0;
      for (Map.Entry<String, Long> t : e.byType().entrySet()) {
        byType.merge(t.getKey(), t.getValue(), Long::sum);
        findings += t.getValue();
      }
    }
    return new PhiFacts(
        check.policy().label(),
        label(check),
        all.size() - folders,
        folders,
        findings,
        largestFirst(byType),
        blocked.size(),
        notScanned.size(),
        tagged,
        all);
  }

  private static PhiFileFacts entry(
      String path, List<Finding> findings, boolean wasBlocked, boolean folder) {
    Map<IdentifierType, Long> counts = new EnumMap<>(IdentifierType.class);
    double highest = 0;
    for (Finding f : findings) {
      counts.merge(f.type(), 1L, Long::sum);
      highest = Math.max(highest, f.confidence());
    }
    Map<String, Long> byType = new HashMap<>();
    counts.forEach((t, n) -> byType.put(t.name(), n));
    return new PhiFileFacts(path, largestFirst(byType), highest, wasBlocked, folder);
  }

  private static String blockReason(FileResult result) {
    if (!result.findings().isEmpty()) {
      return "holds PHI (" + types(result.findings()) + "); not backed up";
    }
    return "could not be scanned for PHI (" + result.reason() + "); not backed up";
  }

  private static String folderBlockReason(List<Finding> findings) {
    return "its name holds PHI ("
        + types(findings)
        + "); not backed up, nor anything in it (rename the folder to back it up)";
  }

  /** The findings' identifier types, sorted and comma-separated. */
  private static String types(List<Finding> findings) {
    return findings.stream()
        .map(f -> f.type().name())
        .distinct()
        .sorted()
        .collect(Collectors.joining(", "));
  }

  private static Map<String, Long> largestFirst(Map<String, Long> counts) {
    Map<String, Long> out = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static List<SkippedFile> sorted(List<SkippedFile> files) {
    List<SkippedFile> out = new ArrayList<>(files);
    out.sort(Comparator.comparing(SkippedFile::path));
    return out;
  }

  private static String label(PhiCheck check) {
    return check.sensitivity().name().toLowerCase(java.util.Locale.ROOT);
  }
}
