package org.bdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TerminalTextTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("plain name", "scan 2024-05-06.pdf", "scan 2024-05-06.pdf"),
        Arguments.of("letters beyond ASCII", "Müller Zoë 東京.txt", "Müller Zoë 東京.txt"),
        Arguments.of("escape sequence", "a\u001b[2Jb", "a\\x1b[2Jb"),
        Arguments.of("carriage return", "real.txt\rfake.txt", "real.txt\\rfake.txt"),
        Arguments.of("bell, tab, newline", "\u0007\t\n", "\\a\\t\\n"),
        Arguments.of("delete", "x\u007f", "x\\x7f"),
        Arguments.of("C1 control", "x\u009b2J", "x\\u009b2J"),
        Arguments.of("right-to-left override", "fdp.\u202eexe", "fdp.\\u202eexe"),
        Arguments.of("backslash", "C:\\dir", "C:\\\\dir"),
        Arguments.of("quotes stay", "say \"hi\"", "say \"hi\""),
        Arguments.of("emoji", "\uD83D\uDE00", "\uD83D\uDE00"),
        Arguments.of("lone surrogate", "a\uD800b", "a\\ud800b"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void escape_text_showsEveryNonPrintingCharacterVisibly(
      String name, String text, String expected) {
    assertThat(TerminalText.escape(text)).isEqualTo(expected);
  }
}
