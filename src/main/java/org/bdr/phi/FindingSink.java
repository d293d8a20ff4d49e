package org.bdr.phi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects the detections of one file: drops those below the sensitivity, keeps one finding per
 * line, field and type, and remembers identifying values so their repeats elsewhere in the same
 * file are found too. Matched text is used for hints and repeats only, never stored in a finding.
 *
 * <p>Findings are kept in the order they arrive, which readers make nearly file order, so putting
 * them in file order at the end costs about one pass. As long as they arrive in file order they
 * form a sorted prefix of the list, searched from its end for the newest line and by bisection
 * otherwise; only findings that come back to an earlier line (repeats found after the structure was
 * read) are indexed by line.
 */
final class FindingSink {

  static final int MAX_FINDINGS = 200_000;
  private static final int MAX_KNOWN = 4_096;
  private static final int TOP_LINE_SEARCH = 16;

  private static final java.util.Comparator<Finding> FILE_ORDER = FindingSink::compare;

  private final String path;
  private final ScanOptions options;
  private final List<Finding> findings = new ArrayList<>();

  /** How many findings at the start of {@link #findings} are in file order. */
  private int sorted;

  /** Positions past {@link #sorted} by line, type and field, and by line and type; null if none. */
  private FindingIndex positions;

  private FindingIndex lineTypes;
  private boolean inOrder = true;

  /** The highest line seen. */
  private long topLine = -1;

  private long lastLine = -1;
  private String lastField;
  private IdentifierType lastType;
  private double lastConfidence;
  private final Map<String, IdentifierType> known = new HashMap<>();
  private long dropped;

  FindingSink(String path, ScanOptions options) {
    this.path = Objects.requireNonNull(path);
    this.options = Objects.requireNonNull(options);
  }

  ScanOptions options() {
    return options;
  }

  /** Whether detections should pass their matched text (for masked hints). */
  boolean wantsValues() {
    return options.hintsWanted();
  }

  Sensitivity sensitivity() {
    return options.sensitivity();
  }

  /** Records a detection; {@code value} feeds the masked hint and is not kept. */
  void add(long line, String field, IdentifierType type, double confidence, CharSequence value) {
    if (!options.sensitivity().reports(confidence)) {
      return;
    }
    if (line == lastLine
        && type == lastType
        && field == lastField
        && confidence <= lastConfidence) {
      return;
    }
    int at = positionOf(line, field, type);
    if (at >= 0 && findings.get(at).confidence() >= confidence) {
      return;
    }
    if (at < 0 && findings.size() >= MAX_FINDINGS) {
      dropped++;
      return;
    }
    Finding f = new Finding(path, line, field, type, round(confidence), hint(type, value));
    if (at >= 0) {
      findings.set(at, f);
    } else {
      if (inOrder && !findings.isEmpty()) {
        inOrder = compare(findings.get(findings.size() - 1), f) <= 0;
      }
      place(line, field, type, findings.size());
      findings.add(f);
    }
    lastLine = line;
    lastField = field;
    lastType = type;
    lastConfidence = confidence;
  }

  /** Where the finding of this line, field and type sits in {@link #findings}, or -1. */
  private int positionOf(long line, String field, IdentifierType type) {
    if (line > topLine) {
      return -1;
    }
    int at = searchSorted(line, type, field, true);
    if (at >= 0 || positions == null) {
      return at;
    }
    for (int k = positions.first(placeKey(line, type, field)); k >= 0; k = positions.next(k)) {
      Finding f = findings.get(k);
      if (f.line() == line && f.type() == type && Objects.equals(f.field(), field)) {
        return k;
      }
    }
    return -1;
  }

