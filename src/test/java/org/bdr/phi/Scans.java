package org.bdr.phi;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Test shortcuts: scan bytes or text as one file through the streaming entry point. */
final class Scans {

  private Scans() {}

  static FileResult bytes(String name, byte[] content, Sensitivity sensitivity) {
    FileScan scan = new PhiScanner(new ScanOptions(sensitivity, false)).open(name);
    scan.update(content, 0, content.length);
    return scan.finish();
  }

  static FileResult text(String name, String content, Sensitivity sensitivity) {
    return bytes(name, content.getBytes(StandardCharsets.UTF_8), sensitivity);
  }

  static FileResult medium(String name, String content) {
    return text(name, content, Sensitivity.MEDIUM);
  }

  /** The types found on a line. */
  static Set<IdentifierType> typesOn(FileResult r, long line) {
    return r.findings().stream()
        .filter(f -> f.line() == line)
        .map(Finding::type)
        .collect(Collectors.toSet());
  }

  static Set<IdentifierType> types(FileResult r) {
    return r.findings().stream().map(Finding::type).collect(Collectors.toSet());
  }

  static List<Finding> ofType(FileResult r, IdentifierType type) {
    return r.findings().stream().filter(f -> f.type() == type).toList();
  }
}
