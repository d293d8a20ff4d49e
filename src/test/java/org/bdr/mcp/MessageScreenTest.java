package org.bdr.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageScreenTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final MessageScreen screen = new MessageScreen(Mappers.safe());

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not json            | {oops                                              | -32700",
        "batch               | [{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}] | -32600",
        "string              | \"hello\"                                          | -32600",
        "empty object        | {}                                                 | -32600",
        "wrong version       | {\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"} | -32600",
        "object id           | {\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}| -32600",
        "numeric method      | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7}        | -32600",
        "array params        | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":[1]} | -32602",
        "string _meta        | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"_meta\":\"x\"}} | -32602",
        "call without name   | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\"} | -32602",
        "read without uri    | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/read\",\"params\":{}} | -32602",
        "numeric cursor      | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"cursor\":{}}} | -32602",
        "object tool name    | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":{}}} | -32602",
        "object level        | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"logging/setLevel\",\"params\":{\"level\":{}}} | -32602",
        "array prompt args   | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"prompts/get\",\"params\":{\"name\":\"x\",\"arguments\":[1]}} | -32602",
        "object uri          | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/read\",\"params\":{\"uri\":[]}} | -32602",
        "array cursor        | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"cursor\":[]}} | -32602",
      })
  void screen_malformedMessage_answersWithJsonRpcError(String name, String text, int code)
      throws Exception {
    MessageScreen.Verdict v = screen.screen(text);

    assertThat(v.forward()).isNull();
    JsonNode reply = JSON.readTree(v.reply());
    assertThat(reply.path("jsonrpc").asText()).isEqualTo("2.0");
    assertThat(reply.path("error").path("code").asInt()).isEqualTo(code);
    assertThat(v.reply())
        .doesNotContain("Exception")
        .doesNotContain("org.bdr")
        .doesNotContain("java")
        .doesNotContain("$")
        .doesNotContain("at ");
  }

  @Test
  void screen_toolCallWithArgumentsNotAnObject_answersWithInvalidArgumentResult() throws Exception {
    MessageScreen.Verdict v =
        screen.screen(
            "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"list_backups\",\"arguments\":\"x\"}}");

    JsonNode reply = JSON.readTree(v.reply());
    assertThat(v.forward()).isNull();
    assertThat(reply.path("id").asInt()).isEqualTo(9);
    assertThat(reply.at("/result/isError").asBoolean()).isTrue();
    assertThat(reply.at("/result/structuredContent/error/code").asText())
        .isEqualTo("INVALID_ARGUMENT");
  }

  @Test
  void screen_wrongParamType_namesTheField() throws Exception {
    MessageScreen.Verdict v =
        screen.screen(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/read\","
                + "\"params\":{\"uri\":{\"a\":1}}}");

    assertThat(JSON.readTree(v.reply()).at("/error/message").asText())
        .isEqualTo("Invalid params: 'params.uri' has the wrong type (a string)");
  }

  @Test
  void screen_errorForRequestWithId_answersThatId() throws Exception {
    MessageScreen.Verdict v = screen.screen("{\"jsonrpc\":\"1.0\",\"id\":42,\"method\":\"ping\"}");

    assertThat(JSON.readTree(v.reply()).path("id").asInt()).isEqualTo(42);
  }

  @Test
  void screen_toolCall_forwardsWithItsRequestIdInMeta() throws Exception {
    MessageScreen.Verdict v =
        screen.screen(
            "{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"scan_phi\",\"_meta\":{\"progressToken\":5}}}");

    JsonNode forwarded = JSON.readTree(v.forward());
    assertThat(v.reply()).isNull();
    assertThat(forwarded.at("/params/_meta/progressToken").asInt()).isEqualTo(5);
    assertThat(forwarded.at("/params/_meta").get(MessageScreen.REQUEST_ID).asText())
        .isEqualTo("abc");
  }

  @Test
  void screen_cancellation_isRecordedNotForwarded() {
    MessageScreen.Verdict v =
        screen.screen(
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
                + "\"params\":{\"requestId\":7,\"reason\":\"user\"}}");

    assertThat(v.forward()).isNull();
    assertThat(v.reply()).isNull();
    assertThat(v.cancelled()).isEqualTo("7");
  }

  @Test
  void screen_ordinaryRequest_isForwardedUnchanged() throws Exception {
    String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

    assertThat(JSON.readTree(screen.screen(ping).forward())).isEqualTo(JSON.readTree(ping));
  }
}
