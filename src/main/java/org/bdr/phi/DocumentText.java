package org.bdr.phi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Extracts the text of PDF (PDFBox), DOCX and XLSX (POI) files and scans it. PDF findings name the
 * page as field and the line within the page's text; DOCX findings the line of the extracted text;
 * XLSX findings the cell ({@code Sheet1!B3}) and its row, with the first row's header as context.
 * POI's zip limits stop zip bombs.
 */
final class DocumentText {

  private static final int MAX_PAGES = 2_000;

  static {
    FontMappers.set(new BundledFonts());
    ZipSecureFile.setMinInflateRatio(0.01);
    ZipSecureFile.setMaxEntrySize(256L << 20);
    ZipSecureFile.setMaxTextSize(64L << 20);
  }

  private DocumentText() {}

  static void scan(Format format, byte[] bytes, int size, TextDetector detector, FindingSink sink) {
    try {
      switch (format) {
        case PDF -> pdf(bytes, size, detector, sink);
        case DOCX -> docx(bytes, size, detector, sink);
        case XLSX -> xlsx(bytes, size, detector, sink);
        default -> throw new IllegalArgumentException("not a document format: " + format);
      }
    } catch (IOException | RuntimeException e) {
      throw e instanceof UnreadableContent u ? u : new UnreadableContent(e);
    }
  }

  /** Scans an embedded document as one block reported at the line of its container. */
  static void scanAt(
      Format format,
      byte[] bytes,
      int size,
      long line,
      String field,
      TextDetector detector,
      FindingSink sink) {
    try (PDDocument doc = Loader.loadPDF(java.util.Arrays.copyOf(bytes, size))) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setEndPage(MAX_PAGES);
      String text = stripper.getText(doc).replace('\n', ' ').replace('\r', ' ');
      detector.scan(text, line, field, Cue.NONE, sink);
    } catch (IOException | RuntimeException e) {
      // an unreadable embedded document is skipped; its container is still scanned
    }
  }

  private static void pdf(byte[] bytes, int size, TextDetector detector, FindingSink sink)
      throws IOException {
    try (PDDocument doc = Loader.loadPDF(java.util.Arrays.copyOf(bytes, size))) {
      PDFTextStripper stripper = new PDFTextStripper();
      int pages = Math.min(doc.getNumberOfPages(), MAX_PAGES);
      for (int p = 1; p <= pages; p++) {
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        lines(stripper.getText(doc), "page " + p, detector, sink);
      }
    }
  }

  private static void docx(byte[] bytes, int size, TextDetector detector, FindingSink sink)
      throws IOException {
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes, 0, size));
        XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
      lines(extractor.getText(), null, detector, sink);
    }
  }

  private static void xlsx(byte[] bytes, int size, TextDetector detector, FindingSink sink)
      throws IOException {
    DataFormatter formatter = new DataFormatter();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes, 0, size))) {
      for (Sheet sheet : book) {
        String[] headers = new String[0];
        for (Row row : sheet) {
          if (row.getRowNum() == sheet.getFirstRowNum()) {
            headers = headerCells(row, formatter);
            continue;
          }
          for (Cell cell : row) {
            int c = cell.getColumnIndex();
            String text = formatter.formatCellValue(cell);
            Cue cue = c < headers.length ? Cue.ofFieldName(headers[c]) : Cue.NONE;
            String field = sheet.getSheetName() + "!" + cell.getAddress().formatAsString();
            if (cue == Cue.NAME && TextShapes.hasLetter(text)) {
              sink.add(row.getRowNum() + 1L, field, IdentifierType.NAME, 0.8, null);
            } else {
              detector.scan(text, row.getRowNum() + 1L, field, cue, sink);
            }
          }
        }
      }
    }
  }

  private static String[] headerCells(Row row, DataFormatter formatter) {
    String[] headers = new String[Math.max(0, row.getLastCellNum())];
    for (Cell cell : row) {
      headers[cell.getColumnIndex()] = formatter.formatCellValue(cell);
    }
    return headers;
  }

  private static void lines(String text, String field, TextDetector detector, FindingSink sink) {
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        detector.scan(lines[i], i + 1L, field, Cue.NONE, sink);
      }
    }
  }
}
