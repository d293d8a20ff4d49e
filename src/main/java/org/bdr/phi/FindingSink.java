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
 * them in file order at the end costs about one pass. A finding on a line past every line seen so
 * far is new without a lookup, and the few on that line are searched in place; the index by line is
 * built only when a finding comes back to an earlier line or a line has many.
 */
final class FindingSink {

  static final int MAX_FINDINGS = 200_000;
  private static final int MAX_KNOWN = 4_096;
  private static final int TOP_LINE_SEARCH = 16;

  private static final java.util.Comparator<Finding> FILE_ORDER = FindingSink::compare;

  private final String path;
  private final ScanOptions options;
  private final List<Finding> findings = new ArrayList<>();

  /** Positions by line, type and field, and by line and type. */
  private FindingIndex positions;

  private FindingIndex lineTypes;
  private boolean inOrder = true;

  /** The highest line seen, and where its first findings sit (searched while not indexed). */
  private long topLine = -1;

  private final int[] onTopLine = new int[TOP_LINE_SEARCH];
  private int onTopLineCount;
  private boolean indexed;
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
    if (line == topLine && !indexed) {
      for (int k = 0; k < onTopLineCount; k++) {
        Finding f = findings.get(onTopLine[k]);
        if (f.type() == type && Objects.equals(f.field(), field)) {
          return onTopLine[k];
        }
      }
      return -1;
    }
    index();
    for (int k = positions.first(placeKey(line, type, field)); k >= 0; k = positions.next(k)) {
      Finding f = findings.get(k);
      if (f.line() == line && f.type() == type && Objects.equals(f.field(), field)) {
        return k;
      }
    }
    return -1;
  }

  /** Records where a new finding sits, so {@link #positionOf} finds it. */
  private void place(long line, String field, IdentifierType type, int at) {
    if (line > topLine) {
      topLine = line;
      onTopLineCount = 0;
    }
    if (!indexed && line == topLine && onTopLineCount < TOP_LINE_SEARCH) {
      onTopLine[onTopLineCount++] = at;
      return;
    }
    index();
    positions.add(placeKey(line, type, field), at);
    lineTypes.add(lineType(line, type), at);
  }

  /** Builds the index of every finding so far, once; from then on it is kept up to date. */
  private void index() {
    if (indexed) {
      return;
    }
    positions = new FindingIndex(findings.size() * 2);
    lineTypes = new FindingIndex(findings.size() * 2);
    for (int k = 0; k < findings.size(); k++) {
      Finding f = findings.get(k);
      positions.add(placeKey(f.line(), f.type(), f.field()), k);
      lineTypes.add(lineType(f.line(), f.type()), k);
    }
    indexed = true;
  }

  /** Whether some finding of this type already sits on this line. */
  boolean has(long line, IdentifierType type) {
    index();
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
