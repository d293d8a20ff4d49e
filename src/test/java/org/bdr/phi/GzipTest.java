package org.bdr.phi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bdr.phi.IdentifierType.DATE;
import static org.bdr.phi.IdentifierType.NAME;
import static org.bdr.phi.IdentifierType.SSN;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A single gzip file is scanned for what it holds, by its inner name's format. */
class GzipTest {

  private static final String CSV =
      "Id,BIRTHDATE,SSN,FIRST,LAST\np1,1961-03-14,999-12-3456,Zebulon,Quackenbush\n";

  @TempDir Path dir;

  @Test
  void csvGz_isScannedAsCsvAndNamedByTheGzFile() throws IOException {
    Files.write(dir.resolve("export.csv.gz"), gzip(CSV.getBytes(StandardCharsets.UTF_8)));

    ScanReport report = new PhiScanner(ScanOptions.defaults()).scan(List.of(dir));

    assertThat(report.filesScanned()).isEqualTo(1);
    assertThat(report.findings()).allMatch(f -> f.path().endsWith("export.csv.gz"));
    assertThat(report.findings())
        .filteredOn(f -> f.line() == 2)
        .extracting(Finding::type)
        .contains(SSN, NAME, DATE);
  }

  @Test
  void gzipPushedInOddPieces_givesTheSameFindingsAsInOne() throws IOException {
    byte[] gz = gzip(longNote().getBytes(StandardCharsets.UTF_8));
    FileScan scan = new PhiScanner(ScanOptions.defaults()).open("note.txt.gz");
    for (int off = 0; off < gz.length; off += 7) {
      scan.update(gz, off, Math.min(7, gz.length - off));
    }

    FileResult r = scan.finish();

    assertThat(r.reason()).isEqualTo("decompressed from gzip");
    assertThat(r.findings()).isNotEmpty();
    assertThat(r.findings())
        .isEqualTo(Scans.bytes("note.txt.gz", gz, Sensitivity.MEDIUM).findings());
    assertThat(Scans.typesOn(r, 3_001)).contains(SSN);
  }

  @Test
  void headerWithNameCommentExtraAndChecksum_isSkippedOver() {
    byte[] gz = gzipWithFullHeader(CSV.getBytes(StandardCharsets.UTF_8));

    FileResult r = Scans.bytes("export.csv.gz", gz, Sensitivity.MEDIUM);

    assertThat(r.status()).isEqualTo(ScanStatus.SCANNED);
    assertThat(Scans.typesOn(r, 2)).contains(SSN, NAME, DATE);
  }

  @Test
  void concatenatedMembers_areReadInTurn() throws IOException {
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    both.writeBytes(gzip("Id,SSN,FIRST,LAST\n".getBytes(StandardCharsets.UTF_8)));
    both.writeBytes(gzip("p1,999-12-3456,Zebulon,Quackenbush\n".getBytes(StandardCharsets.UTF_8)));

    FileResult r = Scans.bytes("rows.csv.gz", both.toByteArray(), Sensitivity.MEDIUM);

    assertThat(Scans.typesOn(r, 2)).contains(SSN, NAME);
  }

  @Test
  void utf16InsideGzip_isDecodedToo() throws IOException {
    byte[] utf16 = ("\uFEFF" + CSV).getBytes(StandardCharsets.UTF_16LE);

    FileResult r = Scans.bytes("export.csv.gz", gzip(utf16), Sensitivity.MEDIUM);

    assertThat(r.reason()).isEqualTo("decompressed from gzip; decoded from UTF-16LE");
    assertThat(Scans.typesOn(r, 2)).contains(SSN, NAME, DATE);
  }

  @Test
  void gzipBomb_isAFindingFreeErrorEntryAndTheScanGoesOn() throws IOException {
    Files.write(dir.resolve("export.txt.gz"), bomb());
    Files.writeString(dir.resolve("after.txt"), "SSN 219-09-9999");

    ScanReport report = new PhiScanner(ScanOptions.defaults()).scan(List.of(dir));

    assertThat(report.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.path()).endsWith("export.txt.gz");
              assertThat(e.reason()).startsWith("gzip bomb suspected");
            });
    assertThat(report.findings()).isNotEmpty().allMatch(f -> f.path().endsWith("after.txt"));
  }

  @Test
  void corruptChecksum_isAFindingFreeErrorEntry() throws IOException {
    byte[] gz = gzip(longNote().getBytes(StandardCharsets.UTF_8));
    gz[gz.length - 6] ^= 1;

    FileResult r = Scans.bytes("note.txt.gz", gz, Sensitivity.MEDIUM);

    assertThat(r.status()).isEqualTo(ScanStatus.ERROR);
    assertThat(r.reason()).isEqualTo("the gzip data is corrupt (checksum mismatch)");
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void truncatedGzip_isAnErrorEntry() throws IOException {
    byte[] gz = gzip(longNote().getBytes(StandardCharsets.UTF_8));

    FileResult r = Scans.bytes("note.txt.gz", Arrays.copyOf(gz, gz.length / 2), Sensitivity.MEDIUM);

    assertThat(r.status()).isEqualTo(ScanStatus.ERROR);
    assertThat(r.reason()).isEqualTo("the gzip data is truncated");
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void gzNameWithoutGzipContent_isScannedAsItIs() {
    FileResult r = Scans.medium("notes.gz", "Patient SSN 219-09-9999\n");

    assertThat(r.status()).isEqualTo(ScanStatus.SCANNED);
    assertThat(r.reason()).isNull();
    assertThat(Scans.typesOn(r, 1)).contains(SSN);
  }

  @Test
  void binaryInsideGzip_isSkipped() throws IOException {
    byte[] binary = new byte[50_000];
    new java.util.Random(3).nextBytes(binary);

    FileResult r = Scans.bytes("image.raw.gz", gzip(binary), Sensitivity.MEDIUM);

    assertThat(r.status()).isEqualTo(ScanStatus.SKIPPED_BINARY);
  }

  private static String longNote() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 3_000; i++) {
      text.append("Visit ").append(i).append(": patient stable, plan unchanged.\n");
    }
    return text.append("Patient Zebulon Quackenbush, SSN 219-09-9999\n").toString();
  }

  static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    }
    return out.toByteArray();
  }

  /** An SSN up front, then 256 MiB of spaces: compresses about a thousandfold. */
  private static byte[] bomb() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write("SSN 219-09-9999\n".getBytes(StandardCharsets.US_ASCII));
      byte[] spaces = new byte[1 << 20];
      Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 256; i++) {
        gz.write(spaces);
      }
    }
    return out.toByteArray();
  }

  /** A gzip member whose header has every optional part: extra field, name, comment, CRC. */
  private static byte[] gzipWithFullHeader(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x1F, (byte) 0x8B, 8, 2 | 4 | 8 | 16, 0, 0, 0, 0, 0, 3});
    out.writeBytes(new byte[] {3, 0, 'a', 'b', 'c'});
    out.writeBytes("export.csv\0".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes("nightly export\0".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(new byte[] {0x12, 0x34});
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    deflater.setInput(content);
    deflater.finish();
    byte[] body = new byte[content.length + 1024];
    int n = deflater.deflate(body);
    deflater.end();
    out.write(body, 0, n);
    CRC32 crc = new CRC32();
    crc.update(content);
    writeLe32(out, crc.getValue());
    writeLe32(out, content.length);
    return out.toByteArray();
  }

  private static void writeLe32(ByteArrayOutputStream out, long v) {
    for (int k = 0; k < 4; k++) {
      out.write((int) (v >> (8 * k)) & 0xFF);
    }
  }
}
