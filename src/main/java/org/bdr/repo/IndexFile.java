package org.bdr.repo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes restic index files: for each pack, the blobs it holds and where. Streams the
 * JSON so that large index files need no object tree in memory.
 */
final class IndexFile {

  private static final JsonFactory JSON = new JsonFactory();

  private IndexFile() {}

  /** Serialises packs and their entries, optionally naming index files this one supersedes. */
  static byte[] write(Map<Id, List<Packer.Entry>> packs, List<Id> supersedes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      if (!supersedes.isEmpty()) {
        g.writeArrayFieldStart("supersedes");
        for (Id id : supersedes) {
          g.writeString(id.hex());
        }
        g.writeEndArray();
      }
      g.writeArrayFieldStart("packs");
      for (Map.Entry<Id, List<Packer.Entry>> pack : packs.entrySet()) {
        g.writeStartObject();
        g.writeStringField("id", pack.getKey().hex());
        g.writeArrayFieldStart("blobs");
        for (Packer.Entry e : pack.getValue()) {
          g.writeStartObject();
          g.writeStringField("id", e.id().hex());
          g.writeStringField("type", e.type().json());
          g.writeNumberField("offset", e.offset());
          g.writeNumberField("length", e.length());
          if (e.uncompressedLength() > 0) {
            g.writeNumberField("uncompressed_length", e.uncompressedLength());
          }
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  /** Parses an index file into blob locations. */
  static List<BlobLocation> read(byte[] json) throws IOException {
    List<BlobLocation> compact = readCompact(json);
    return compact != null ? compact : readAnyForm(json);
  }

  /** The locations of an index file in the compact form (see {@link Compact}), else null. */
  static List<BlobLocation> readCompact(byte[] json) {
    return new Compact(json).read();
  }

  /** The general JSON reader, for index files not in the compact form. */
  private static List<BlobLocation> readAnyForm(byte[] json) throws IOException {
    List<BlobLocation> out = new ArrayList<>();
    try (JsonParser p = JSON.createParser(json)) {
      expect(p.nextToken(), JsonToken.START_OBJECT);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals("packs")) {
          readPacks(p, out);
        } else {
          p.skipChildren();
        }
      }
    }
    return out;
  }

  private static void readPacks(JsonParser p, List<BlobLocation> out) throws IOException {
    expect(p.currentToken(), JsonToken.START_ARRAY);
    while (p.nextToken() == JsonToken.START_OBJECT) {
      Id pack = null;
      List<Blob> blobs = new ArrayList<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals("id")) {
          pack = id(p);
        } else if (field.equals("blobs")) {
          readBlobs(p, blobs);
        } else {
          p.skipChildren();
        }
      }
      if (pack == null) {
        throw new IOException("index lists a pack without an id");
      }
      for (Blob b : blobs) {
        out.add(new BlobLocation(b.type, b.id, pack, b.offset, b.length, b.uncompressedLength));
      }
    }
  }

  /** One blob entry while its pack's id may still be unknown. */
  private static final class Blob {
    Id id;
    BlobType type;
    long offset = -1;
    int length = -1;
    int uncompressedLength;
  }

  private static void readBlobs(JsonParser p, List<Blob> blobs) throws IOException {
    expect(p.currentToken(), JsonToken.START_ARRAY);
    while (p.nextToken() == JsonToken.START_OBJECT) {
      Blob b = new Blob();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "id" -> b.id = id(p);
          case "type" -> b.type = BlobType.ofJson(p.getText());
          case "offset" -> b.offset = p.getLongValue();
          case "length" -> b.length = p.getIntValue();
          case "uncompressed_length" -> b.uncompressedLength = p.getIntValue();
          default -> p.skipChildren();
        }
      }
      if (b.id == null || b.type == null || b.offset < 0 || b.length < 0) {
        throw new IOException("index lists a blob without id, type, offset or length");
      }
      blobs.add(b);
    }
  }

  private static Id id(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw new IOException("index holds an id that is not a string");
    }
    return Id.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
  }

  private static void expect(JsonToken got, JsonToken want) throws IOException {
    if (got != want) {
      throw new IOException("index is malformed: expected " + want + ", found " + got);
    }
  }

  /**
   * A reader for the exact form restic and bdr write: no spaces, fields in the order {@code id,
   * type, offset, length, uncompressed_length}. It does a small fraction of a general parser's work
   * per byte, which matters at start-up, before the JIT has compiled anything; at the first byte
   * that differs from that form it gives up and the general parser reads the file.
   */
  private static final class Compact {
    private static final byte[] START = ascii("{");
    private static final byte[] SUPERSEDES = ascii("\"supersedes\":[");
    private static final byte[] PACKS = ascii("\"packs\":[");
    private static final byte[] PACK_ID = ascii("{\"id\":\"");
    private static final byte[] BLOBS = ascii("\",\"blobs\":[");
    private static final byte[] BLOB_ID = ascii("{\"id\":\"");
    private static final byte[] TYPE_DATA = ascii("\",\"type\":\"data\",\"offset\":");
    private static final byte[] TYPE_TREE = ascii("\",\"type\":\"tree\",\"offset\":");
    private static final byte[] LENGTH = ascii(",\"length\":");
    private static final byte[] UNCOMPRESSED = ascii(",\"uncompressed_length\":");

    private final byte[] b;
    private int p;

    Compact(byte[] b) {
      this.b = b;
    }

    /** The locations, or null if the file is not in the compact form. */
    List<BlobLocation> read() {
      List<BlobLocation> out = new ArrayList<>();
      if (!take(START)) {
        return null;
      }
      if (take(SUPERSEDES)) {
        while (p < b.length && b[p] != ']') {
          p++;
        }
        if (!take((byte) ']') || !take((byte) ',')) {
          return null;
        }
      }
      if (!take(PACKS)) {
        return null;
      }
      if (!take((byte) ']')) {
        do {
          if (!pack(out)) {
            return null;
          }
        } while (take((byte) ','));
        if (!take((byte) ']')) {
          return null;
        }
      }
      if (!take((byte) '}')) {
        return null;
      }
      while (p < b.length && (b[p] == '\n' || b[p] == ' ' || b[p] == '\r' || b[p] == '\t')) {
        p++;
      }
      return p == b.length ? out : null;
    }

    private boolean pack(List<BlobLocation> out) {
      if (!take(PACK_ID)) {
        return false;
      }
      Id pack = id();
      if (pack == null || !take(BLOBS)) {
        return false;
      }
      if (take((byte) ']')) {
        return take((byte) '}');
      }
      do {
        if (!take(BLOB_ID)) {
          return false;
        }
        Id id = id();
        if (id == null) {
          return false;
        }
        BlobType type;
        if (take(TYPE_DATA)) {
          type = BlobType.DATA;
        } else if (take(TYPE_TREE)) {
          type = BlobType.TREE;
        } else {
          return false;
        }
        long offset = number();
        if (offset < 0 || !take(LENGTH)) {
          return false;
        }
        long length = number();
        long uncompressed = take(UNCOMPRESSED) ? number() : 0;
        if (length < 0
            || length > Integer.MAX_VALUE
            || uncompressed < 0
            || uncompressed > Integer.MAX_VALUE
            || !take((byte) '}')) {
          return false;
        }
        out.add(new BlobLocation(type, id, pack, offset, (int) length, (int) uncompressed));
      } while (take((byte) ','));
      return take((byte) ']') && take((byte) '}');
    }

    private Id id() {
      Id id = Id.parseAscii(b, p);
      if (id == null || p + 64 >= b.length || b[p + 64] != '"') {
        return null;
      }
      p += 64;
      return id;
    }

    /** A non-negative decimal number without sign, fraction or exponent; -1 if there is none. */
    private long number() {
      if (p >= b.length) {
        return -1;
      }
      int start = p;
      long v = 0;
      while (p < b.length && b[p] >= '0' && b[p] <= '9' && p - start < 18) {
        v = v * 10 + (b[p++] - '0');
      }
      boolean leadingZero = b[start] == '0' && p - start > 1;
      boolean more = p < b.length && (b[p] >= '0' && b[p] <= '9' || b[p] == '.' || b[p] == 'e');
      return p == start || leadingZero || more ? -1 : v;
    }

    private boolean take(byte c) {
      if (p < b.length && b[p] == c) {
        p++;
        return true;
      }
      return false;
    }

    private boolean take(byte[] token) {
      if (p + token.length > b.length) {
        return false;
      }
      for (int i = 0; i < token.length; i++) {
        if (b[p + i] != token[i]) {
          return false;
        }
      }
      p += token.length;
      return true;
    }

    private static byte[] ascii(String s) {
      return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
  }
}
