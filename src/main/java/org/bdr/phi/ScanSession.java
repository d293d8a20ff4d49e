package org.bdr.phi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@link FileScan} behind {@link PhiScanner#open}: buffers a file up to {@link #CAP} bytes to
 * read it through its structure, and falls back to line scanning beyond the cap. Every failure
 * inside a parser becomes an ERROR result whose reason names the format and the exception class,
 * never the exception message, which may quote input.
 */
final class ScanSession implements FileScan {

  static final int CAP = 64 << 20;
  static final int HEAD = 8192;

  private final String path;
  private final String name;
  private final FindingSink sink;
  private final TextDetector detector = new TextDetector();
  private byte[] buf = new byte[16 * 1024];
  private int size;
  private Format format;
  private LineScanner streaming;

  /** The UTF-8 check of plain text scanned as it streams; null otherwise or past the cap. */
  private Utf8Check textCheck;

  private boolean skipping;
  private boolean tooLarge;
  private String note;
  private FileResult result;

  private final String safeDir;

  ScanSession(String path, ScanOptions options) {
    this(path, null, options);
  }

  /**
   * A session whose safe path starts with {@code safeDir} (the folder part, already redacted) when
   * given, else with the folder part of {@code path} as is.
   */
  ScanSession(String path, String safeDir, ScanOptions options) {
    this.path = path;
    this.name = PathNames.lastPart(path);
    this.safeDir = safeDir != null ? safeDir : path.substring(0, path.length() - name.length());
    this.sink = new FindingSink(path, options);
  }

  @Override
  public void update(byte[] b, int off, int len) {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    if (result != null || skipping) {
      return;
    }
    if (streaming != null) {
      checkStreamedText(b, off, len);
      streaming.update(b, off, len);
      return;
    }
    if ((long) size + len > CAP) {
      overflow(b, off, len);
      return;
    }
    append(b, off, len);
    if (format == null && size >= HEAD) {
      decideFormat();
      if (format == Format.TEXT) {
        streamText();
      }
    }
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
    if ((long) size + len > CAP) {
      note = "larger than " + (CAP >> 20) + " MiB; scanned line by line without its structure";
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

  @Override
  public FileResult fail(String reason) {
    if (result == null) {
      buf = null;
      streaming = null;
      result = done(ScanStatus.ERROR, reason);
    }
    return result;
  }

  private FileResult done(ScanStatus status, String reason) {
    String safePath = safeDir + PathNames.scan(name, detector, sink);
    List<Finding> findings = new ArrayList<>();
    for (Finding f : sink.findings()) {
      findings.add(new Finding(safePath, f.line(), f.field(), f.type(), f.confidence(), f.hint()));
    }
    result = new FileResult(path, safePath, status, reason, findings);
    return result;
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
      note = format + " file larger than " + (CAP >> 20) + " MiB; its text was not extracted";
      return ScanStatus.ERROR;
    }
    if (format == Format.BINARY) {
      return ScanStatus.SKIPPED_BINARY;
    }
    ContentScanner scanner = new ContentScanner(detector, sink);
    if (format.textual() && !validUtf8()) {
      note = "not valid UTF-8; read as Latin-1";
    }
    String fallback = scanner.scan(format, buf, size, name);
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
      note = "larger than " + (CAP >> 20) + " MiB; scanned line by line without its structure";
      streaming = new LineScanner(detector, sink);
      streaming.update(buf, 0, size);
      buf = null;
      streaming.update(b, off, len);
    } else {
      tooLarge = format != Format.DICOM && format != Format.BINARY;
      skipping = true;
    }
  }

  private void decideFormat() {
    format = Format.detect(name, Arrays.copyOf(buf, Math.min(size, HEAD)), Math.min(size, HEAD));
    if (format == Format.BINARY) {
      skipping = true;
      buf = new byte[0];
      size = 0;
    }
  }

  private void append(byte[] b, int off, int len) {
    if (size + len > buf.length) {
      buf = Arrays.copyOf(buf, (int) Math.min(CAP, Math.max((long) size + len, buf.length * 2L)));
    }
    System.arraycopy(b, off, buf, size, len);
    size += len;
  }

  private boolean validUtf8() {
    return TextShapes.validUtf8(buf, size);
  }
}
