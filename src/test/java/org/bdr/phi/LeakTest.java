package org.bdr.phi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files seeded with canary identifiers are scanned at every sensitivity, with hints; no canary may
 * appear in findings, reports, their JSON, error reasons, or anything printed.
 */
class LeakTest {

  private static final String NAME = "Zebulon Quackenbush";
  private static final String SSN = "536-22-8191";
  private static final List<String> CANARIES =
      List.of("Zebulon", "Quackenbush", "QUACKENBUSH", SSN, "536228191", "MRN-QX99817", "QX99817");

  @TempDir Path dir;

  @Test
  void scan_seededFiles_noCanaryInAnyOutput() throws IOException {
    seed();
    List<String> outputs = new ArrayList<>();
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
      for (Sensitivity s : Sensitivity.values()) {
        ScanReport report = new PhiScanner(new ScanOptions(s, true)).scan(List.of(dir));
        outputs.add(report.toString());
        outputs.add(new ObjectMapper().writeValueAsString(report));
        report.findings().forEach(f -> outputs.add(f.toString()));
        report.errors().forEach(e -> outputs.add(e.reason()));
        assertThat(report.findings()).isNotEmpty();
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    outputs.add(printed.toString(StandardCharsets.UTF_8));

    for (String output : outputs) {
      for (String canary : CANARIES) {
        assertThat(output).doesNotContain(canary);
      }
    }
  }

  @Test
  void scan_seededFiles_hintsAreMaskedToTheLastFourDigits() throws IOException {
    seed();

    ScanReport report = new PhiScanner(new ScanOptions(Sensitivity.HIGH, true)).scan(List.of(dir));

    assertThat(report.findings()).anyMatch(f -> "***-**-8191".equals(f.hint()));
    assertThat(report.findings())
        .allMatch(
            f ->
                f.hint() == null
                    || f.type() == IdentifierType.SSN
                    || f.type() == IdentifierType.ACCOUNT);
  }

  @Test
  void scan_hintsNotAskedFor_noHints() throws IOException {
    seed();

    ScanReport report = new PhiScanner(new ScanOptions(Sensitivity.HIGH, false)).scan(List.of(dir));

    assertThat(report.findings()).allMatch(f -> f.hint() == null);
  }

  @Test
  void finding_unmaskedHint_isRejected() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new Finding("a.txt", 1, null, IdentifierType.SSN, 0.9, SSN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(SSN);
  }

  private void seed() throws IOException {
    String note = "Patient: " + NAME + "\nSSN: " + SSN + "\nMRN: MRN-QX99817\n";
    Files.writeString(dir.resolve("note.txt"), note);
    Files.writeString(
        dir.resolve("patients.csv"), "FIRST,LAST,SSN\nZebulon,Quackenbush," + SSN + "\n");
    Files.writeString(
        dir.resolve("adt.hl7"),
        "MSH|^~\\&|A|B|C|D|20240101||ADT^A01|1|P|2.5\rPID|1||MRN-QX99817^^^H^MR||QUACKENBUSH^ZEBULON"
            + "||19610314|||||||||||"
            + SSN
            + "\r");
    Files.writeString(dir.resolve("broken.json"), "{\"name\": \"" + NAME + "\", \"ssn\": \"" + SSN);
    Files.writeString(
        dir.resolve("broken.xml"), "<patient><name>" + NAME + "</name><id extension=\"" + SSN);
    Files.writeString(dir.resolve("fake.pdf"), "%PDF-1.7\n" + NAME + " " + SSN + "\n%%EOF garbage");
    Files.write(
        dir.resolve("fake.docx"),
        ("PK\u0003\u0004" + NAME + SSN).getBytes(StandardCharsets.ISO_8859_1));
    Files.write(dir.resolve("bomb.xlsx"), BadInputTest.zipBomb());
    byte[] bin = ("\u0000\u0001\u0002" + NAME + SSN).getBytes(StandardCharsets.ISO_8859_1);
    Files.write(dir.resolve("blob.bin"), bin);
    String data = Base64.getEncoder().encodeToString(note.getBytes(StandardCharsets.UTF_8));
    Files.writeString(
        dir.resolve("doc.json"),
        "{\"resourceType\":\"DocumentReference\",\"content\":[{\"attachment\":{\"data\":\""
            + data
            + "\"}}]}");
    Files.writeString(dir.resolve("Zebulon_Quackenbush_08a4c098.txt"), "nothing");
  }
}
