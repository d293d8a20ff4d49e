package org.bdr.phi;

import java.io.IOException;
import java.io.InputStream;
import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

/**
 * Stands PDFBox's bundled sans-serif font in for every font a PDF names but does not embed. PDFBox
 * would otherwise search the machine's font folders for a look-alike and keep what it found in a
 * cache file in the home folder of whoever runs the scan. Extracting text needs the PDF's own
 * encodings and widths, not the look of its fonts, so one bundled font serves: nothing is written,
 * and a PDF reads the same on every machine.
 */
final class BundledFonts implements FontMapper {

  private static final String SANS = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

  private TrueTypeFont sans;

  @Override
  public FontMapping<TrueTypeFont> getTrueTypeFont(String name, PDFontDescriptor descriptor) {
    return new FontMapping<>(sans(), false);
  }

  @Override
  public FontMapping<FontBoxFont> getFontBoxFont(String name, PDFontDescriptor descriptor) {
    return new FontMapping<>(sans(), false);
  }

  @Override
  public CIDFontMapping getCIDFont(
      String name, PDFontDescriptor descriptor, PDCIDSystemInfo systemInfo) {
    return new CIDFontMapping(null, sans(), false);
  }

  /** The bundled font, read from PDFBox's jar on first use. */
  private synchronized TrueTypeFont sans() {
    if (sans == null) {
      try (InputStream in = FontMapper.class.getResourceAsStream(SANS)) {
        if (in == null) {
          throw new IllegalStateException("PDFBox's bundled font " + SANS + " is missing");
        }
        sans = new TTFParser().parse(new RandomAccessReadBuffer(in));
      } catch (IOException e) {
        throw new IllegalStateException("PDFBox's bundled font " + SANS + " cannot be read", e);
      }
    }
    return sans;
  }
}
