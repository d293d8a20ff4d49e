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
      List<String[]> blobs = new ArrayList<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (field.equals("id")) {
          pack = Id.parse(p.getText());
        } else if (field.equals("blobs")) {
          readBlobs(p, blobs);
        } else {
          p.skipChildren();
        }
      }
      if (pack == null) {
        throw new IOException("index lists a pack without an id");
      }
      for (String[] b : blobs) {
        out.add(
            new BlobLocation(
                BlobType.ofJson(b[1]),
                Id.parse(b[0]),
                pack,
                Long.parseLong(b[2]),
                Integer.parseInt(b[3]),
                b[4] == null ? 0 : Integer.parseInt(b[4])));
      }
    }
  }

  private static void readBlobs(JsonParser p, List<String[]> blobs) throws IOException {
    expect(p.currentToken(), JsonToken.START_ARRAY);
    while (p.nextToken() == JsonToken.START_OBJECT) {
      String[] b = new String[5];
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "id" -> b[0] = p.getText();
          case "type" -> b[1] = p.getText();
          case "offset" -> b[2] = p.getText();
          case "length" -> b[3] = p.getText();
          case "uncompressed_length" -> b[4] = p.getText();
          default -> p.skipChildren();
        }
      }
      if (b[0] == null || b[1] == null || b[2] == null || b[3] == null) {
        throw new IOException("index lists a blob without id, type, offset or length");
      }
      blobs.add(b);
    }
  }

  private static void expect(JsonToken got, JsonToken want) throws IOException {
    if (got != want) {
      throw new IOException("index is malformed: expected " + want + ", found " + got);
    }
  }
}
