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
}
