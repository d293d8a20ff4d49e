package org.bdr.phi;

/**
 * Runs the reader for a detected format over a buffered file, falls back to line scanning when the
 * structure turns out broken, and finally looks for repeats of identifiers the structure revealed.
 */
final class ContentScanner {

  private final TextDetector detector;
  private final FindingSink sink;

  ContentScanner(TextDetector detector, FindingSink sink) {
    this.detector = detector;
    this.sink = sink;
  }

  /** Scans the bytes; returns a note when the file was read other than its format says, or null. */
  String scan(Format format, byte[] bytes, int size, String name) {
    Latin1Text text = new Latin1Text(bytes, 0, size);
    String note = null;
    switch (format) {
      case HL7 -> new Hl7Reader(detector, sink).read(text);
      case X12 -> new X12Reader(detector, sink).read(text);
      case CSV -> new CsvReader(detector, sink, ',').read(text);
      case TSV -> new CsvReader(detector, sink, '\t').read(text);
      case JSON -> note = json(bytes, size);
      case XML -> new XmlReader(detector, sink).read(text);
      case DICOM -> new DicomReader(sink).read(bytes, size, name);
      case PDF, DOCX, XLSX -> DocumentText.scan(format, bytes, size, detector, sink);
      default -> lines(bytes, size, 1);
    }
    if (format.textual() && format != Format.TEXT) {
      KnownValues.findRepeats(bytes, size, sink, format != Format.HL7);
    }
    return note;
  }

  /**
   * Reads JSON through its structure (whatever the encoding of its strings: the bytes are read as
   * they are). Malformed JSON keeps what was read before the fault, and the text from the fault's
   * line on is scanned line by line, so no part is scanned twice over.
   */
  private String json(byte[] bytes, int size) {
    JsonReader reader = new JsonReader(detector, sink);
    if (reader.read(bytes, size)) {
      return null;
    }
    lines(bytes, size, reader.failedLine());
    return "not well-formed JSON; scanned as text";
  }

  /**
   * Scans a buffered file line by line in place, long lines in pieces of the line cap, from line
   * {@code first} on.
   */
  private void lines(byte[] bytes, int size, long first) {
    int start = 0;
    long line = 1;
    while (true) {
      int i = TextShapes.lineBreak(bytes, start, size);
      for (int p = start; p < i && line >= first; p += LineScanner.MAX_LINE) {
        int len = Math.min(LineScanner.MAX_LINE, i - p);
        detector.scan(new Latin1Text(bytes, p, len), line, null, Cue.NONE, sink);
      }
      if (i >= size) {
        return;
      }
      if (bytes[i] == '\r' && i + 1 < size && bytes[i + 1] == '\n') {
        i++;
      }
      line++;
      start = i + 1;
    }
  }
}