  /**
   * Searches the sorted prefix for a finding of this line and type, and of this field when {@code
   * exact} (else of any field); returns its position or -1. The newest lines sit at the end, so
   * that is looked at first; bisection finds the rest.
   */
  private int searchSorted(long line, IdentifierType type, String field, boolean exact) {
    int k = sorted - 1;
    for (int steps = 0; k >= 0 && steps < TOP_LINE_SEARCH; k--, steps++) {
      Finding f = findings.get(k);
      if (f.line() < line) {
        return -1;
      }
      if (f.line() == line && f.type() == type && (!exact || Objects.equals(f.field(), field))) {
        return k;
      }
    }
    String key = exact && field != null ? field : "";
    int lo = 0;
    int hi = k + 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (compare(findings.get(mid), line, type, key) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (int j = lo; j <= k; j++) {
      Finding f = findings.get(j);
      if (f.line() != line || f.type() != type) {
        return -1;
      }
      if (!exact || Objects.equals(f.field(), field)) {
        return j;
      }
      if (!key.equals(f.field() == null ? "" : f.field())) {
        return -1;
      }
    }
    return -1;
  }

  /** Records where a new finding sits: in the sorted prefix, or else in the index by line. */
  private void place(long line, String field, IdentifierType type, int at) {
    topLine = Math.max(topLine, line);
    if (inOrder) {
      sorted = at + 1;
      return;
    }
    if (positions == null) {
      positions = new FindingIndex(64);
      lineTypes = new FindingIndex(64);
    }
    positions.add(placeKey(line, type, field), at);
    lineTypes.add(lineType(line, type), at);
  }

  /** Whether some finding of this type already sits on this line. */
  boolean has(long line, IdentifierType type) {
    if (line > topLine) {
      return false;
    }
    if (searchSorted(line, type, null, false) >= 0) {
      return true;
    }
    if (lineTypes == null) {
      return false;
    }
    for (int k = lineTypes.first(lineType(line, type)); k >= 0; k = lineTypes.next(k)) {
      Finding f = findings.get(k);
      if (f.line() == line && f.type() == type) {
        return true;
      }
    }
    return false;
  }

  /** The index key of a line and type: distinct for every pair a file can hold. */
  private static long lineType(long line, IdentifierType type) {
    return line * 32 + type.ordinal();
  }

  /** The index key of a line, type and field; different places rarely share one. */
  private static long placeKey(long line, IdentifierType type, String field) {
    return lineType(line, type) * 31 + (field == null ? 0 : field.hashCode());
  }

  /** Records a structural detection and remembers the value so its repeats are found. */
  void addKnown(long line, String field, IdentifierType type, double confidence, String value) {
    add(line, field, type, confidence, value);
    remember(type, value);
  }

  /** Remembers a value as an identifier of this file, so its repeats are found. */
  void remember(IdentifierType type, String value) {
    if (value == null || known.size() >= MAX_KNOWN) {
      return;
    }
    String v = value.strip();
    if (KnownValues.worthRemembering(type, v)) {
      known.putIfAbsent(v, type);
    }
  }

  Map<String, IdentifierType> knownValues() {
    return known;
  }

  long dropped() {
    return dropped;
  }

  /** The findings in file order. */
  List<Finding> findings() {
    List<Finding> list = new ArrayList<>(findings);
    if (!inOrder) {
      list.sort(FILE_ORDER);
    }
    return list;
  }

  /** Compares a finding with a line, type and field (null read as empty) in file order. */
  private static int compare(Finding a, long line, IdentifierType type, String field) {
    int c = Long.compare(a.line(), line);
    if (c != 0) {
      return c;
    }
    c = a.type().compareTo(type);
    if (c != 0) {
      return c;
    }
    return (a.field() == null ? "" : a.field()).compareTo(field);
  }

  private static int compare(Finding a, Finding b) {
    int c = Long.compare(a.line(), b.line());
    if (c != 0) {
      return c;
    }
    c = a.type().compareTo(b.type());
    if (c != 0) {
      return c;
    }
    String fa = a.field() == null ? "" : a.field();
    return fa.compareTo(b.field() == null ? "" : b.field());
  }

  private String hint(IdentifierType type, CharSequence value) {
    if (value == null || !options.hintsWanted()) {
      return null;
    }
    if (type != IdentifierType.SSN && type != IdentifierType.ACCOUNT) {
      return null;
    }
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      }
    }
    if (digits.length() < 8) {
      return type == IdentifierType.SSN ? "***-**-****" : "****";
    }
    String last = digits.substring(digits.length() - 4);
    return type == IdentifierType.SSN ? "***-**-" + last : "****" + last;
  }

  private static double round(double confidence) {
    return Math.round(confidence * 100) / 100.0;
  }
}
