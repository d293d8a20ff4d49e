package org.bdr.phi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@link FileScan} behind {@link PhiScanner#open}: buffers a file up to a cap ({@link #CAP}
 * bytes unless the caller sets a lower one) to read it through its structure, and falls back to
 * line scanning beyond the cap. Every failure inside a parser becomes an ERROR result whose reason
 * names the format and the exception class, never the exception message, which may quote input.
 */
final class ScanSession implements FileScan {

  static final int CAP = 64 << 20;
  static final int HEAD = 8192;

  /** The first buffer of a file of unknown size. */
  static final int MIN_BUFFER = 16 * 1024;

  private final String path;
  private final String name;

  /** The decoding stages bytes pass on their way in; the gzip one only for a name ending .gz. */
  private final GzipExpander gzip;

  private final Utf16Decoder utf16 = new Utf16Decoder(this::accept);
  private final FindingSink sink;
  private final TextDetector detector = new TextDetector();
  private byte[] buf;
  private int size;
  private Format format;
  private LineScanner streaming;

  /** The UTF-8 check of plain text scanned as it streams; null otherwise or past the cap. */
  private Utf8Check textCheck;

  private boolean skipping;
  private boolean tooLarge;
  private String note;
  private FileResult result;

  /** The file's folder as a report shows it. */
  private final SafeFolder folder;

  /** The most bytes of the file buffered; beyond it text is scanned line by line. */
  private final int cap;

  ScanSession(String path, ScanOptions options) {
    this(path, null, options, 0);
  }

  /**
   * A session for {@link PhiScanner#open(String, int, long)}: buffering at most {@code cap} bytes,
   * its buffer sized for {@code expectedSize} bytes at once.
   */
  ScanSession(String path, ScanOptions options, int cap, long expectedSize) {
    this(path, null, options, cap, expectedSize);
  }

  /**
   * A session whose safe path starts with {@code folder}'s (already redacted), and which hides the
   * words of the names {@code folder} hid wherever the file's name repeats them, when given; else
   * its safe path starts with the folder part of {@code path} as is.
   */
  ScanSession(String path, SafeFolder folder, ScanOptions options) {
    this(path, folder, options, 0);
  }

  /** Like {@link #ScanSession(String, SafeFolder, ScanOptions)}, for a file of about this size. */
  ScanSession(String path, SafeFolder folder, ScanOptions options, long expectedSize) {
    this(path, folder, options, CAP, expectedSize);
  }

  private ScanSession(
      String path, SafeFolder folder, ScanOptions options, int cap, long expectedSize) {
    this.cap = cap;
    // one more byte than expected, so that a file read whole needs no second buffer to find its end
    this.buf = new byte[(int) Math.min(cap, Math.max(MIN_BUFFER, expectedSize + 1))];
    this.path = path;
    this.name = PathNames.lastPart(path);
    this.folder =
        folder != null ? folder : SafeFolder.of(path.substring(0, path.length() - name.length()));
    this.sink = new FindingSink(path, options);
    boolean gz = name.regionMatches(true, name.length() - 3, ".gz", 0, 3) && name.length() > 3;
    this.gzip = gz ? new GzipExpander(utf16::update) : null;
  }

  @Override
  public void update(byte[] b, int off, int len) {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    if (result != null || skipping) {
      return;
    }
    try {
      if (gzip != null) {
        gzip.update(b, off, len);
      } else {
        utf16.update(b, off, len);
      }
    } catch (UnreadableContent e) {
      abandon(e.getMessage());
    }
  }

  /** Takes decoded bytes; returns whether more are wanted. */
  private boolean accept(byte[] b, int off, int len) {
    if (result != null || skipping) {
      return false;
    }
    if (streaming != null) {
      checkStreamedText(b, off, len);
      streaming.update(b, off, len);
      return true;
    }
    if ((long) size + len > cap) {
      overflow(b, off, len);
      return !skipping;
    }
    append(b, off, len);
    if (format == null && size >= HEAD) {
      decideFormat();
      if (format == Format.TEXT) {
        streamText();
      }
    }
    return !skipping;
  }

  /**
   * Scans plain text line by line from here on, without buffering it: text has no structure to
   * read, so only its UTF-8 check needs the whole file, and that runs as the bytes pass.
   */
  private void streamText() {
    textCheck = new Utf8Check();
    textCheck.update(buf, 0, size);
    streaming = new LineScanner(detector, sink);
    streaming.update(buf, 0, size);
    buf = null;
  }

  /** Checks streamed text as a buffered file would be checked, up to the buffering cap. */
  private void checkStreamedText(byte[] b, int off, int len) {
    if (textCheck == null) {
      return;
    }
    if ((long) size + len > cap) {
      note = "larger than " + (cap >> 20) + " MiB; scanned line by line without its structure";
      textCheck = null;
      return;
    }
    textCheck.update(b, off, len);
    size += len;
  }

