package org.bdr.phi;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads XML and C-CDA documents with a small tolerant tokenizer that keeps the line of every
 * attribute value and text node, and copes with fragments and undeclared namespace prefixes. In a
 * person's context (patientRole, guardian, participant's associatedEntity, relatedSubject, a
 * coverage participantRole) names, address parts, telecoms and ids are typed by element; TS-valued
 * {@code value} attributes are dates everywhere; NPIs are found by their OID; narrative text goes
 * through the text detector and base64 {@code text} is decoded.
 */
final class XmlReader {

  private static final Set<String> PERSON =
      Set.of(
          "patientRole",
          "patient",
          "guardian",
          "guardianPerson",
          "associatedEntity",
          "relatedSubject",
          "relatedPerson",
          "associatedPerson",
          "subject",
          "relatedEntity");
  private static final Set<String> NOT_PERSON =
      Set.of(
          "assignedAuthor",
          "assignedEntity",
          "representedOrganization",
          "providerOrganization",
          "serviceProviderOrganization",
          "representedCustodianOrganization",
          "assignedPerson",
          "scopingOrganization",
          "manufacturedProduct",
          "playingDevice",
          "healthCareFacility",
          "location",
          "wholeOrganization");
  private static final Set<String> TIMES =
      Set.of("effectiveTime", "low", "high", "center", "time", "birthTime", "deceasedTime");
  private static final Set<String> ADDRESS_PARTS =
      Set.of(
          "streetAddressLine",
          "city",
          "postalCode",
          "county",
          "censusTract",
          "houseNumber",
          "streetName");
  private static final String SSN_OID = "2.16.840.1.113883.4.1";
  private static final String NPI_OID = "2.16.840.1.113883.4.6";

  /**
   * An open element; {@code context} is the person element it sits in (see {@link #personContext}),
   * worked out once when it opens.
   */
  private record Element(String name, String typeCode, boolean base64, String context) {}

  private final TextDetector detector;

  /** The field path of the value being read, asked for only when a value has findings. */
  private final java.util.function.Supplier<String> pathNow = this::path;

  private final FindingSink sink;
  private final List<Element> stack = new ArrayList<>();
  private Latin1Text s;
  private int n;
  private long line;
  private int lineCursor;
  private StringBuilder base64;

  /** The attributes of the open tag: name from, name to, value from, value to for each. */
  private int[] attrBounds = new int[64];

  private int attrs;
  private long base64Line;

  XmlReader(TextDetector detector, FindingSink sink) {
    this.detector = detector;
    this.sink = sink;
  }

  void read(Latin1Text text) {
    s = text;
    n = text.length();
    line = 1;
    lineCursor = 0;
    int i = 0;
    while (i < n) {
      int lt = indexOf('<', i);
      if (lt > i) {
        text(i, lt);
      }
      if (lt >= n) {
        break;
      }
      i = markup(lt);
    }
  }

  private int markup(int lt) {
    if (startsWith(lt, "<!--")) {
      return after(lt, "-->");
    }
    if (startsWith(lt, "<![CDATA[")) {
      int end = find(lt + 9, "]]>");
      text(lt + 9, end);
      return Math.min(n, end + 3);
    }
    if (startsWith(lt, "<?") || startsWith(lt, "<!")) {
      return after(lt, ">");
    }
    if (startsWith(lt, "</")) {
      int gt = indexOf('>', lt);
      close(local(s.subSequence(lt + 2, gt).toString().strip()));
      return gt + 1;
    }
    return open(lt);
  }

  private int open(int lt) {
    int i = lt + 1;
    int nameEnd = i;
    while (nameEnd < n
        && !TextShapes.isWhitespace(s.charAt(nameEnd))
        && s.charAt(nameEnd) != '>'
        && s.charAt(nameEnd) != '/') {
      nameEnd++;
    }
    String name = local(s.subSequence(i, nameEnd).toString());
    attrs = 0;
    i = nameEnd;
    while (i < n
        && s.charAt(i) != '>'
        && !(s.charAt(i) == '/' && i + 1 < n && s.charAt(i + 1) == '>')) {
      if (TextShapes.isWhitespace(s.charAt(i))) {
        i++;
        continue;
      }
      int eq = indexOf('=', i);
      int q = eq + 1;
      while (q < n && TextShapes.isWhitespace(s.charAt(q))) {
        q++;
      }
      int gt = indexOf('>', i);
      if (eq >= gt || q >= n || (s.charAt(q) != '"' && s.charAt(q) != '\'')) {
        i = gt;
        break;
      }
      int close = indexOf(s.charAt(q), q + 1);
      attribute(i, eq, q + 1, close);
      i = close + 1;
    }
    boolean empty = i < n && (s.charAt(i) == '/' || (s.charAt(i) == '>' && s.charAt(i - 1) == '/'));
    String typeCode = attribute("typeCode");
    boolean b64 = name.equals("text") && "B64".equals(attribute("representation"));
    stack.add(new Element(name, typeCode, b64, contextOf(name)));
    for (int k = 0; k < attrs; k++) {
      attributeValue(name, k);
    }
    if (b64) {
      base64 = new StringBuilder();
      base64Line = lineOf(i);
    }
    if (empty) {
      close(name);
    }
    return Math.min(n, indexOf('>', i) + 1);
  }

