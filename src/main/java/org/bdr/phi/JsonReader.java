package org.bdr.phi;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads JSON, FHIR resources, bundles and bulk-data ndjson (one resource per line), and the DICOM
 * JSON model, token by token from the bytes ({@link JsonTokens}), keeping line numbers. A value is
 * typed by its path: a {@code given} inside a Patient's {@code name} is a name, an identifier's
 * {@code value} takes the type its {@code type.coding.code} gives, an attachment's base64 {@code
 * data} is decoded and scanned. Other strings go through the text detector with their key as
 * context.
 */
final class JsonReader {

  private static final Set<String> PERSONS = Set.of("Patient", "RelatedPerson", "Person");
  private static final Set<String> NAME_PARTS = Set.of("family", "given", "text");
  private static final Set<String> ADDRESS_PARTS =
      Set.of("line", "city", "district", "postalCode", "text");
  private static final Set<String> DEVICE_KEYS =
      Set.of(
          "deviceIdentifier",
          "carrierHRF",
          "carrierAIDC",
          "distinctIdentifier",
          "serialNumber",
          "lotNumber");
  private static final Set<String> PATIENT_LINKS = Set.of("subject", "patient", "beneficiary");
  private static final Set<String> NOT_TEXT =
      Set.of(
          "system",
          "code",
          "reference",
          "url",
          "profile",
          "fullUrl",
          "id",
          "version",
          "resourceType",
          "status",
          "use",
          "contentType",
          "unit",
          "vr",
          "manufactureDate",
          "expirationDate");

  /** What a value's key tells the reader, worked out once per distinct key of a file. */
  private static final class Key {
    static final int NOTED_NONE = 0;
    static final int NOTED_TYPE = 1;
    static final int NOTED_SYSTEM = 2;
    static final int NOTED_URL = 3;
    static final int NOTED_REFERENCE = 4;
    static final int NOTED_CODE = 5;

    final String name;

    /** Whether values under this key are codes, links or versions rather than text. */
    final boolean notText;

    /** Which fact of its object a string under this key is (one of the NOTED constants). */
    final int noted;

    /** The DICOM tag this key names, as shown; null when it names none. */
    final String tag;

    private Cue cue;

    Key(String name) {
      this.name = name;
      this.notText = NOT_TEXT.contains(name);
      this.noted =
          switch (name) {
            case "resourceType" -> NOTED_TYPE;
            case "system" -> NOTED_SYSTEM;
            case "url" -> NOTED_URL;
            case "reference" -> NOTED_REFERENCE;
            case "code" -> NOTED_CODE;
            default -> NOTED_NONE;
          };
      this.tag = DicomTags.isTagKey(name) ? DicomTags.display(name) : null;
    }

    /** The cue the key's name gives a value under it. */
    Cue cue() {
      if (cue == null) {
        cue = Cue.ofFieldName(name);
      }
      return cue;
    }
  }

  /** One open object or array. */
  private static final class Frame {
    /** The key this container is the value of; null for the root and for array elements. */
    final Key key;

    final boolean array;

    /** The DICOM tag of the nearest frame, this one or above, keyed by one; null if none. */
    final String tag;

    /** The nearest object frame: this one, or for an array the one above it; null if none. */
    final Frame object;

    /**
     * The resource type in force above this frame when it opened. A frame's own type is read while
     * it is open, and its parent's cannot change meanwhile (a key of the parent comes only after
     * this frame closes), so this and {@link #resourceType} give the nearest type at any time.
     */
    final String inheritedType;

    /** Whether the resource type in force above this frame when it opened is a person's. */
    final boolean inheritedPerson;

    int index = -1;
    Key pendingKey;
    String resourceType;

    /** Whether this frame's own resource type is a person's. */
    boolean person;

    String system;
    String idType;
    String url;
    String reference;

