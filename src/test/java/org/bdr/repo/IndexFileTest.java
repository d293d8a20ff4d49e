package org.bdr.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class IndexFileTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Property(tries = 50)
  void read_whatWriteWrote_sameLocationsThroughTheCompactReader(
      @ForAll @IntRange(min = 0, max = 40) int packs, @ForAll long seed) throws IOException {
    Random rnd = new Random(seed);
    Map<Id, List<Packer.Entry>> written = randomPacks(rnd, packs);
    List<Id> supersedes = rnd.nextBoolean() ? List.of(randomId(rnd), randomId(rnd)) : List.of();
    byte[] file = IndexFile.write(written, supersedes);

    List<BlobLocation> compact = IndexFile.readCompact(file);

    assertThat(compact).isEqualTo(locations(written));
    assertThat(IndexFile.read(file)).isEqualTo(compact);
  }

  @Test
  void read_otherLayouts_sameLocationsThroughTheGeneralReader() throws IOException {
    Random rnd = new Random(7);
    Map<Id, List<Packer.Entry>> written = randomPacks(rnd, 5);
    byte[] file = IndexFile.write(written, List.of());
    List<BlobLocation> expected = locations(written);

    byte[] pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(JSON.readTree(file));
    JsonNode reordered = JSON.readTree(file);
    for (JsonNode pack : reordered.get("packs")) {
      for (JsonNode blob : pack.get("blobs")) {
        ObjectNode b = (ObjectNode) blob;
        JsonNode id = b.remove("id");
        b.set("extra", JSON.getNodeFactory().textNode("ignored"));
        b.set("id", id);
      }
    }
    byte[] shuffled = JSON.writeValueAsBytes(reordered);
    byte[] trailingNewline = (new String(file, StandardCharsets.US_ASCII) + "\n").getBytes();

    assertThat(IndexFile.readCompact(pretty)).isNull();
    assertThat(IndexFile.read(pretty)).isEqualTo(expected);
    assertThat(IndexFile.readCompact(shuffled)).isNull();
    assertThat(IndexFile.read(shuffled)).isEqualTo(expected);
    assertThat(IndexFile.readCompact(trailingNewline)).isEqualTo(expected);
  }

  @Test
  void read_damagedCompactFile_failsInsteadOfGuessing() throws IOException {
    Random rnd = new Random(11);
    String file =
        new String(IndexFile.write(randomPacks(rnd, 2), List.of()), StandardCharsets.US_ASCII);
    for (String damaged :
        new String[] {
          file.substring(0, file.length() / 2),
          file.replaceFirst("\"length\":", "\"length\":-"),
          file.replaceFirst("\"type\":\"data\"", "\"type\":\"blob\""),
          file.replaceFirst("\"id\":\"[0-9a-f]", "\"id\":\"x"),
        }) {
      byte[] bytes = damaged.getBytes(StandardCharsets.US_ASCII);
      assertThat(IndexFile.readCompact(bytes)).isNull();
      assertThatThrownBy(() -> IndexFile.read(bytes)).as(damaged).isInstanceOf(Exception.class);
    }
  }

  private static Map<Id, List<Packer.Entry>> randomPacks(Random rnd, int packs) {
    Map<Id, List<Packer.Entry>> out = new LinkedHashMap<>();
    for (int p = 0; p < packs; p++) {
      List<Packer.Entry> entries = new ArrayList<>();
      long offset = 0;
      for (int i = rnd.nextInt(30); i >= 0; i--) {
        int length = 32 + rnd.nextInt(9_000_000);
        int ulen = rnd.nextBoolean() ? rnd.nextInt(Integer.MAX_VALUE) : 0;
        BlobType type = rnd.nextInt(4) == 0 ? BlobType.TREE : BlobType.DATA;
        entries.add(new Packer.Entry(type, randomId(rnd), offset, length, ulen));
        offset += length;
      }
      out.put(randomId(rnd), entries);
    }
    return out;
  }

  private static List<BlobLocation> locations(Map<Id, List<Packer.Entry>> packs) {
    List<BlobLocation> out = new ArrayList<>();
    packs.forEach(
        (pack, entries) -> {
          for (Packer.Entry e : entries) {
            out.add(
                new BlobLocation(
                    e.type(), e.id(), pack, e.offset(), e.length(), e.uncompressedLength()));
          }
        });
    return out;
  }

  private static Id randomId(Random rnd) {
    byte[] b = new byte[32];
    rnd.nextBytes(b);
    if (rnd.nextInt(10) == 0) {
      java.util.Arrays.fill(b, (byte) 0xff);
    }
    return Id.of(b);
  }
}