  @Override
  public FileResult finish() {
    if (result != null) {
      return result;
    }
    try {
      if (!skipping && (gzip == null || gzip.end())) {
        utf16.end();
      }
    } catch (UnreadableContent e) {
      return abandon(e.getMessage());
    }
    if (format == null) {
      decideFormat();
    }
    ScanStatus status = ScanStatus.SCANNED;
    try {
      status = scanContent();
    } catch (RuntimeException | StackOverflowError e) {
      status = ScanStatus.ERROR;
      String what = e instanceof UnreadableContent ? e.getMessage() : "malformed content";
      note = "could not read the file as " + format + " (" + what + ")";
    }
    buf = null;
    if (sink.dropped() > 0) {
      String capped =
          "more than " + FindingSink.MAX_FINDINGS + " findings; " + sink.dropped() + " not kept";
      note = note == null ? capped : note + "; " + capped;
    }
    return done(status, note);
  }

  /**
   * Ends the file as its contract says: an ERROR result without findings, not even those made in
   * the part already read, since a file that could not be read whole is not what a backup stores or
   * a report describes; its name is still redacted in the safe path.
   */
  @Override
  public FileResult fail(String reason) {
    if (result == null) {
      abandon(reason);
    }
    return result;
  }

  /**
   * Ends the file because its content cannot be read as a whole (a corrupt or bomb-like
   * compression): an ERROR result that keeps no finding from the part already read.
   */
  private FileResult abandon(String reason) {
    release();
    buf = null;
    streaming = null;
    String safePath = safeName(new FindingSink(path, sink.options()));
    result = new FileResult(path, safePath, ScanStatus.ERROR, reason, List.of());
    return result;
  }

  private FileResult done(ScanStatus status, String reason) {
    release();
    String encoding = encodingNote();
    if (encoding != null) {
      reason = reason == null ? encoding : encoding + "; " + reason;
    }
    String safePath = safeName(sink);
    List<Finding> findings = sink.findings();
    if (!safePath.equals(path)) {
      List<Finding> renamed = new ArrayList<>(findings.size());
      for (Finding f : findings) {
        renamed.add(new Finding(safePath, f.line(), f.field(), f.type(), f.confidence(), f.hint()));
      }
      findings = renamed;
    }
    result = new FileResult(path, safePath, status, reason, findings);
    return result;
  }

  /** The file's safe path, its name scanned into {@code names}. */
  private String safeName(FindingSink names) {
    return folder.path() + PathNames.scan(name, folder.names(), null, detector, names);
  }

  private ScanStatus scanContent() {
    if (streaming != null) {
      streaming.finish();
      if (textCheck != null && !textCheck.valid()) {
        note = "not valid UTF-8; read as Latin-1";
      }
      return ScanStatus.SCANNED;
    }
    if (tooLarge) {
      note = format + " file larger than " + (cap >> 20) + " MiB; its text was not extracted";
      return ScanStatus.ERROR;
    }
    if (format == Format.BINARY) {
      return ScanStatus.SKIPPED_BINARY;
    }
    ContentScanner scanner = new ContentScanner(detector, sink);
    if (format.textual()) {
      if (TextShapes.validUtf8(buf, size)) {
        size = TextShapes.latin1Letters(buf, size);
      } else {
        note = "not valid UTF-8; read as Latin-1";
      }
    }
    String fallback = scanner.scan(format, buf, size, formatName());
    if (fallback != null) {
      note = note == null ? fallback : note + "; " + fallback;
    }
    return ScanStatus.SCANNED;
  }

  private void overflow(byte[] b, int off, int len) {
    if (format == null) {
      decideFormat();
    }
    if (format.streamable() || format == Format.TEXT) {
      note = "larger than " + (cap >> 20) + " MiB; scanned line by line without its structure";
      streaming = new LineScanner(detector, sink);
      streaming.update(buf, 0, size);
      buf = null;
      streaming.update(b, off, len);
    } else {
      tooLarge = format != Format.DICOM && format != Format.BINARY;
      skipping = true;
    }
  }

  private void release() {
    if (gzip != null) {
      gzip.release();
    }
  }

  /** Says how the bytes were decoded before scanning, or null when they were read as they are. */
  private String encodingNote() {
    Utf16Decoder.Encoding e = utf16.encoding();
    String text =
        e == Utf16Decoder.Encoding.UTF_16LE
            ? "UTF-16LE"
            : e == Utf16Decoder.Encoding.UTF_16BE ? "UTF-16BE" : null;
    boolean gz = gzip != null && gzip.expanding();
    if (gz) {
      return text == null
          ? "decompressed from gzip"
          : "decompressed from gzip; decoded from " + text;
    }
    return text == null ? null : "decoded from " + text;
  }

  /** The name whose extension tells the format: a gzip file's name without its .gz. */
  private String formatName() {
    return gzip != null && gzip.expanding() ? name.substring(0, name.length() - 3) : name;
  }

  private void decideFormat() {
    String formatName = formatName();
    format = Format.detect(formatName, buf, Math.min(size, HEAD));
    if (format == Format.BINARY) {
      skipping = true;
      buf = new byte[0];
      size = 0;
    }
  }

  private void append(byte[] b, int off, int len) {
    if (size + len > buf.length) {
      buf = Arrays.copyOf(buf, (int) Math.min(cap, Math.max((long) size + len, buf.length * 2L)));
    }
    System.arraycopy(b, off, buf, size, len);
    size += len;
  }
}
