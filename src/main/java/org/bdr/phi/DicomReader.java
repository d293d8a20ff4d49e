package org.bdr.phi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads the header of a DICOM file: the 128-byte preamble and "DICM", the file meta group (explicit
 * VR little endian), then the data set in the transfer syntax the meta group names (implicit or
 * explicit VR, little or big endian, deflated). Sequences are walked flat, so identifying elements
 * inside items (DICOMDIR records) are found too. Stops at pixel data. Findings report line 0 and
 * the tag as field.
 */
final class DicomReader {

  private static final Set<String> LONG_VRS =
      Set.of("OB", "OW", "OF", "SQ", "UT", "UN", "UC", "UR", "OD", "OL", "OV", "SV", "UV");
  private static final int PIXEL_DATA = 0x7FE00010;
  private static final int ITEM_GROUP = 0xFFFE;
  private static final int MAX_INFLATED = 64 << 20;
  private static final long UNDEFINED = 0xFFFFFFFFL;

  private final FindingSink sink;
  private byte[] b;
  private int end;
  private boolean explicit = true;
  private boolean bigEndian;

  DicomReader(FindingSink sink) {
    this.sink = sink;
  }

  void read(byte[] bytes, int size, String name) {
    b = bytes;
    end = size;
    int pos = 0;
    String syntax = null;
    if (size >= 132 && new String(bytes, 128, 4, StandardCharsets.US_ASCII).equals("DICM")) {
      MetaResult meta = meta(132);
      pos = meta.next();
      syntax = meta.syntax();
    } else {
      explicit = size >= 6 && Character.isUpperCase(bytes[4]) && Character.isUpperCase(bytes[5]);
    }
    if (syntax != null) {
      pos = dataSetStart(syntax, pos);
    }
    elements(pos);
  }

  private record MetaResult(int next, String syntax) {}

  private MetaResult meta(int start) {
    int pos = start;
    String syntax = null;
    while (pos + 8 <= end && u16(pos) == 0x0002) {
      int element = u16(pos + 2);
      String vr = new String(b, pos + 4, 2, StandardCharsets.US_ASCII);
      int header = LONG_VRS.contains(vr) ? 12 : 8;
      long len = LONG_VRS.contains(vr) ? u32(pos + 8) : u16(pos + 6);
      if (len == UNDEFINED || pos + header + len > end) {
        break;
      }
      if (element == 0x0010) {
        syntax = text(pos + header, (int) len);
      }
      pos += header + (int) len;
    }
    return new MetaResult(pos, syntax);
  }

  private int dataSetStart(String syntax, int pos) {
    switch (syntax) {
      case "1.2.840.10008.1.2" -> explicit = false;
      case "1.2.840.10008.1.2.2" -> bigEndian = true;
      case "1.2.840.10008.1.2.1.99" -> {
        inflate(pos);
        return 0;
      }
      default -> explicit = true;
    }
    return pos;
  }

  private void inflate(int pos) {
    Inflater inflater = new Inflater(true);
    inflater.setInput(b, pos, end - pos);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[64 * 1024];
    try {
      while (!inflater.finished() && out.size() < MAX_INFLATED) {
        int k = inflater.inflate(chunk);
        if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        out.write(chunk, 0, k);
      }
    } catch (DataFormatException e) {
      // keep what was inflated; the rest is unreadable
    } finally {
      inflater.end();
    }
    b = out.toByteArray();
    end = b.length;
  }

  private void elements(int start) {
    int pos = start;
    while (pos + 8 <= end) {
      int group = u16(pos);
      int element = u16(pos + 2);
      int tag = (group << 16) | element;
      if (tag == PIXEL_DATA) {
        return;
      }
      if (group == ITEM_GROUP) {
        pos += 8;
        continue;
      }
      String vr = explicit ? new String(b, pos + 4, 2, StandardCharsets.US_ASCII) : null;
      boolean longForm = vr != null && LONG_VRS.contains(vr);
      int header = explicit ? (longForm ? 12 : 8) : 8;
      if (pos + header > end) {
        return;
      }
      long len = explicit ? (longForm ? u32(pos + 8) : u16(pos + 6)) : u32(pos + 4);
      pos += header;
      if (len == UNDEFINED || "SQ".equals(vr)) {
        continue;
      }
      if (pos + len > end || len < 0) {
        return;
      }
      value(tag, pos, (int) len);
      pos += (int) len;
    }
  }

  private void value(int tag, int pos, int len) {
    IdentifierType type = DicomTags.typeOf(tag);
    if (type == null || len == 0 || len > 4096) {
      return;
    }
    String v = text(pos, len);
    if (!v.isBlank()) {
      sink.addKnown(0, DicomTags.display(tag), type, 0.9, v);
    }
  }

  private String text(int pos, int len) {
    String v = new String(b, pos, len, StandardCharsets.ISO_8859_1);
    return v.replace('\0', ' ').strip();
  }

  private int u16(int pos) {
    int lo = b[pos] & 0xFF;
    int hi = b[pos + 1] & 0xFF;
    return bigEndian ? (lo << 8) | hi : (hi << 8) | lo;
  }

  private long u32(int pos) {
    long b0 = b[pos] & 0xFF;
    long b1 = b[pos + 1] & 0xFF;
    long b2 = b[pos + 2] & 0xFF;
    long b3 = b[pos + 3] & 0xFF;
    return bigEndian
        ? (b0 << 24) | (b1 << 16) | (b2 << 8) | b3
        : (b3 << 24) | (b2 << 16) | (b1 << 8) | b0;
  }
}