    Frame(Key key, boolean array, Frame parent) {
      this.key = key;
      this.array = array;
      boolean tagged = key != null && key.tag != null;
      this.tag = tagged ? key.tag : parent == null ? null : parent.tag;
      this.object = !array ? this : parent == null ? null : parent.object;
      this.inheritedType = parent == null ? null : parent.type();
      this.inheritedPerson = parent != null && parent.inPerson();
    }

    /** The name of {@link #key}, or null. */
    String keyName() {
      return key == null ? null : key.name;
    }

    /** The nearest resource type: this frame's, else the one in force above it. */
    String type() {
      return resourceType != null ? resourceType : inheritedType;
    }

    /** Whether the nearest resource type is a person's (Patient, RelatedPerson, Person). */
    boolean inPerson() {
      return resourceType != null ? person : inheritedPerson;
    }
  }

  private final TextDetector detector;

  /** The field path of the value being read, asked for only when a value has findings. */
  private final java.util.function.Supplier<String> pathNow = this::path;

  private final FindingSink sink;
  private final List<Frame> stack = new ArrayList<>();
  private long line;

  /** The line where reading stopped at malformed input; 1 until then. */
  private long failedLine = 1;

  JsonReader(TextDetector detector, FindingSink sink) {
    this.detector = detector;
    this.sink = sink;
  }

  /**
   * Reads the JSON; returns false when it is not well-formed (what was found stays, and {@link
   * #failedLine} tells where reading stopped).
   */
  boolean read(byte[] bytes, int size) {
    JsonTokens tokens = new JsonTokens(bytes, size);
    try {
      for (int t; (t = tokens.next()) != JsonTokens.END; ) {
        token(tokens, t);
      }
      return true;
    } catch (JsonTokens.Malformed | RuntimeException e) {
      return failed(); // what cannot be read through the structure is still scanned as text
    }
  }

  /**
   * The line from which the last read, stopped by malformed input, left text unread: every value
   * before that line was read through the structure, so a text scan of the rest may start there.
   */
  long failedLine() {
    return failedLine;
  }

  /** Notes where reading stopped: the line of the last value read, which a rescan repeats. */
  private boolean failed() {
    failedLine = Math.max(1, line);
    return false;
  }

  private void token(JsonTokens tokens, int t) {
    switch (t) {
      case JsonTokens.START_OBJECT, JsonTokens.START_ARRAY -> open(t == JsonTokens.START_ARRAY);
      case JsonTokens.END_OBJECT, JsonTokens.END_ARRAY -> close();
      case JsonTokens.KEY -> top().pendingKey = key(tokens);
      case JsonTokens.STRING -> {
        line = tokens.line();
        string(tokens.text());
      }
      case JsonTokens.NUMBER -> {
        line = tokens.line();
        number(tokens.text());
      }
      default -> {
        line = tokens.line();
        elementDone();
      }
    }
  }

  /** The facts of the current key, from the note the tokens keep of it when it came before. */
  private static Key key(JsonTokens tokens) {
    if (tokens.keyNote() instanceof Key k) {
      return k;
    }
    Key k = new Key(tokens.key());
    tokens.noteKey(k);
    return k;
  }

  private void open(boolean array) {
    Key key = null;
    Frame parent = null;
    if (!stack.isEmpty()) {
      parent = top();
      key = parent.array ? parent.key : parent.pendingKey;
      if (parent.array) {
        parent.index++;
      }
    }
    stack.add(new Frame(key, array, parent));
  }

  private void close() {
    if (!stack.isEmpty()) {
      stack.remove(stack.size() - 1);
    }
    elementDone();
  }

  private void elementDone() {
    if (!stack.isEmpty() && !top().array) {
      top().pendingKey = null;
    }
  }

  private Frame top() {
    return stack.get(stack.size() - 1);
  }

  private Key key() {
    if (stack.isEmpty()) {
      return null;
    }
    Frame f = top();
    if (f.array) {
      f.index++;
      return f.key;
    }
    return f.pendingKey;
  }

