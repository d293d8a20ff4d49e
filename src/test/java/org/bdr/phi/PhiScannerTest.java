package org.bdr.phi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Walking folders: names scanned, safe paths, and the summary of the report. */
class PhiScannerTest {

  @TempDir Path dir;

  /** Scans {@link #dir} holding one folder of this name with a visit.txt of this text. */
  private ScanReport scanFolderHolding(String folderName, String visitText) throws IOException {
    Path folder = Files.createDirectories(dir.resolve(folderName));
    Files.writeString(folder.resolve("visit.txt"), visitText);
    return new PhiScanner(ScanOptions.defaults()).scan(List.of(dir));
  }

  @Test
  void scan_folderNamedAfterPatient_reportsLineZeroAndRedactsPathsBelow() throws IOException {
    ScanReport report = scanFolderHolding("Zebulon_Quackenbush_1961", "SSN 123-45-6789");

    assertThat(report.findings())
        .anyMatch(
            f -> f.line() == 0 && f.type() == IdentifierType.NAME && f.path().contains("[NAME]"));
    assertThat(report.findings()).allMatch(f -> !f.path().contains("Quackenbush"));
    assertThat(report.findings())
        .anyMatch(f -> f.type() == IdentifierType.SSN && f.path().endsWith("visit.txt"));
  }

  @Test
  void scan_filesBelowAPatientsFolder_wordsOfTheNameHiddenInTheirNamesToo() throws IOException {
    Path patient = Files.createDirectories(dir.resolve("Thistlewood, Jane/2024"));
    Files.writeString(patient.getParent().resolve("thistlewood_labs.txt"), "SSN 123-45-6789");
    Files.writeString(patient.resolve("Jane-THISTLEWOOD x-ray.txt"), "SSN 123-45-6780");
    Files.writeString(patient.resolve("letter to Jane.txt"), "SSN 123-45-6781");
    Path vo = Files.createDirectories(dir.resolve("Vo, Duc"));
    Files.writeString(vo.resolve("vo_labs.txt"), "SSN 123-45-6783");
    Path nguyen = Files.createDirectories(dir.resolve("Nguy\u1ec5n, Minh"));
    Files.writeString(nguyen.resolve("nguy\u1ec5n_labs.txt"), "SSN 123-45-6784");
    Path forms = Files.createDirectories(dir.resolve("forms"));
    Files.writeString(forms.resolve("Thistlewood_labs.txt"), "SSN 123-45-6782");

    ScanReport report = new PhiScanner(ScanOptions.defaults()).scan(List.of(dir));

    String sep = java.io.File.separator;
    assertThat(report.findings())
        .extracting(f -> f.path().substring(dir.toString().length()) + " " + f.type())
        .containsExactlyInAnyOrder(
            sep + "[NAME] NAME",
            sep + "[NAME] NAME",
            sep + "[NAME] NAME",
            sep + "[NAME]" + sep + "[NAME]_labs.txt SSN",
            // a family name of two letters, and one with a letter of two accents
            sep + "[NAME]" + sep + "[NAME]_labs.txt SSN",
            sep + "[NAME]" + sep + "[NAME]_labs.txt SSN",
            sep + "[NAME]" + sep + "2024" + sep + "[NAME] x-ray.txt SSN",
            sep + "[NAME]" + sep + "2024" + sep + "letter to [NAME].txt SSN",
            // a folder without the name: its files' names are their own
            sep + "forms" + sep + "Thistlewood_labs.txt SSN");
  }

