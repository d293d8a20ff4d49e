package org.bdr.phi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The byte-level shortcuts of the scanner agree with the plain loops they replace. */
class ScanPrimitivesTest {

  @Property
  void lineBreak_anyBytes_isFirstCrOrLf(
      @ForAll @Size(max = 40) List<@IntRange(min = 8, max = 15) Integer> codes,
      @ForAll @IntRange(min = 0, max = 40) int from) {
    byte[] b = new byte[codes.size()];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (int) codes.get(i);
    }
    int start = Math.min(from, b.length);
    int expected = start;
    while (expected < b.length && b[expected] != '\n' && b[expected] != '\r') {
      expected++;
    }
    assertThat(TextShapes.lineBreak(b, start, b.length)).isEqualTo(expected);
  }

  @Property
  void wordTests_anyAsciiWord_flagExactlyTheMatchingBytes(
      @ForAll @Size(min = 8, max = 8) List<@IntRange(min = 0, max = 127) Integer> codes) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (int) codes.get(i);
    }
    long x = TextShapes.word(b, 0);
    for (int i = 0; i < 8; i++) {
      long bit = 0x80L << (8 * i);
      char c = (char) b[i];
      assertThat((TextShapes.alnumBytes(x) & bit) != 0).isEqualTo(TextShapes.isAlnum(c));
      for (char sought : new char[] {'.', '/', '@', '_', c, (char) (c ^ 1)}) {
        assertThat((TextShapes.bytesEqual(x, sought) & bit) != 0).isEqualTo(c == sought);
      }
    }
    assertThat(TextShapes.hasHighByte(x)).isFalse();
  }

  @Property
  void knownValues_repeatsAmongAnyBytes_areFoundOnTheirLines(
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 16) Integer> pieces) {
    String t =
        joined(
            pieces,
            "Ann",
            "Lee",
            " ",
            ".",
            "/",
            "x",
            "\n",
            "é",
            "9",
            "ann",
            "_",
            "\"",
            "\r",
            "\r\n",
            "555",
            "-0199",
            "12345678");
    byte[] b = t.getBytes(StandardCharsets.ISO_8859_1);
    FindingSink sink = new FindingSink("t.json", new ScanOptions(Sensitivity.MEDIUM, false));
    sink.remember(IdentifierType.NAME, "Ann Lee");
    sink.remember(IdentifierType.PHONE, "(555-0199");

    KnownValues.findRepeats(b, b.length, sink, true);

    java.util.Set<String> expected = new java.util.TreeSet<>();
    for (String[] v : new String[][] {{"Ann Lee", "NAME"}, {"555-0199", "PHONE"}}) {
      for (int at = t.indexOf(v[0]); at >= 0; at = t.indexOf(v[0], at + 1)) {
        boolean startFree = at == 0 || " \n\r\"-".indexOf(t.charAt(at - 1)) >= 0;
        int end = at + v[0].length();
        boolean endFree = end == t.length() || " \n\r\"-".indexOf(t.charAt(end)) >= 0;
        if (startFree && endFree) {
          String before = t.substring(0, at).replace("\r\n", "\n").replace('\r', '\n');
          expected.add(v[1] + "@" + (1L + before.chars().filter(ch -> ch == '\n').count()));
        }
      }
    }
    assertThat(sink.findings().stream().map(f -> f.type() + "@" + f.line()).distinct().sorted())
        .containsExactlyElementsOf(expected);
  }

  @Test
  void isWhitespace_everyChar_agreesWithCharacter() {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      assertThat(TextShapes.isWhitespace((char) c))
          .as("U+%04X", c)
          .isEqualTo(Character.isWhitespace((char) c));
    }
  }

  @Property
  void jsonStringStop_anyBytes_isFirstQuoteBackslashOrControl(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 255) Integer> codes,
      @ForAll @IntRange(min = 0, max = 8) int from) {
    byte[] b = new byte[codes.size() + from];
    for (int i = 0; i < codes.size(); i++) {
      int c = codes.get(i);
      b[from + i] = (byte) (c % 3 == 0 ? c : c % 3 == 1 ? 'a' + c % 26 : 0x80 + c % 128);
    }
    int expected = from;
    while (expected < b.length
        && b[expected] != '"'
        && b[expected] != '\\'
        && (b[expected] & 0xFF) >= 0x20) {
      expected++;
    }
    assertThat(TextShapes.jsonStringStop(b, from, b.length)).isEqualTo(expected);
  }

  @Test
  void knownValues_accentedAndLongValues_areFoundWhereTheyRepeat() {
    String name =
        "Jos\u00C3\u00A9 M\u00C3\u00BCller"; // UTF-8 bytes of an accented name, as Latin-1
    String mrn = "MRN" + "7".repeat(67);
    byte[] b =
        ("<given>x</given>\nSeen by " + name + " today.\nRecord " + mrn + " closed\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    FindingSink sink = new FindingSink("t.xml", new ScanOptions(Sensitivity.MEDIUM, false));
    sink.remember(IdentifierType.NAME, name);
    sink.remember(IdentifierType.MRN, mrn);

    KnownValues.findRepeats(b, b.length, sink, true);

    assertThat(sink.findings().stream().map(f -> f.type() + "@" + f.line()))
        .containsExactlyInAnyOrder("NAME@2", "MRN@3");
  }

  @Test
  void knownValues_valueOfLayoutOnly_isNotSearched() {
    String nbsp = "\u00C2\u00A0"; // a UTF-8 non-breaking space read as Latin-1
    byte[] b =
        ("<name>"
                + nbsp
                + " "
                + nbsp
                + "</name>\n"
                + (" " + nbsp + " " + nbsp + "<x/>\n").repeat(50))
            .getBytes(StandardCharsets.ISO_8859_1);
    FindingSink sink = new FindingSink("t.xml", new ScanOptions(Sensitivity.MEDIUM, false));
    sink.remember(IdentifierType.NAME, nbsp + " " + nbsp);

    KnownValues.findRepeats(b, b.length, sink, true);

    assertThat(sink.findings()).isEmpty();
  }

  @Property
  void alnumEnd_anyBytes_isFirstByteThatIsNotAlphanumeric(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 255) Integer> codes) {
    byte[] b = new byte[codes.size()];
    for (int i = 0; i < b.length; i++) {
      int c = codes.get(i);
      b[i] = (byte) (c % 4 == 0 ? c : c % 4 == 1 ? 'a' + c % 26 : c % 4 == 2 ? '0' + c % 10 : 'Z');
    }
    int expected = 0;
    while (expected < b.length && TextShapes.isAlnum((char) (b[expected] & 0xFF))) {
      expected++;
    }
    assertThat(TextShapes.alnumEnd(b, 0, b.length)).isEqualTo(expected);
  }

  @Property
  void detectorTrigger_anyBytes_isFirstByteTheTextDetectorLooksAt(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 255) Integer> codes) {
    byte[] b = new byte[codes.size()];
    for (int i = 0; i < b.length; i++) {
      int c = codes.get(i);
      b[i] =
          (byte)
              (c % 3 == 0
                  ? c
                  : c % 3 == 1 ? " -./,;?[`{".charAt(c % 10) : "@:09AZaz`".charAt(c % 9));
    }
    int expected = 0;
    while (expected < b.length && !triggers(b[expected] & 0xFF)) {
      expected++;
    }
    assertThat(TextShapes.detectorTrigger(b, 0, b.length)).isEqualTo(expected);
  }

  private static boolean triggers(int c) {
    return c >= 0x80 || c == '@' || c == ':' || TextShapes.isAlnum((char) c);
  }

  @Property
  void asciiLetterEnd_anyBytes_isFirstByteThatIsNotAnAsciiLetter(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 255) Integer> codes) {
    byte[] b = new byte[codes.size()];
    for (int i = 0; i < b.length; i++) {
      int c = codes.get(i);
      b[i] = (byte) (c % 4 == 0 ? c : c % 4 == 1 ? 'a' + c % 26 : c % 4 == 2 ? 'A' + c % 26 : '@');
    }
    int expected = 0;
    while (expected < b.length
        && ((b[expected] >= 'a' && b[expected] <= 'z')
            || (b[expected] >= 'A' && b[expected] <= 'Z'))) {
      expected++;
    }
    assertThat(TextShapes.asciiLetterEnd(b, 0, b.length)).isEqualTo(expected);
  }

  @Property
  void indexOf_anyBytes_isFirstOccurrenceInTheRange(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 255) Integer> codes,
      @ForAll @IntRange(min = 0, max = 40) int from) {
    byte[] b = new byte[codes.size()];
    for (int i = 0; i < b.length; i++) {
      int c = codes.get(i);
      b[i] = (byte) (c % 3 == 0 ? c : c % 3 == 1 ? '|' : 'x');
    }
    int start = Math.min(from, b.length);
    int expected = start;
    while (expected < b.length && b[expected] != '|') {
      expected++;
    }
    Latin1Text text = new Latin1Text(b, 0, b.length);
    assertThat(TextShapes.indexOf(text, '|', start, b.length)).isEqualTo(expected);
    assertThat(TextShapes.indexOf(text.toString(), '|', start, b.length)).isEqualTo(expected);
  }

  @Property
  void utf8Check_inPieces_agreesWithWholeFileCheck(
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 255) Integer> codes,
      @ForAll @IntRange(min = 1, max = 7) int piece) {
    byte[] b = new byte[codes.size()];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (codes.get(i) % 3 == 0 ? 'a' : codes.get(i));
    }
    Utf8Check check = new Utf8Check();
    for (int off = 0; off < b.length; off += piece) {
      check.update(b, off, Math.min(piece, b.length - off));
    }
    assertThat(check.valid()).isEqualTo(TextShapes.validUtf8(b, b.length));
  }

  @ParameterizedTest(name = "utf-8 {0} -> {1}")
  @CsvSource({
    "'plain ascii text, longer than one word', true",
    "'caf\u00e9 au lait, longer than one word', true",
    "'truncated at the end after eight bytes \u00e9', true"
  })
  void validUtf8_text_decides(String text, boolean valid) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    assertThat(TextShapes.validUtf8(b, b.length)).isEqualTo(valid);
    assertThat(TextShapes.validUtf8(b, b.length - 1)).isEqualTo(b[b.length - 1] >= 0);
  }

  @Test
  void wordSet_bytesAndCharacters_answerAlike() {
    WordSet set = WordSet.of("dob", "Patient", "mrn");
    byte[] b = "x PATIENT dob Mrn mr".getBytes(StandardCharsets.ISO_8859_1);
    String s = new String(b, StandardCharsets.ISO_8859_1);
    int[][] words = {{2, 9}, {10, 13}, {14, 17}, {18, 20}, {0, 1}};
    for (int[] w : words) {
      assertThat(set.valueOf(b, w[0], w[1])).isEqualTo(set.valueOf(s, w[0], w[1]));
    }
    assertThat(set.contains(s, 2, 9)).isTrue();
    assertThat(set.contains(s, 18, 20)).isFalse();
  }

  @Test
  void findingSink_backToEarlierLines_keepsOneFindingPerPlaceWithHighestConfidence() {
    FindingSink sink = new FindingSink("f.txt", ScanOptions.defaults());
    for (int line = 1; line <= 40; line++) {
      sink.add(line, null, IdentifierType.DATE, 0.6, null);
      sink.add(line, "a", IdentifierType.DATE, 0.6, null);
    }
    sink.add(3, null, IdentifierType.DATE, 0.9, null);
    sink.add(3, null, IdentifierType.NAME, 0.8, null);
    sink.add(7, "a", IdentifierType.DATE, 0.5, null);

    List<Finding> found = sink.findings();

    assertThat(found).hasSize(81);
    assertThat(found).isSortedAccordingTo(java.util.Comparator.comparingLong(Finding::line));
    assertThat(found.stream().filter(f -> f.line() == 3 && f.field() == null))
        .extracting(Finding::type, Finding::confidence)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(IdentifierType.NAME, 0.8),
            org.assertj.core.groups.Tuple.tuple(IdentifierType.DATE, 0.9));
    assertThat(sink.has(3, IdentifierType.NAME)).isTrue();
    assertThat(sink.has(4, IdentifierType.NAME)).isFalse();
  }

  @Test
  void findingSink_manyFindingsOnOneLine_keepsEachPlaceOnce() {
    FindingSink sink = new FindingSink("f.json", ScanOptions.defaults());
    for (int round = 0; round < 2; round++) {
      for (int k = 0; k < 100; k++) {
        sink.add(1, "$.v[" + k + "]", IdentifierType.DATE, 0.6 + round * 0.1, null);
      }
    }

    assertThat(sink.findings()).hasSize(100).allMatch(f -> f.confidence() == 0.7);
  }

  /**
   * Rewriting UTF-8 for the detectors, word at a time, gives what one character at a time does: a
   * character that is or has a plain Latin-1 letter as that one byte, an accent written after its
   * letter not at all, every other character as its UTF-8 bytes.
   */
  @Property
  void latin1Letters_anyText_likeCharacterByCharacter(
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 17) Integer> picks) {
    String text =
        joined(
            picks,
            "a",
            "Z",
            " ",
            "\n",
            "abcdefghijklmnopq",
            "\u00e9",
            "\u00a0",
            "\u0141",
            "\u015b",
            "\u0250",
            "\u8a3a",
            "\ud83d\ude00",
            "\u1ec5",
            "\u1ea0",
            "\u1e9e",
            "\u2019",
            "e\u0301",
            "\u0370");
    java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
    text.codePoints()
        .forEach(
            cp -> {
              char plain = cp < 0x10000 ? TextShapes.latinBase((char) cp) : Character.MAX_VALUE;
              if (cp >= 0x300 && cp <= 0x36F) {
                return; // an accent written after its letter
              } else if (plain < 0x100) {
                expected.write(plain);
              } else {
                expected.writeBytes(Character.toString(cp).getBytes(StandardCharsets.UTF_8));
              }
            });
    byte[] b = text.getBytes(StandardCharsets.UTF_8);

    int size = TextShapes.latin1Letters(b, b.length);

    assertThat(java.util.Arrays.copyOf(b, size)).isEqualTo(expected.toByteArray());
  }

  @Test
  void latinBase_lettersPastLatin1_plainLetterElseThemselves() {
    assertThat(TextShapes.latinBase('\u0141')).isEqualTo('L');
    assertThat(TextShapes.latinBase('\u015b')).isEqualTo('s');
    assertThat(TextShapes.latinBase('\u0159')).isEqualTo('r');
    assertThat(TextShapes.latinBase('\u0131')).isEqualTo('i');
    assertThat(TextShapes.latinBase('\u1ec5')).isEqualTo('e');
    assertThat(TextShapes.latinBase('\u1ea0')).isEqualTo('A');
    assertThat(TextShapes.latinBase('\u00e9')).isEqualTo('\u00e9');
    // no plain letter: the ligature and a letter of no decomposition stay
    assertThat(TextShapes.latinBase('\u0152')).isEqualTo('\u0152');
    assertThat(TextShapes.latinBase('\u0250')).isEqualTo('\u0250');
  }

  /** The pieces picked, in order. */
  private static String joined(List<Integer> picks, String... pieces) {
    StringBuilder text = new StringBuilder();
    picks.forEach(p -> text.append(pieces[p]));
    return text.toString();
  }
}
