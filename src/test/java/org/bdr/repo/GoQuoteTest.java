package org.bdr.repo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoQuoteTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "plain.txt|plain.txt",
        "Müller 診療.txt|Müller 診療.txt",
        "Scan C:\\Befund.pdf|Scan C:\\\\Befund.pdf",
        "say \"hi\"|say \\\"hi\\\"",
      })
  void quote_knownNames_matchGoQuoting(String name, String quoted) {
    assertThat(GoQuote.quote(name)).isEqualTo(quoted);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a\nb",
        "tab\there",
        "bell\u0007",
        "del\u007f",
        "nbsp\u00a0x",
        "emoji 😀",
        "\\",
        "\"\"",
        "line\r\n",
        "zero-width\u200bjoiner"
      })
  void unquote_ofQuote_returnsName(String name) {
    assertThat(GoQuote.unquote(GoQuote.quote(name))).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\nb", "C:\\x", "q\"uote", "plain"})
  void treeJson_roundTrip_keepsName(String name) throws Exception {
    ObjectMapper json = new ObjectMapper();
    Node node =
        new Node(
            name, "file", 0644, null, null, null, 0, 0, null, null, 0, 0, 1, 1, null, 0, List.of(),
            null);
    String text = json.writeValueAsString(new Tree(List.of(node)));
    assertThat(json.readValue(text, Tree.class).nodes().get(0).name()).isEqualTo(name);
    assertThat(text)
        .contains(
            "\"name\":\""
                + json.writeValueAsString(GoQuote.quote(name)).replace("\"", "").substring(0, 1));
  }
}