  /**
   * Records where an attribute's local name (within {@code from..eq}, trimmed, after any prefix)
   * and its value ({@code valueFrom..valueTo}) sit.
   */
  private void attribute(int from, int eq, int valueFrom, int valueTo) {
    int a = from;
    int b = eq;
    while (a < b && TextShapes.isWhitespace(s.charAt(a))) {
      a++;
    }
    while (b > a && TextShapes.isWhitespace(s.charAt(b - 1))) {
      b--;
    }
    for (int k = a; k < b; k++) {
      if (s.charAt(k) == ':') {
        a = k + 1;
        break;
      }
    }
    int at = attrs * 4;
    if (at + 4 > attrBounds.length) {
      attrBounds = java.util.Arrays.copyOf(attrBounds, attrBounds.length * 2);
    }
    attrBounds[at] = a;
    attrBounds[at + 1] = b;
    attrBounds[at + 2] = valueFrom;
    attrBounds[at + 3] = Math.min(valueTo, n);
    attrs++;
  }

  /** Whether the local name of attribute {@code k} of the open tag is {@code key}. */
  private boolean keyIs(int k, String key) {
    int from = attrBounds[k * 4];
    int to = attrBounds[k * 4 + 1];
    return to - from == key.length() && regionIs(from, key);
  }

  private CharSequence valueOf(int k) {
    return s.subSequence(attrBounds[k * 4 + 2], attrBounds[k * 4 + 3]);
  }

  /** The value of the first attribute of the open tag named {@code key}, or null. */
  private String attribute(String key) {
    for (int k = 0; k < attrs; k++) {
      if (keyIs(k, key)) {
        return valueOf(k).toString();
      }
    }
    return null;
  }

  private void attributeValue(String element, int k) {
    int at = attrBounds[k * 4 + 2];
    if (attrBounds[k * 4 + 3] <= at) {
      return;
    }
    if (keyIs(k, "value") && TIMES.contains(element)) {
      detector.scanValue(valueOf(k), lineOf(at), () -> path() + "@value", Cue.DATE, sink);
    } else if (keyIs(k, "value") && element.equals("telecom") && person()) {
      String value = valueOf(k).toString();
      sink.addKnown(lineOf(at), path() + "@value", telecomType(value), 0.9, strip(value));
    } else if (element.equals("id") && keyIs(k, "extension")) {
      id(attribute("root"), valueOf(k).toString(), lineOf(at));
    }
  }

  private void close(String name) {
    for (int k = stack.size() - 1; k >= 0; k--) {
      if (stack.get(k).name().equals(name)) {
        if (stack.get(k).base64() && base64 != null) {
          Attachments.scan(base64.toString(), base64Line, path(), detector, sink);
          base64 = null;
        }
        while (stack.size() > k) {
          stack.remove(stack.size() - 1);
        }
        return;
      }
    }
  }

  private void id(String root, String value, long l) {
    String field = path() + "@extension";
    if (NPI_OID.equals(root)) {
      sink.addKnown(
          l, field, IdentifierType.LICENSE, IdentifierRules.npi(value) ? 0.95 : 0.85, value);
    } else if (SSN_OID.equals(root) && person()) {
      sink.addKnown(l, field, IdentifierType.SSN, 0.95, value);
    } else if (person()) {
      sink.addKnown(l, field, personIdType(value), 0.9, value);
    }
  }

  private IdentifierType personIdType(String value) {
    if (value.indexOf('@') > 0) {
      return IdentifierType.EMAIL;
    }
    String context = personContext();
    if (context.equals("patientRole") || context.equals("patient")) {
      return IdentifierType.MRN;
    }
    return context.equals("participantRole") ? IdentifierType.HEALTH_PLAN : IdentifierType.OTHER_ID;
  }

  private static IdentifierType telecomType(String value) {
    String v = value.toLowerCase(java.util.Locale.ROOT);
    if (v.startsWith("mailto:") || v.indexOf('@') > 0) {
      return IdentifierType.EMAIL;
    }
    if (v.startsWith("fax:")) {
      return IdentifierType.FAX;
    }
    return v.startsWith("http") ? IdentifierType.URL : IdentifierType.PHONE;
  }

