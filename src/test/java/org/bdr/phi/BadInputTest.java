package org.bdr.phi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gives a finding-free error entry (or a skip) for that file, and the scan goes on. */
class BadInputTest {

  @TempDir Path dir;

  @Test
  void binaryGarbage_isSkippedAndCounted() throws IOException {
    byte[] garbage = new byte[100_000];
    new Random(7).nextBytes(garbage);
    Files.write(dir.resolve("blob.dat"), garbage);
    Files.writeString(dir.resolve("note.txt"), "SSN 123-45-6789");

    ScanReport report = new PhiScanner(ScanOptions.defaults()).scan(List.of(dir));

    assertThat(report.skippedBinaries()).singleElement().asString().endsWith("blob.dat");
    assertThat(report.filesScanned()).isEqualTo(1);
    assertThat(report.findings()).allMatch(f -> f.path().endsWith("note.txt"));
  }

  @Test
  void hugeSingleLine_streamedInBoundedMemory_stillFindsIdentifiers() {
    FileScan scan = new PhiScanner(ScanOptions.defaults()).open("dump.txt");
    byte[] chunk = new byte[1 << 20];
    Arrays.fill(chunk, (byte) ' ');
    byte[] ssn = " SSN 123-45-6789 ".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(ssn, 0, chunk, 1000, ssn.length);
    long total = 2_000_000_000L;

    for (long sent = 0; sent < total; sent += chunk.length) {
      scan.update(chunk, 0, (int) Math.min(chunk.length, total - sent));
    }
    FileResult r = scan.finish();

    assertThat(r.status()).isEqualTo(ScanStatus.SCANNED);
    assertThat(r.reason()).contains("line by line");
    assertThat(r.findings()).anyMatch(f -> f.type() == IdentifierType.SSN && f.line() == 1);
  }

  @Test
  void jsonNestedMillionsDeep_isScannedAsTextInBoundedMemory() {
    int depth = 4_000_000;
    String inner = "\"note\": \"SSN 123-45-6789\"";
    byte[] content = new byte[2 * depth + inner.length() + 2];
    Arrays.fill(content, 0, depth, (byte) '[');
    content[depth] = '{';
    byte[] in = inner.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(in, 0, content, depth + 1, in.length);
    content[depth + 1 + in.length] = '}';
    Arrays.fill(content, depth + 2 + in.length, content.length, (byte) ']');

    FileResult r = Scans.bytes("deep.json", content, Sensitivity.MEDIUM);

    assertThat(r.status()).isEqualTo(ScanStatus.SCANNED);
    assertThat(r.reason()).contains("not well-formed JSON");
    assertThat(Scans.types(r)).contains(IdentifierType.SSN);
  }

  @Test
  void invalidUtf8_isReadAsLatin1AndStillScanned() {
    byte[] head = "name: Jos".getBytes(StandardCharsets.US_ASCII);
    byte[] tail = "\nSSN 123-45-6789\n".getBytes(StandardCharsets.US_ASCII);
    byte[] content = new byte[head.length + 2 + tail.length];
    System.arraycopy(head, 0, content, 0, head.length);
    content[head.length] = (byte) 0xE9;
    content[head.length + 1] = (byte) 0xC3;
    System.arraycopy(tail, 0, content, head.length + 2, tail.length);

    FileResult r = Scans.bytes("latin.csv", content, Sensitivity.MEDIUM);

    assertThat(r.status()).isEqualTo(ScanStatus.SCANNED);
    assertThat(r.reason()).contains("not valid UTF-8");
    assertThat(Scans.types(r)).contains(IdentifierType.SSN);
  }

  @Test
  void zipBombInsideDocx_isAnErrorEntryAndTheScanGoesOn() throws IOException {
    Files.write(dir.resolve("bomb.docx"), zipBomb());
    Files.writeString(dir.resolve("after.txt"), "SSN 123-45-6789");

    ScanReport report = new PhiScanner(ScanOptions.defaults()).scan(List.of(dir));

    assertThat(report.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.path()).endsWith("bomb.docx");
              assertThat(e.reason())
                  .startsWith("could not read the file as DOCX (zip bomb suspected");
            });
    assertThat(report.findings()).anyMatch(f -> f.path().endsWith("after.txt"));
  }

  @Test
  void fileThatDisappearedBeforeReading_isAnErrorEntry() throws IOException {
    Path gone = Files.writeString(dir.resolve("gone.txt"), "SSN 123-45-6789");
    Files.delete(gone);

    FileResult r = new PhiScanner(ScanOptions.defaults()).scanFile(gone);

    assertThat(r.status()).isEqualTo(ScanStatus.ERROR);
    assertThat(r.reason()).isEqualTo("the file disappeared before it could be read");
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void fileThatDisappearsMidScan_failEndsItWithAnErrorEntry() {
    FileScan scan = new PhiScanner(ScanOptions.defaults()).open("vanishing.txt");
    byte[] part = "SSN 123-45-6789\npartial li".getBytes(StandardCharsets.US_ASCII);
    scan.update(part, 0, part.length);

    FileResult r = scan.fail("the file disappeared while it was read");

    assertThat(r.status()).isEqualTo(ScanStatus.ERROR);
    assertThat(r.findings()).isEmpty();
    assertThat(scan.finish()).isSameAs(r);
  }

  @Test
  void failAfterFindingsWereMade_keepsNone() {
    FileScan scan = new PhiScanner(ScanOptions.defaults()).open("long-note.txt");
    byte[] lines = "SSN: 123-45-6789\n".repeat(1000).getBytes(StandardCharsets.US_ASCII);
    scan.update(lines, 0, lines.length);

    FileResult r = scan.fail("the file could not be read whole");

    assertThat(r.status()).isEqualTo(ScanStatus.ERROR);
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void malformedJson_fallsBackToTextScan() {
    FileResult r = Scans.medium("broken.json", "{\"ssn\": \"123-45-6789\", oops");

    assertThat(r.status()).isEqualTo(ScanStatus.SCANNED);
    assertThat(r.reason()).contains("not well-formed JSON");
    assertThat(Scans.types(r)).contains(IdentifierType.SSN);
  }

  @Test
  void jsonNumbersWithLeadingZeros_areReadThroughTheStructure() {
    String json =
        "{\"resourceType\": \"Patient\", \"count\": 007,\n"
            + "\"name\": [{\"family\": \"Quenby\", \"given\": [\"Odalys\"]}]}";

    FileResult r = Scans.medium("patient.json", json);

    assertThat(r.reason()).isNull();
    assertThat(Scans.ofType(r, IdentifierType.NAME)).isNotEmpty();
    assertThat(Scans.ofType(r, IdentifierType.NAME).get(0).field()).startsWith("Patient.name");
  }

  @Test
  void malformedJsonAfterManyLines_scansOnlyTheRestAsText() {
    String json =
        "{\"resourceType\": \"Patient\",\n\"ssn\": \"123-45-6789\",\n"
            + "\"note\": \"ok\"}\n{oops\nSSN 234-56-7891\n";

    FileResult r = Scans.medium("broken.json", json);

    assertThat(r.reason()).contains("not well-formed JSON");
    assertThat(Scans.typesOn(r, 2)).contains(IdentifierType.SSN);
    assertThat(Scans.typesOn(r, 5)).contains(IdentifierType.SSN);
  }

  /** A DOCX-named zip whose document part inflates a thousandfold. */
  static byte[] zipBomb() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write(
          "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
              .getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      byte[] zeros = new byte[1 << 20];
      Arrays.fill(zeros, (byte) ' ');
      for (int i = 0; i < 50; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    return out.toByteArray();
  }
}
