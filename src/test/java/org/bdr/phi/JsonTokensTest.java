package org.bdr.phi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON tokenizer of the scanner reads what a standard parser reads (Jackson, with the same
 * leniencies, is the oracle), refuses what it refuses, and hands out values as UTF-8 bytes.
 */
class JsonTokensTest {

  private static final JsonFactory ORACLE =
      JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
          .enable(JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS)
          .enable(JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .build();

  @Test
  void fhirLikeResource_tokensValuesAndLines() throws Exception {
    String json =
        "{\n  \"resourceType\": \"Patient\",\n  \"name\": [ { \"given\": [\"Ann\"] } ],\r\n"
            + "  \"deceasedBoolean\": false, \"weight\": 71.5\r  }";
    List<String> tokens = tokens(json);
    assertThat(tokens)
        .containsExactly(
            "{@1",
            "key resourceType@2",
            "str Patient@2",
            "key name@3",
            "[@3",
            "{@3",
            "key given@3",
            "[@3",
            "str Ann@3",
            "]@3",
            "}@3",
            "]@3",
            "key deceasedBoolean@4",
            "lit false@4",
            "key weight@4",
            "num 71.5@4",
            "}@5");
  }

  @Test
  void escapes_areResolvedAsTheScannerHoldsTextReadFromUtf8() throws Exception {
    JsonTokens t =
        tokenizer(
            "[\"a\\\"b\\\\c\\/d\\n\", \"Jos\\u00e9\", \"\\u0141ukasz\", \"\\u4e2d\","
                + " \"\\ud83d\\ude00\", \"x\\ud800y\"]");
    assertThat(t.next()).isEqualTo(JsonTokens.START_ARRAY);
    assertThat(t.next()).isEqualTo(JsonTokens.STRING);
    assertThat(utf8(t.text())).isEqualTo("a\"b\\c/d\n");
    // a Latin-1 letter is one byte, a Latin letter past it its plain letter, as in raw UTF-8 text
    assertThat(t.next()).isEqualTo(JsonTokens.STRING);
    assertThat(hex(t.text())).isEqualTo("4a6f73e9");
    assertThat(t.next()).isEqualTo(JsonTokens.STRING);
    assertThat(hex(t.text())).isEqualTo("4c756b61737a");
    // anything else stays UTF-8
    assertThat(t.next()).isEqualTo(JsonTokens.STRING);
    assertThat(hex(t.text())).isEqualTo("e4b8ad");
    assertThat(t.next()).isEqualTo(JsonTokens.STRING);
    assertThat(hex(t.text())).isEqualTo("f09f9880");
    assertThat(t.next()).isEqualTo(JsonTokens.STRING);
    assertThat(utf8(t.text())).isEqualTo("x?y");
    assertThat(t.next()).isEqualTo(JsonTokens.END_ARRAY);
    assertThat(t.next()).isEqualTo(JsonTokens.END);
  }

  @Test
  void rawUtf8Value_isHandedOutAsItsBytes() throws Exception {
    JsonTokens t = tokenizer("{\"family\":\"Müller\"}");
    t.next();
    assertThat(t.next()).isEqualTo(JsonTokens.KEY);
    assertThat(t.next()).isEqualTo(JsonTokens.STRING);
    assertThat(utf8(t.text())).isEqualTo("Müller");
  }

  @Test
  void repeatedKeys_shareOneString() throws Exception {
    JsonTokens t = tokenizer("[{\"given\":1},{\"given\":2},{\"giv\\u0065n\":3}]");
    List<String> keys = new ArrayList<>();
    for (int k; (k = t.next()) != JsonTokens.END; ) {
      if (k == JsonTokens.KEY) {
        keys.add(t.key());
      }
    }
    assertThat(keys).containsExactly("given", "given", "given");
    assertThat(keys.get(1)).isSameAs(keys.get(0));
    assertThat(keys.get(2)).isSameAs(keys.get(0));
  }

  @Test
  void ndjson_readsOneValuePerLine() throws Exception {
    assertThat(tokens("{\"a\":1}\n{\"a\":2}\n"))
        .containsExactly("{@1", "key a@1", "num 1@1", "}@1", "{@2", "key a@2", "num 2@2", "}@2");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "007",
        "+3",
        ".5",
        "-.5",
        "1.25e-3",
        "2E+10",
        "NaN",
        "-Infinity",
        "Infinity",
        "+Infinity",
        "-INF",
        "+INF"
      })
  void lenientNumbers_areNumbers(String number) throws Exception {
    JsonTokens t = tokenizer("[" + number + "]");
    t.next();
    assertThat(t.next()).isEqualTo(JsonTokens.NUMBER);
    assertThat(t.text().toString()).isEqualTo(number);
    assertThat(oracleAccepts(("[" + number + "]").getBytes(StandardCharsets.UTF_8))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"a\" 1}",
        "{\"a\":1",
        "[1,]",
        "[1 2]",
        "{\"a\":1,}",
        "}",
        "[\"open]",
        "[\"line\nbreak\"]",
        "[tru]",
        "[1x]",
        "[1.]",
        "[1e]",
        "[--1]",
        "[\"\\q\"]",
        "[\"\\u12\"]",
        "{1:2}",
        "[1]]",
        "[-NaN]",
        "[+NaN]",
        "[INF]",
        "[-Inf]"
      })
  void malformed_isRefused(String json) {
    assertThatThrownBy(() -> tokens(json)).isInstanceOf(JsonTokens.Malformed.class);
    assertThat(oracleAccepts(json.getBytes(StandardCharsets.UTF_8))).isFalse();
  }