  private void text(int from, int to) {
    if (base64 != null) {
      base64.append(s, from, to);
      return;
    }
    if (!hasContent(from, to)) {
      return; // the indentation between tags
    }
    String element = stack.isEmpty() ? "" : stack.get(stack.size() - 1).name();
    boolean person = person();
    boolean namePart =
        element.equals("given") || element.equals("family") || element.equals("name");
    if (person && (namePart || ADDRESS_PARTS.contains(element))) {
      structuredText(element, from, to);
      return;
    }
    scanLines(from, to);
  }

  private void structuredText(String element, int from, int to) {
    int a = from;
    while (a < to && TextShapes.isWhitespace(s.charAt(a))) {
      a++;
    }
    if (a == to) {
      return;
    }
    String value = entities(s.subSequence(a, to).toString().strip());
    IdentifierType type =
        switch (element) {
          case "given", "family", "name" -> IdentifierType.NAME;
          case "postalCode" -> IdentifierType.ZIP;
          default -> IdentifierType.ADDRESS;
        };
    boolean street = element.equals("streetAddressLine");
    sink.add(lineOf(a), path(), type, 0.9, null);
    if (type == IdentifierType.NAME || street) {
      sink.remember(type, value);
    }
  }

  private void scanLines(int from, int to) {
    for (int start = from; ; ) {
      int k = s.lineBreak(start, to);
      if (k > start && hasContent(start, k)) {
        CharSequence piece = s.subSequence(start, k);
        if (hasAmpersand(start, k)) {
          piece = entities(piece.toString());
        }
        detector.scanValue(piece, lineOf(start), pathNow, Cue.NONE, sink);
      }
      if (k >= to) {
        return;
      }
      start = k + 1;
    }
  }

  private boolean hasAmpersand(int from, int to) {
    return TextShapes.indexOf(s, '&', from, to) < to;
  }

  private boolean hasContent(int from, int to) {
    for (int k = from; k < to; k++) {
      if (!TextShapes.isWhitespace(s.charAt(k))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the nearest person-or-organisation element above is a person's. */
  private boolean person() {
    return !personContext().isEmpty();
  }

  /**
   * The nearest person element above, or "" when there is none or an organisation or clinician
   * comes first: a coverage or holder participantRole counts as a person.
   */
  private String personContext() {
    return stack.isEmpty() ? "" : stack.get(stack.size() - 1).context();
  }

  /** The person context of an element named {@code name} about to open on the stack. */
  private String contextOf(String name) {
    if (NOT_PERSON.contains(name)) {
      return "";
    }
    if (PERSON.contains(name)) {
      return name;
    }
    if (name.equals("participantRole")) {
      String type = stack.isEmpty() ? null : stack.get(stack.size() - 1).typeCode();
      return "COV".equals(type) || "HLD".equals(type) ? "participantRole" : "";
    }
    return personContext();
  }

  private String path() {
    StringBuilder b = new StringBuilder();
    int from = Math.max(0, stack.size() - 4);
    for (int k = from; k < stack.size(); k++) {
      b.append(k == from ? "" : "/").append(stack.get(k).name());
    }
    return b.toString();
  }

  private long lineOf(int offset) {
    int k = lineCursor;
    long l = line;
    if (offset < k) {
      return l;
    }
    int end = Math.min(offset, n);
    while (k < end) {
      int b = s.lineBreak(k, end);
      if (b < end && (s.charAt(b) == '\n' || b + 1 >= n || s.charAt(b + 1) != '\n')) {
        l++;
      }
      k = Math.min(b + 1, end);
    }
    line = l;
    lineCursor = k;
    return l;
  }

  private static String local(String qname) {
    int colon = qname.indexOf(':');
    return colon >= 0 ? qname.substring(colon + 1) : qname;
  }

  private static String strip(String telecom) {
    int colon = telecom.indexOf(':');
    return colon >= 0 && colon < 7 ? telecom.substring(colon + 1) : telecom;
  }

  private static String entities(String t) {
    if (t.indexOf('&') < 0) {
      return t;
    }
    return t.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#160;", " ")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
  }

  private boolean regionIs(int at, String text) {
    for (int k = 0; k < text.length(); k++) {
      if (s.charAt(at + k) != text.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private boolean startsWith(int at, String prefix) {
    if (at + prefix.length() > n) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (s.charAt(at + k) != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private int indexOf(char c, int from) {
    return from >= n ? n : TextShapes.indexOf(s, c, from, n);
  }

  /** Where {@code needle} first starts at or after {@code from}, or the length when nowhere. */
  private int find(int from, String needle) {
    char first = needle.charAt(0);
    for (int k = indexOf(first, from); k + needle.length() <= n; k = indexOf(first, k + 1)) {
      if (startsWith(k, needle)) {
        return k;
      }
    }
    return n;
  }

  private int after(int from, String needle) {
    return Math.min(n, find(from, needle) + needle.length());
  }
}
