package org.bdr.phi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bdr.phi.IdentifierType.DATE;
import static org.bdr.phi.IdentifierType.MRN;
import static org.bdr.phi.IdentifierType.NAME;
import static org.bdr.phi.IdentifierType.SSN;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** UTF-16 files (Windows exports) are decoded and scanned like UTF-8 text. */
class EncodingsTest {

  private static final String CSV =
      "Id,BIRTHDATE,SSN,FIRST,LAST,ZIP,CODE\r\n"
          + "p1,1961-03-14,999-12-3456,Zebulon,Quackenbush,01101,44054006\r\n"
          + "p2,1970-01-02,,,,,\r\n";

  static Stream<Arguments> utf16Forms() {
    return Stream.of(
        Arguments.of("UTF-16LE with BOM", withBom(CSV, StandardCharsets.UTF_16LE), "UTF-16LE"),
        Arguments.of("UTF-16BE with BOM", withBom(CSV, StandardCharsets.UTF_16BE), "UTF-16BE"),
        Arguments.of("UTF-16LE without BOM", CSV.getBytes(StandardCharsets.UTF_16LE), "UTF-16LE"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("utf16Forms")
  void utf16Csv_isDecodedAndColumnsTypedByHeader(String form, byte[] content, String note) {
    FileResult r = Scans.bytes("patients.csv", content, Sensitivity.MEDIUM);

    assertThat(r.status()).isEqualTo(ScanStatus.SCANNED);
    assertThat(r.reason()).isEqualTo("decoded from " + note);
    assertThat(Scans.typesOn(r, 2)).contains(MRN, DATE, SSN, NAME, IdentifierType.ZIP);
    assertThat(Scans.typesOn(r, 3)).contains(DATE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("utf16Forms")
  void utf16Csv_pushedOneByteAtATime_givesTheSameFindings(String form, byte[] content, String n) {
    FileScan scan = new PhiScanner(new ScanOptions(Sensitivity.MEDIUM, false)).open("p.csv");
    for (int i = 0; i < content.length; i++) {
      scan.update(content, i, 1);
    }

    FileResult r = scan.finish();

    assertThat(r.findings())
        .isEqualTo(Scans.bytes("p.csv", content, Sensitivity.MEDIUM).findings());
  }

  @Test
  void utf16Text_longerThanTheFormatProbe_keepsLineNumbers() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 2_000; i++) {
      text.append("Visit note ").append(i).append(": patient stable, no change.\n");
    }
    text.append("Patient: Zebulon Quackenbush, SSN 219-09-9999, seen 03/14/2021\n");

    FileResult r =
        Scans.bytes(
            "note.txt", withBom(text.toString(), StandardCharsets.UTF_16LE), Sensitivity.MEDIUM);

    assertThat(Scans.typesOn(r, 2_001)).contains(SSN, NAME, DATE);
    assertThat(r.findings()).allMatch(f -> f.line() == 2_001);
  }

  @Test
  void utf16_withCharactersBeyondAscii_decodesThemAndScansTheRest() {
    String text = "Patiënt José Ünal 😀 — SSN 219-09-9999\nZweite Zeile\n";

    FileResult r =
        Scans.bytes("note.txt", withBom(text, StandardCharsets.UTF_16BE), Sensitivity.MEDIUM);

    assertThat(r.reason()).isEqualTo("decoded from UTF-16BE");
    assertThat(Scans.typesOn(r, 1)).contains(SSN);
  }

  @Test
  void binaryFile_isStillSkipped() {
    byte[] garbage = new byte[100_000];
    new Random(11).nextBytes(garbage);

    FileResult r = Scans.bytes("export.dat", garbage, Sensitivity.MEDIUM);

    assertThat(r.status()).isEqualTo(ScanStatus.SKIPPED_BINARY);
    assertThat(r.reason()).isNull();
  }

  @Test
  void binaryFileOfSmallSixteenBitNumbers_isNotTakenForUtf16() {
    byte[] samples = new byte[4_096];
    Random random = new Random(5);
    for (int i = 0; i < samples.length; i += 2) {
      samples[i] = (byte) random.nextInt(256);
    }

    FileResult r = Scans.bytes("waveform.bin", samples, Sensitivity.MEDIUM);

    assertThat(r.status()).isEqualTo(ScanStatus.SKIPPED_BINARY);
  }

  @Test
  void utf8Text_isReadAsBefore() {
    FileResult r = Scans.medium("note.txt", "Patient SSN 219-09-9999\n");

    assertThat(r.reason()).isNull();
    assertThat(Scans.typesOn(r, 1)).contains(SSN);
  }

  @Test
  void utf8Text_accentedLatinLetters_readAsLettersSoNamesAreFound() {
    FileResult r =
        Scans.medium(
            "note.txt",
            "Visit note\n"
                + "Seen today: Jos\u00e9 Garc\u00eda, follow-up.\n"
                + "Seen today: \u0141ukasz Wi\u015bniewski, follow-up.\n"
                + "Seen today: Ma\u0142gorzata Dvo\u0159\u00e1k, follow-up.\n"
                + "Seen today: Ph\u01b0\u01a1ng Nguy\u1ec5n, follow-up.\n"
                // accents written after their letters (NFD), as macOS writes them
                + "Seen today: Mari\u0301a Gonza\u0301lez, follow-up.\n");

    assertThat(r.reason()).isNull();
    assertThat(Scans.ofType(r, NAME))
        .extracting(Finding::line)
        .containsExactlyInAnyOrder(2L, 3L, 4L, 5L, 6L);
  }

  @Test
  void utf8Text_beyondTheBufferLimit_scannedLineByLineWithTheSameNames() {
    byte[] text =
        "Seen today: Jos\u00e9 Garc\u00eda, follow-up.\nSeen today: \u0141ukasz Wi\u015bniewski.\n"
            .repeat(20_000)
            .getBytes(StandardCharsets.UTF_8);
    FileScan small = new PhiScanner(ScanOptions.defaults()).open("note.txt", 1 << 20);
    FileScan large = new PhiScanner(ScanOptions.defaults()).open("note.txt", 8 << 20);
    for (int i = 0; i < text.length; i += 65_536) {
      small.update(text, i, Math.min(65_536, text.length - i));
      large.update(text, i, Math.min(65_536, text.length - i));
    }
    FileResult lineByLine = small.finish();
    FileResult whole = large.finish();

    assertThat(lineByLine.reason()).contains("scanned line by line");
    assertThat(Scans.ofType(lineByLine, NAME)).hasSize(40_000);
    assertThat(lineByLine.findings()).isEqualTo(whole.findings());
  }

  @Test
  void utf8Text_otherCharacters_keepTheirPlaceAndLineNumbers() {
    FileResult r =
        Scans.medium(
            "note.txt",
            "\u8a3a\u7642 \u201cnote\u201d \u2014 \ud83d\ude00 caf\u00e9\nSSN 219-09-9999\n");

    assertThat(r.reason()).isNull();
    assertThat(r.findings()).singleElement().extracting(Finding::line).isEqualTo(2L);
  }

  @Test
  void fhir_nameEscapedInStructureAndRawInText_repeatFound() {
    String json =
        "{\n"
            + "  \"resourceType\": \"Patient\",\n"
            + "  \"name\": [{\"family\": \"Zyxw\\u0105\", \"given\": [\"Qw\\u00e9rty\"]}],\n"
            + "  \"extension\": [{\"valueString\": \"called Zyxw\u0105 back\"}],\n"
            + "  \"comment\": \"Qw\u00e9rty is fine\"\n"
            + "}\n";
    FileResult r = Scans.medium("patient.json", json);

    assertThat(Scans.ofType(r, NAME))
        .extracting(Finding::line)
        .containsExactlyInAnyOrder(3L, 3L, 4L, 5L);
  }

  private static byte[] withBom(String text, Charset charset) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (charset.equals(StandardCharsets.UTF_16LE)) {
      out.write(0xFF);
      out.write(0xFE);
    } else {
      out.write(0xFE);
      out.write(0xFF);
    }
    out.writeBytes(text.getBytes(charset));
    return out.toByteArray();
  }
}
