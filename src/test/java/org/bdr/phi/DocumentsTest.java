package org.bdr.phi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bdr.phi.IdentifierType.DATE;
import static org.bdr.phi.IdentifierType.MRN;
import static org.bdr.phi.IdentifierType.NAME;
import static org.bdr.phi.IdentifierType.OTHER_ID;
import static org.bdr.phi.IdentifierType.SSN;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.bdr.testing.BdrProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DICOM headers from the corpus, and PDF, DOCX and XLSX text made in the test. */
class DocumentsTest {

  private static final Path DICOM = Path.of("../shared/corpus/pydicom-testfiles");

  private static Set<String> fieldsOf(FileResult r, IdentifierType type) {
    return r.findings().stream()
        .filter(f -> f.type() == type)
        .map(Finding::field)
        .collect(Collectors.toSet());
  }

  private static FileResult corpusFile(String name) throws IOException {
    return Scans.bytes(name, Files.readAllBytes(DICOM.resolve(name)), Sensitivity.MEDIUM);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"CT_small.dcm", "MR_small.dcm", "MR_small_implicit.dcm", "MR_small_bigendian.dcm"})
  void dicom_patientHeaderFields_foundByTag(String file) throws IOException {
    FileResult r = corpusFile(file);

    assertThat(r.status()).isEqualTo(ScanStatus.SCANNED);
    assertThat(fieldsOf(r, NAME)).contains("(0010,0010)");
    assertThat(fieldsOf(r, MRN)).contains("(0010,0020)");
    assertThat(fieldsOf(r, DATE)).contains("(0008,0020)");
    assertThat(fieldsOf(r, OTHER_ID)).contains("(0020,000D)");
    assertThat(r.findings()).allMatch(f -> f.line() == 0);
  }

  @Test
  void dicom_deflatedDataSet_isInflatedAndRead() throws IOException {
    FileResult r = corpusFile("image_dfl.dcm");

    assertThat(fieldsOf(r, NAME)).contains("(0010,0010)");
  }

  @Test
  void dicom_directoryRecordsInsideSequences_areRead() throws IOException {
    FileResult r = corpusFile("dicomdirtests/DICOMDIR");

    assertThat(fieldsOf(r, NAME)).contains("(0010,0010)");
    assertThat(fieldsOf(r, MRN)).contains("(0010,0020)");
  }

  /** A one-page PDF showing {@code line} in Helvetica, a font PDFs name without embedding it. */
  private static byte[] helveticaPdf(String line) throws IOException {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
        text.beginText();
        text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        text.newLineAtOffset(72, 700);
        text.showText(line);
        text.endText();
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  @Test
  void pdf_textIsExtractedAndScannedByPage() throws IOException {
    byte[] pdf = helveticaPdf("Patient SSN: 123-45-6789  DOB 03/14/1961");

    FileResult r = Scans.bytes("letter.pdf", pdf, Sensitivity.MEDIUM);

    assertThat(Scans.types(r)).contains(SSN, DATE);
    assertThat(r.findings()).allMatch(f -> "page 1".equals(f.field()));
  }

  @Test
  void pdf_fontsNotEmbedded_areReadWithTheBundledFont_andNoFontCacheIsWritten(@TempDir Path dir)
      throws Exception {
    Path pdf = dir.resolve("letter.pdf");
    Files.write(pdf, helveticaPdf("Patient SSN: 123-45-6789  DOB 03/14/1961"));
    Path home = Files.createDirectory(dir.resolve("home"));
    Path log = dir.resolve("out.json");

    Process bdr =
        BdrProcess.start(
            List.of("-Duser.home=" + home, "-Dpdfbox.fontcache=" + home),
            Map.of("BDR_HOME", home.resolve(".bdr").toString()),
            log,
            "scan-phi",
            "--json",
            pdf.toString());

    assertThat(bdr.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(log);
    assertThat(out).contains("\"type\" : \"SSN\"").contains("\"type\" : \"DATE\"");
    try (Stream<Path> written = Files.walk(home)) {
      assertThat(written.map(f -> f.getFileName().toString())).noneMatch(n -> n.contains("pdfbox"));
    }
  }

  @Test
  void docx_textIsExtractedAndScanned() throws IOException {
    byte[] docx;
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.createParagraph().createRun().setText("Referral letter");
      doc.createParagraph().createRun().setText("Patient: Zebulon Quackenbush, SSN 123-45-6789");
      doc.write(out);
      docx = out.toByteArray();
    }

    FileResult r = Scans.bytes("referral.docx", docx, Sensitivity.MEDIUM);

    assertThat(Scans.typesOn(r, 2)).contains(NAME, SSN);
  }

  @Test
  void xlsx_cellsScannedWithTheirHeaderAsContext() throws IOException {
    byte[] xlsx;
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSSFSheet sheet = book.createSheet("Patients");
      XSSFRow header = sheet.createRow(0);
      header.createCell(0).setCellValue("Name");
      header.createCell(1).setCellValue("SSN");
      XSSFRow row = sheet.createRow(1);
      row.createCell(0).setCellValue("Zebulon Quackenbush");
      row.createCell(1).setCellValue("123456789");
      book.write(out);
      xlsx = out.toByteArray();
    }

    FileResult r = Scans.bytes("list.xlsx", xlsx, Sensitivity.MEDIUM);

    assertThat(r.findings()).anyMatch(f -> f.type() == NAME && "Patients!A2".equals(f.field()));
    assertThat(r.findings()).anyMatch(f -> f.type() == SSN && "Patients!B2".equals(f.field()));
  }
}