  @Test
  void scanFolderName_patientExportName_lineZeroOnSafePathLikeTheWalk() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("Zebulon_Quackenbush_1961"));
    PhiScanner scanner = new PhiScanner(ScanOptions.defaults());

    List<Finding> findings = scanner.scanFolderName(folder);

    assertThat(findings)
        .containsExactly(
            new Finding(dir + "/[NAME]_1961", 0, null, IdentifierType.NAME, 0.6, null));
    assertThat(scanner.scan(List.of(folder)).findings()).isEqualTo(findings);
  }

  @Test
  void scanFolderName_plainNameOrRoot_noFindings() throws IOException {
    PhiScanner scanner = new PhiScanner(ScanOptions.defaults());

    assertThat(scanner.scanFolderName(Files.createDirectories(dir.resolve("Scans_2024"))))
        .isEmpty();
    assertThat(scanner.scanFolderName(dir.getRoot())).isEmpty();
  }

  @Test
  void scan_symbolicLinks_scannedByNameAndTargetNeverFollowed() throws IOException {
    Path outside = Files.createDirectories(dir.resolve("elsewhere/Zebulon_Quackenbush_1961"));
    Files.writeString(outside.resolve("visit.txt"), "SSN 123-45-6789");
    Path shared = Files.createDirectories(dir.resolve("shared"));
    Files.createSymbolicLink(shared.resolve("latest"), outside);
    Files.createSymbolicLink(shared.resolve("Zebulon_Quackenbush_1961.lnk"), dir.resolve("x.txt"));
    Files.createSymbolicLink(shared.resolve("plain"), dir.resolve("elsewhere"));
    PhiScanner scanner = new PhiScanner(ScanOptions.defaults());

    ScanReport report = scanner.scan(List.of(shared));

    assertThat(report.findings())
        .extracting(f -> f.path().substring(shared.toString().length()) + " " + f.line())
        .containsExactlyInAnyOrder("/latest 0", "/[NAME]_1961.lnk 0");
    assertThat(report.findings()).noneMatch(f -> f.type() == IdentifierType.SSN);
    assertThat(scanner.scanLink(shared.resolve("latest"), outside.toString()).findings())
        .singleElement()
        .extracting(Finding::type)
        .isEqualTo(IdentifierType.NAME);
  }

  @Test
  void scan_summary_countsByTypeAndByFileLargestFirst() throws IOException {
    Files.writeString(dir.resolve("a.txt"), "SSN 123-45-6789\n");
    Files.writeString(dir.resolve("b.txt"), "SSN 123-45-6780\nDOB 03/14/1961\nFax: 617-555-0199\n");

    ScanReport report = new PhiScanner(ScanOptions.defaults()).scan(List.of(dir));

    assertThat(report.filesScanned()).isEqualTo(2);
    assertThat(report.countsByType()).containsEntry(IdentifierType.SSN, 2L);
    assertThat(report.countsByType().keySet()).first().isEqualTo(IdentifierType.SSN);
    assertThat(report.countsByFile()).extracting(FileCount::findings).containsExactly(3L, 1L);
    assertThat(report.countsByFile().get(0).safePath()).endsWith("b.txt");
  }

  @Test
  void open_updateInPieces_sameFindingsAsWhole() {
    byte[] text =
        "Patient: Zebulon Quackenbush\nSSN 123-45-6789\r\nPh 617-555-0100\n"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    FileResult whole = Scans.bytes("n.txt", text, Sensitivity.MEDIUM);
    FileScan scan = new PhiScanner(ScanOptions.defaults()).open("n.txt");
    for (int i = 0; i < text.length; i += 3) {
      scan.update(text, i, Math.min(3, text.length - i));
    }

    assertThat(scan.finish().findings()).isEqualTo(whole.findings());
  }

  @Test
  void open_bufferLimit_csvBeyondItScannedLineByLineWithNote() {
    byte[] csv =
        ("first,last,ssn\n" + "Zebulon,Quackenbush,123-45-6789\n".repeat(40_000))
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    FileScan scan = new PhiScanner(ScanOptions.defaults()).open("export.csv", 1 << 20);

    scan.update(csv, 0, csv.length);
    FileResult r = scan.finish();

    assertThat(r.status()).isEqualTo(ScanStatus.SCANNED);
    assertThat(r.reason()).contains("larger than 1 MiB; scanned line by line");
    assertThat(Scans.types(r)).contains(IdentifierType.SSN);
  }

  @Test
  void scan_folderNamedFamilyCommaGiven_redactedAndReportedOnLineZero() throws IOException {
    ScanReport report = scanFolderHolding("Thistlewood, Jane", "follow-up in two weeks");

    assertThat(report.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.type()).isEqualTo(IdentifierType.NAME);
              assertThat(f.line()).isZero();
              assertThat(f.path()).isEqualTo(dir + java.io.File.separator + "[NAME]");
            });
    assertThat(report.toString()).doesNotContain("Thistlewood");
  }

  @Test
  void open_expectedSizeWrongOrUnknown_sameResultAsWithoutIt() {
    byte[] csv =
        ("first,last,ssn\n" + "Zebulon,Quackenbush,123-45-6789\n".repeat(3_000))
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    PhiScanner scanner = new PhiScanner(ScanOptions.defaults());
    FileScan plain = scanner.open("export.csv", 1 << 20);
    plain.update(csv, 0, csv.length);
    FileResult expected = plain.finish();

    // the size the file had when listed may differ from what is read: grown, shrunk or unknown
    for (long guess : new long[] {0, 10, csv.length - 1, csv.length, csv.length * 3L, 1L << 40}) {
      FileScan scan = scanner.open("export.csv", 1 << 20, guess);
      for (int i = 0; i < csv.length; i += 7_000) {
        scan.update(csv, i, Math.min(7_000, csv.length - i));
      }
      FileResult r = scan.finish();

      assertThat(r.findings()).as("guess %d", guess).isEqualTo(expected.findings());
      assertThat(r.reason()).as("guess %d", guess).isEqualTo(expected.reason());
    }
    assertThat(expected.findings()).hasSize(3_000 * 3);
  }

  @Test
  void open_bufferLimitOutOfRange_rejected() {
    PhiScanner scanner = new PhiScanner(ScanOptions.defaults());

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> scanner.open("a.csv", 1024))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void scan_cancelledDuringTheWalk_stopsAtTheNextFileWithCancelled() throws IOException {
    for (int i = 0; i < 20; i++) {
      Files.writeString(dir.resolve("note" + i + ".txt"), "SSN 123-45-6789\n");
    }
    java.util.concurrent.atomic.AtomicInteger asked =
        new java.util.concurrent.atomic.AtomicInteger();

    assertThatThrownBy(
            () ->
                new PhiScanner(ScanOptions.defaults())
                    .scan(List.of(dir), () -> asked.incrementAndGet() > 3))
        .isInstanceOfSatisfying(
            BdrException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED));
    assertThat(asked.get()).isLessThan(8);
  }
}
