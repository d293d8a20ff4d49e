package org.bdr.phi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a scan of files and folders found. Every path in it is a safe path, with name parts that
 * hold identifiers replaced by their type, so the report can be logged and shown.
 *
 * @param findings every finding, in scan order
 * @param filesScanned how many files were read and scanned
 * @param skippedBinaries the files skipped because they hold no text the scanner understands
 * @param errors the files that could not be scanned, with a reason that quotes nothing
 * @param countsByType findings per identifier type, largest first
 * @param countsByFile findings per file (by safe path), largest first, files without findings left
 *     out
 */
public record ScanReport(
    List<Finding> findings,
    long filesScanned,
    List<String> skippedBinaries,
    List<ScanError> errors,
    Map<IdentifierType, Long> countsByType,
    List<FileCount> countsByFile) {

  /** Copies the collections. */
  public ScanReport {
    findings = List.copyOf(findings);
    skippedBinaries = List.copyOf(skippedBinaries);
    errors = List.copyOf(errors);
    countsByType = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(countsByType));
    countsByFile = List.copyOf(countsByFile);
  }

  /** Builds a report from per-file results and the findings in folder names. */
  static ScanReport of(List<FileResult> results, List<Finding> folderFindings) {
    List<Finding> all = new ArrayList<>(folderFindings);
    List<String> skipped = new ArrayList<>();
    List<ScanError> errors = new ArrayList<>();
    List<FileCount> perFile = new ArrayList<>();
    long scanned = 0;
    for (FileResult r : results) {
      all.addAll(r.findings());
      switch (r.status()) {
        case SCANNED -> scanned++;
        case SKIPPED_BINARY -> skipped.add(r.safePath());
        case ERROR -> errors.add(new ScanError(r.safePath(), r.reason()));
      }
      if (!r.findings().isEmpty()) {
        perFile.add(new FileCount(r.safePath(), r.findings().size()));
      }
    }
    perFile.sort(Comparator.comparingLong(FileCount::findings).reversed());
    return new ScanReport(all, scanned, skipped, errors, countByType(all), perFile);
  }

  private static Map<IdentifierType, Long> countByType(List<Finding> findings) {
    Map<IdentifierType, Long> counts = new EnumMap<>(IdentifierType.class);
    for (Finding f : findings) {
      counts.merge(f.type(), 1L, Long::sum);
    }
    Map<IdentifierType, Long> sorted = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<IdentifierType, Long>comparingByValue().reversed())
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }
}