  @Test
  void leadingByteOrderMark_isSkippedAsTheOracleSkipsIt() throws Exception {
    byte[] json = "\uFEFF{\"a\":1}\n[2]".getBytes(StandardCharsets.UTF_8);

    assertThat(tokens(json))
        .containsExactly("{@1", "key a@1", "num 1@1", "}@1", "[@2", "num 2@2", "]@2");
    assertThat(tokens(json)).isEqualTo(oracleTokens(json));
  }

  @Test
  void byteOrderMarkAfterTheStart_isRefusedAsTheOracleRefusesIt() {
    byte[] json = "[1]\uFEFF[2]".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> tokens(json)).isInstanceOf(JsonTokens.Malformed.class);
    assertThat(oracleAccepts(json)).isFalse();
  }

  @Test
  void nestingDeeperThanTheLimit_isRefused() throws Exception {
    String deep = "[".repeat(JsonTokens.MAX_DEPTH) + "]".repeat(JsonTokens.MAX_DEPTH);
    assertThat(tokens(deep)).hasSize(2 * JsonTokens.MAX_DEPTH);
    String deeper = "[" + deep + "]";
    assertThatThrownBy(() -> tokens(deeper)).isInstanceOf(JsonTokens.Malformed.class);
  }

  /** Any sequence of JSON pieces: accepted exactly when the oracle accepts it, with its tokens. */
  @Property(tries = 3000)
  void anyPieces_readAsTheOracleReadsThem(
      @ForAll @Size(max = 24) List<@IntRange(min = 0, max = 23) Integer> pieces) throws Exception {
    String[] parts = {
      "{", "}", "[", "]", ":", ",", " ", "\n", "\"k\"", "\"v\\\"x\"", "\"Jos\\u00e9\"", "\"é\"",
      "0", "-12", "007", ".5", "1.5e3", "true", "null", "NaN", "\r\n", "\"a\\nb\"", "+1", "\"\""
    };
    StringBuilder text = new StringBuilder();
    pieces.forEach(p -> text.append(parts[p]));
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    List<String> expected = oracleTokens(bytes);
    // as a scan holds a file read from UTF-8: é one byte, raw or escaped, each value read as
    // Latin-1
    byte[] held = bytes.clone();
    int size = TextShapes.latin1Letters(held, held.length);
    List<String> actual;
    try {
      actual = tokens(held, size, Latin1Text::toString);
    } catch (JsonTokens.Malformed e) {
      actual = null;
    }
    assertThat(actual).as("tokens of %s", text).isEqualTo(expected);
  }

  private static JsonTokens tokenizer(String json) {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    return new JsonTokens(b, b.length);
  }

  private static List<String> tokens(String json) throws JsonTokens.Malformed {
    return tokens(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Each token as "kind value@line"; values decoded from UTF-8. */
  private static List<String> tokens(byte[] json) throws JsonTokens.Malformed {
    return tokens(json, json.length, JsonTokensTest::utf8);
  }

  /**
   * Each token of the first {@code size} bytes as "kind value@line", values read by {@code text}.
   */
  private static List<String> tokens(
      byte[] json, int size, java.util.function.Function<Latin1Text, String> text)
      throws JsonTokens.Malformed {
    JsonTokens t = new JsonTokens(json, size);
    List<String> out = new ArrayList<>();
    for (int k; (k = t.next()) != JsonTokens.END; ) {
      String s =
          switch (k) {
            case JsonTokens.START_OBJECT -> "{";
            case JsonTokens.END_OBJECT -> "}";
            case JsonTokens.START_ARRAY -> "[";
            case JsonTokens.END_ARRAY -> "]";
            case JsonTokens.KEY -> "key " + t.key();
            case JsonTokens.STRING -> "str " + text.apply(t.text());
            case JsonTokens.NUMBER -> "num " + numberValue(t.text().toString());
            default -> "lit " + t.text();
          };
      out.add(s + "@" + t.line());
    }
    return out;
  }

  /** The oracle's tokens in the same notation, or null when it refuses the input. */
  private static List<String> oracleTokens(byte[] json) {
    List<String> out = new ArrayList<>();
    try (JsonParser p = ORACLE.createParser(json)) {
      for (JsonToken t; (t = p.nextToken()) != null; ) {
        String s =
            switch (t) {
              case START_OBJECT -> "{";
              case END_OBJECT -> "}";
              case START_ARRAY -> "[";
              case END_ARRAY -> "]";
              case FIELD_NAME -> "key " + p.currentName();
              case VALUE_STRING -> "str " + p.getText();
              case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "num " + numberValue(p.getText());
              default -> "lit " + p.getText();
            };
        out.add(s + "@" + p.currentTokenLocation().getLineNr());
      }
      return out;
    } catch (IOException e) {
      return null;
    }
  }

  /** A number's value in one spelling (the oracle drops leading zeros and plus signs). */
  private static String numberValue(String text) {
    try {
      return new BigDecimal(text.startsWith("+") ? text.substring(1) : text)
          .stripTrailingZeros()
          .toPlainString();
    } catch (NumberFormatException e) {
      return text;
    }
  }

  private static boolean oracleAccepts(byte[] json) {
    return oracleTokens(json) != null;
  }

  private static String utf8(Latin1Text text) {
    return new String(text.bytes(), text.offset(), text.length(), StandardCharsets.UTF_8);
  }

  private static String hex(Latin1Text text) {
    return HexFormat.of().formatHex(text.bytes(), text.offset(), text.offset() + text.length());
  }
}