  private void string(Latin1Text value) {
    Key key = key();
    if (value.length() == 0) {
      elementDone();
      return;
    }
    if (key == null) {
      // a string under no key (a list of notes, a bare value in ndjson) is free text
      detector.scanValue(value, line, pathNow, Cue.NONE, sink);
      elementDone();
      return;
    }
    Frame obj = objectFrame();
    if (obj != null) {
      remember(obj, key, value);
    }
    classify(key, value);
    elementDone();
  }

  private void remember(Frame obj, Key key, Latin1Text value) {
    switch (key.noted) {
      case Key.NOTED_TYPE -> {
        obj.resourceType = value.toString();
        obj.person = PERSONS.contains(obj.resourceType);
      }
      case Key.NOTED_SYSTEM -> obj.system = value.toString();
      case Key.NOTED_URL -> obj.url = value.toString();
      case Key.NOTED_REFERENCE -> obj.reference = value.toString();
      case Key.NOTED_CODE -> typeCode(value);
      default -> {}
    }
  }

  /** A {@code type.coding[].code} names the type of the identifier object that holds it. */
  private void typeCode(Latin1Text code) {
    for (int i = stack.size() - 1; i > 0; i--) {
      if ("type".equals(stack.get(i).keyName()) && !stack.get(i - 1).array) {
        stack.get(i - 1).idType = code.toString();
        return;
      }
    }
  }

  private void classify(Key facts, Latin1Text value) {
    String key = facts.name;
    String tag = dicomTag();
    if (tag != null) {
      IdentifierType type = DicomTags.typeOf(tag);
      if (type != null && (key.equals("Value") || key.equals("Alphabetic"))) {
        sink.addKnown(line, tag, type, 0.9, value.toString());
      }
      return;
    }
    String resource = resourceType();
    IdentifierType type = structural(resource, key, value);
    if (type != null) {
      double confidence = type == IdentifierType.DATE ? 0.95 : 0.9;
      if (type == IdentifierType.DATE) {
        detector.scan(value, line, path(), Cue.DOB, sink);
      } else {
        sink.addKnown(line, path(), type, confidence, value.toString());
      }
    } else if (key.equals("data") && value.length() > 16) {
      Attachments.scan(value.toString(), line, path(), detector, sink);
    } else if (!facts.notText && !TextShapes.looksLikeUuid(value)) {
      detector.scanValue(value, line, pathNow, facts.cue(), sink);
    }
  }

  private IdentifierType structural(String resource, String key, Latin1Text value) {
    if (!stack.isEmpty() && top().inPerson()) {
      IdentifierType t = personValue(key, value);
      if (t != null) {
        return t;
      }
    }
    if ("Device".equals(resource) && DEVICE_KEYS.contains(key)) {
      return IdentifierType.DEVICE;
    }
    if ("ImagingStudy".equals(resource) && (key.equals("uid") || value.startsWith("urn:oid:"))) {
      return IdentifierType.OTHER_ID;
    }
    if (key.equals("display") && patientLink()) {
      return IdentifierType.NAME;
    }
    return null;
  }

  private IdentifierType personValue(String key, Latin1Text value) {
    if (within("photo")) {
      return IdentifierType.BIOMETRIC;
    }
    if (key.equals("birthDate") || key.equals("deceasedDateTime")) {
      return IdentifierType.DATE;
    }
    if (within("name") && NAME_PARTS.contains(key)) {
      return IdentifierType.NAME;
    }
    if ((within("address") || key.startsWith("valueAddress") || within("valueAddress"))
        && ADDRESS_PARTS.contains(key)) {
      return key.equals("postalCode") ? IdentifierType.ZIP : IdentifierType.ADDRESS;
    }
    Frame obj = objectFrame();
    if (key.equals("valueString")
        && obj != null
        && obj.url != null
        && obj.url.contains("MaidenName")) {
      return IdentifierType.NAME;
    }
    if (key.equals("value") && within("telecom")) {
      return telecomType(obj, value);
    }
    if (key.equals("value") && within("identifier")) {
      return identifierType(obj);
    }
    return null;
  }

