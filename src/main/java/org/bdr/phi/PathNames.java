package org.bdr.phi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scans file and folder names, which often hold a patient's name ({@code Jane_Doe_1234.json}) or
 * date of birth, and redacts them for safe display. Findings in a name report line 0.
 */
final class PathNames {

  /** Capitalised words joined by '_' before a long identifier: the usual patient-export naming. */
  private static final Pattern EXPORT_NAME =
      Pattern.compile("^((?:\\p{Lu}[\\p{L}']+_){2,3})(?=[0-9a-fA-F]{6,}|[0-9]{4,})");

  private PathNames() {}

  /** Scans one name (the last part of a path) and returns it with findings replaced by types. */
  static String scan(String name, TextDetector detector, FindingSink sink) {
    List<int[]> ranges = new ArrayList<>();
    String spaced = name.replace('_', ' ');
    detector.recordRanges(ranges);
    try {
      detector.scan(spaced, 0, null, Cue.NONE, sink);
    } finally {
      detector.recordRanges(null);
    }
    Matcher m = exportNameShape(name) ? EXPORT_NAME.matcher(name) : null;
    if (m != null && m.find()) {
      sink.add(0, null, IdentifierType.NAME, 0.6, null);
      if (sink.sensitivity().reports(0.6)) {
        ranges.add(new int[] {0, m.end(1) - 1, IdentifierType.NAME.ordinal()});
      }
    }
    return redact(name, ranges);
  }

  /**
   * Scans the name of one folder, as both {@link PhiScanner#scan} and a backup walking its own
   * folders do, and adds its findings to {@code into}, each naming the folder by its safe path and
   * reporting line 0.
   *
   * @param dir the folder; must have a name (not a root)
   * @param safeParent the safe path of the folder above, ending in a separator
   * @return the folder's safe path: {@code safeParent} followed by its redacted name
   */
  static String scanFolder(Path dir, String safeParent, ScanOptions options, List<Finding> into) {
    FindingSink sink = new FindingSink(dir.toString(), options);
    String safe = safeParent + scan(dir.getFileName().toString(), new TextDetector(), sink);
    for (Finding f : sink.findings()) {
      into.add(new Finding(safe, 0, null, f.type(), f.confidence(), null));
    }
    return safe;
  }

  /**
   * Whether a name can match {@link #EXPORT_NAME} at all (a capital letter first and an underscore
   * somewhere), so most names skip the regular expression.
   */
  private static boolean exportNameShape(String name) {
    return !name.isEmpty()
        && Character.getType(name.codePointAt(0)) == Character.UPPERCASE_LETTER
        && name.indexOf('_') > 0;
  }

  /** Replaces every range by its type in brackets; overlapping ranges merge. */
  static String redact(String name, List<int[]> ranges) {
    if (ranges.isEmpty()) {
      return name;
    }
    ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (int[] r : ranges) {
      if (r[0] < at) {
        at = Math.max(at, r[1]);
        continue;
      }
      out.append(name, at, r[0]).append('[').append(IdentifierType.values()[r[2]]).append(']');
      at = r[1];
    }
    return out.append(name.substring(Math.min(at, name.length()))).toString();
  }

  /** The last part of a path written with '/' or '\\' separators. */
  static String lastPart(String path) {
    int cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return path.substring(cut + 1);
  }
}
