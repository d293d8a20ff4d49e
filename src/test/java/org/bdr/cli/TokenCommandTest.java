package org.bdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.bdr.app.AccessTokens;
import org.bdr.auth.Principal;
import org.bdr.auth.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bdr token create | list | revoke}. */
class TokenCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void create_printsTokenOnceWithHowToUseIt() throws Exception {
    CommandLineRunner.Result r =
        CommandLineRunner.run(env(), "token", "create", "--role", "operator", "--name", "desk");

    assertThat(r.exitCode()).isZero();
    String token = r.stdout().strip();
    assertThat(token).matches("bdr_[0-9a-f]{8}_[A-Za-z0-9_-]{43}");
    assertThat(r.stderr())
        .contains("only time it is shown")
        .contains("Authorization: Bearer <token>")
        .contains("role operator");
    Principal who = tokens().authenticate(token).orElseThrow();
    assertThat(who.name()).isEqualTo("desk");
    assertThat(who.role()).isEqualTo(Role.OPERATOR);
    assertThat(Files.readString(tokens().file())).doesNotContain(token.substring(13));
  }

  @Test
  void create_json_holdsTokenAndFacts() throws Exception {
    CommandLineRunner.Result r =
        CommandLineRunner.run(env(), "token", "create", "--role", "auditor", "--json");

    assertThat(r.exitCode()).isZero();
    JsonNode body = JSON.readTree(r.stdout());
    assertThat(body.get("role").asText()).isEqualTo("auditor");
    assertThat(body.get("name").asText()).isEqualTo("token-" + body.get("id").asText());
    assertThat(body.get("active").asBoolean()).isTrue();
    assertThat(tokens().authenticate(body.get("token").asText())).isPresent();
  }

  @Test
  void create_unknownRole_exitsOneNamingRoles() {
    CommandLineRunner.Result r =
        CommandLineRunner.run(env(), "token", "create", "--role", "superuser");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stdout()).isEmpty();
    assertThat(r.stderr()).contains("'superuser'").contains("admin, operator, auditor");
  }

  @Test
  void create_withoutRole_exitsOne() {
    CommandLineRunner.Result r = CommandLineRunner.run(env(), "token", "create");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("--role");
  }

  @Test
  void list_showsFactsNeverSecretOrHash() throws Exception {
    String token = create("operator", "desk");
    String hash = JSON.readTree(tokens().file().toFile()).at("/tokens/0/sha256").asText();

    CommandLineRunner.Result text = CommandLineRunner.run(env(), "token", "list");
    CommandLineRunner.Result json = CommandLineRunner.run(env(), "token", "list", "--json");

    assertThat(text.exitCode()).isZero();
    assertThat(text.stdout()).contains("desk").contains("operator").contains("active");
    JsonNode row = JSON.readTree(json.stdout()).at("/tokens/0");
    assertThat(row.get("name").asText()).isEqualTo("desk");
    assertThat(row.get("revoked").isNull()).isTrue();
    for (CommandLineRunner.Result r : new CommandLineRunner.Result[] {text, json}) {
      assertThat(r.stdout() + r.stderr()).doesNotContain(token.substring(13)).doesNotContain(hash);
    }
  }

  @Test
  void list_none_saysHowToCreate() {
    CommandLineRunner.Result r = CommandLineRunner.run(env(), "token", "list");

    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).contains("no access tokens").contains("bdr token create");
  }

  @Test
  void revoke_byName_tokenRefusedAfterwards() throws Exception {
    String token = create("admin", "old-laptop");

    CommandLineRunner.Result r = CommandLineRunner.run(env(), "token", "revoke", "old-laptop");

    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).contains("revoked token").contains("old-laptop");
    assertThat(tokens().authenticate(token)).isEmpty();
    assertThat(CommandLineRunner.run(env(), "token", "list").stdout()).contains("revoked 20");
  }

  @Test
  void revoke_unknown_exitsOne() {
    CommandLineRunner.Result r = CommandLineRunner.run(env(), "token", "revoke", "nobody");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("'nobody'").contains("bdr token list");
  }

  @Test
  void list_insecureFile_exitsOneWithChmodHint() throws Exception {
    create("admin", null);
    Path file = tokens().file();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    CommandLineRunner.Result r = CommandLineRunner.run(env(), "token", "list", "--json");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("chmod 600 " + file);
    assertThat(JSON.readTree(r.stdout()).at("/error/code").asText())
        .isEqualTo("INSECURE_TOKEN_FILE");
  }

  @Test
  void token_withoutSubcommand_printsUsage() {
    CommandLineRunner.Result r = CommandLineRunner.run(env(), "token");

    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).contains("create").contains("list").contains("revoke");
  }

  private String create(String role, String name) {
    CommandLineRunner.Result r =
        name == null
            ? CommandLineRunner.run(env(), "token", "create", "--role", role)
            : CommandLineRunner.run(env(), "token", "create", "--role", role, "--name", name);
    return r.requireSuccess().stdout().strip();
  }

  private AccessTokens tokens() {
    return new AccessTokens(env());
  }

  private Map<String, String> env() {
    return Map.of("BDR_HOME", tmp.resolve("home").toString());
  }
}