  private static IdentifierType telecomType(Frame obj, Latin1Text value) {
    String system = obj == null || obj.system == null ? "" : obj.system;
    return switch (system) {
      case "fax" -> IdentifierType.FAX;
      case "email" -> IdentifierType.EMAIL;
      case "url" -> IdentifierType.URL;
      default ->
          TextShapes.indexOf(value, '@', 0, value.length()) < value.length()
              ? IdentifierType.EMAIL
              : IdentifierType.PHONE;
    };
  }

  private static IdentifierType identifierType(Frame obj) {
    String code = obj == null || obj.idType == null ? "" : obj.idType;
    String system = obj == null || obj.system == null ? "" : obj.system;
    if (system.contains("us-ssn")
        || system.endsWith("2.16.840.1.113883.4.1")
        || code.equals("SS")
        || code.equals("SB")) {
      return IdentifierType.SSN;
    }
    if (system.contains("us-npi") || code.equals("DL") || code.equals("NPI")) {
      return IdentifierType.LICENSE;
    }
    return switch (code) {
      case "PPN", "TAX", "NI", "BA", "DI" -> IdentifierType.OTHER_ID;
      case "MB", "MC", "MA", "SN", "MI" -> IdentifierType.HEALTH_PLAN;
      case "AN", "VN" -> IdentifierType.ACCOUNT;
      default -> IdentifierType.MRN;
    };
  }

  private void number(Latin1Text text) {
    Key facts = key();
    String key = facts == null ? null : facts.name;
    String resource = resourceType();
    String tag = dicomTag();
    if (tag != null && DicomTags.typeOf(tag) != null && "Value".equals(key)) {
      sink.add(line, tag, DicomTags.typeOf(tag), 0.9, null);
    } else if (resource != null
        && top().inPerson()
        && within("address")
        && TextShapes.indexOf(text, '.', 0, text.length()) < text.length()) {
      sink.add(line, path(), IdentifierType.ADDRESS, 0.85, null);
    }
    elementDone();
  }

  private boolean patientLink() {
    Frame obj = objectFrame();
    if (obj == null) {
      return false;
    }
    // the root object is the value of no key
    boolean linkKey = obj.key != null && PATIENT_LINKS.contains(obj.key.name);
    if (obj.reference != null) {
      return obj.reference.startsWith("Patient/")
          || obj.reference.contains("/Patient/")
          || (linkKey && !obj.reference.startsWith("Practitioner"));
    }
    return linkKey;
  }

  private Frame objectFrame() {
    return stack.isEmpty() ? null : top().object;
  }

  private boolean within(String key) {
    for (int i = stack.size() - 1; i >= 0; i--) {
      Frame f = stack.get(i);
      if (key.equals(f.keyName())) {
        return true;
      }
      if (f.resourceType != null) {
        return false;
      }
    }
    return false;
  }

  private String resourceType() {
    return stack.isEmpty() ? null : top().type();
  }

  private String dicomTag() {
    return stack.isEmpty() ? null : top().tag;
  }

  private String path() {
    if (stack.isEmpty()) {
      return "$";
    }
    StringBuilder b = new StringBuilder();
    Frame root = stack.get(0);
    b.append(root.resourceType != null ? root.resourceType : "$");
    for (int i = 1; i < stack.size(); i++) {
      Frame f = stack.get(i);
      Frame parent = stack.get(i - 1);
      if (!parent.array && f.key != null) {
        b.append('.').append(f.key.name);
      } else if (parent.array) {
        b.append('[').append(parent.index).append(']');
      }
    }
    Frame top = top();
    if (top.array) {
      b.append('[').append(top.index).append(']');
    } else if (top.pendingKey != null) {
      b.append('.').append(top.pendingKey.name);
    }
    return b.toString();
  }
}
