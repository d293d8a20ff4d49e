package org.bdr.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bdr.app.ExportConfig.Export;
import org.bdr.app.ExportConfig.Source;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;
import org.bdr.repo.Repository;
import org.bdr.repo.Snapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exported configuration names sources, excludes and retention, and never a secret. */
class ExportConfigTest {

  @TempDir Path tmp;

  private RepositoryFixture fixture;
  private Path records;
  private Path scans;

  @BeforeEach
  void backups() throws Exception {
    fixture = new RepositoryFixture(tmp);
    records = RepositoryFixture.tree(tmp.resolve("records"), Map.of("a.csv", "1", "b.tmp", "2"));
    scans = RepositoryFixture.tree(tmp.resolve("scans"), Map.of("x.dcm", "3"));
    fixture.backup(records, List.of(), "first");
    fixture.backup(records, List.of("*.tmp", "cache/"), "nightly");
    fixture.backup(scans, List.of(), null);
  }

  private Export export(String format) throws Exception {
    return new ExportConfig(fixture.opener).run(fixture.options, format);
  }

  @Test
  void run_json_sourcesWithTheirNewestExcludesAndLabel() throws Exception {
    Export e = export("json");

    JsonNode root = new ObjectMapper().readTree(e.text());
    assertThat(e.format()).isEqualTo("json");
    assertThat(root.at("/repository/location").asText()).isEqualTo(fixture.repo.toString());
    assertThat(root.at("/repository/version").asInt()).isEqualTo(2);
    assertThat(root.at("/repository/compression").asText()).isEqualTo("zstd");
    assertThat(root.at("/repository/id").asText()).hasSize(8);
    assertThat(root.at("/repository/passwordSource").asText()).isEqualTo("password file");
    assertThat(root.at("/sources")).hasSize(2);
    JsonNode first = root.at("/sources/0");
    assertThat(first.at("/paths/0").asText()).isEqualTo(records.toString());
    assertThat(first.at("/excludes").toString()).isEqualTo("[\"*.tmp\",\"cache/\"]");
    assertThat(first.at("/snapshots").asInt()).isEqualTo(2);
    assertThat(first.at("/label").asText()).isEqualTo("nightly");
    assertThat(root.at("/sources/1/excludes").toString()).isEqualTo("[]");
    assertThat(root.at("/retention/keepDaily").asInt()).isEqualTo(7);
    assertThat(root.at("/retention/keepWeekly").asInt()).isEqualTo(4);
    assertThat(root.at("/retention/keepMonthly").asInt()).isEqualTo(12);
    assertThat(root.at("/retention/protectedNeverRemoved").asBoolean()).isTrue();
    assertThat(root.at("/retention/applied").asBoolean()).isFalse();
    assertThat(root.at("/retention/status").asText()).contains("not applied yet");
  }

  @Test
  void run_yaml_parsesBackToTheSameFacts() throws Exception {
    Export e = export("YAML");

    JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(e.text());
    JsonNode json = new ObjectMapper().readTree(export("json").text());
    assertThat(e.format()).isEqualTo("yaml");
    assertThat(yaml).isEqualTo(json);
    assertThat(e.text()).contains("keepMonthly: 12");
  }

  @Test
  void run_markdown_headingSourcesTableAndRetention() throws Exception {
    String md = export("markdown").text();

    assertThat(md).startsWith("# bdr backup configuration\n");
    assertThat(md).contains("| Host | Paths | Excludes | Last backup | Snapshots | Label |");
    assertThat(md).contains("| `" + records + "` | `*.tmp`, `cache/` | ");
    assertThat(md).contains("| `" + scans + "` | none | ");
    assertThat(md).contains("- Keep daily: 7\n- Keep weekly: 4\n- Keep monthly: 12\n");
    assertThat(md).contains("- Applied automatically: no");
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "yaml", "markdown"})
  void run_anyFormat_noPasswordNorWhereItIsKept(String format) throws Exception {
    String command = "printf '%s' '" + RepositoryFixture.PASSWORD + "'";
    RepositoryOptions byCommand = new RepositoryOptions(fixture.repo.toString(), null, command);

    Export byFile = export(format);
    Export viaCommand = new ExportConfig(fixture.opener).run(byCommand, format);

    for (Export e : List.of(byFile, viaCommand)) {
      String all = e.text() + e.config();
      assertThat(all).doesNotContain(RepositoryFixture.PASSWORD);
      assertThat(all).doesNotContain(fixture.passwordFile.toString());
      assertThat(all).doesNotContain("printf");
    }
    assertThat(viaCommand.config().repository().passwordSource()).isEqualTo("password command");
  }

  @Test
  void run_environmentPassword_namedByKindOnly() throws Exception {
    RepositoryOpener env =
        new RepositoryOpener(
            Map.of(
                "BDR_HOME",
                tmp.resolve("home").toString(),
                "BDR_KEYCHAIN",
                "off",
                "BDR_PASSWORD",
                RepositoryFixture.PASSWORD));

    Export e =
        new ExportConfig(env)
            .run(new RepositoryOptions(fixture.repo.toString(), null, null), "json");

    assertThat(e.config().repository().passwordSource()).isEqualTo("environment");
    assertThat(e.text()).doesNotContain(RepositoryFixture.PASSWORD);
  }

  @Test
  void run_snapshotAnotherProgramWroteWithoutExcludes_excludesUnknown() throws Exception {
    Repository repo = fixture.opener.open(fixture.options, false).repository();
    Snapshot any = repo.findSnapshot("latest").getValue();
    repo.saveSnapshot(
        new Snapshot(
            any.time(),
            null,
            any.tree(),
            List.of("/srv/old-share"),
            "front-desk",
            "office",
            1000,
            1000,
            null,
            null,
            "restic 0.14.0",
            null));

    Export e = export("markdown");

    Source old =
        e.config().sources().stream()
            .filter(s -> s.host().equals("front-desk"))
            .findFirst()
            .orElseThrow();
    assertThat(old.excludes()).isNull();
    assertThat(old.label()).isNull();
    assertThat(e.text()).contains("| `/srv/old-share` | unknown | ");
  }

  @Test
  void run_unknownFormat_invalidArgumentNamingTheAllowedValues() {
    assertThatThrownBy(() -> export("xml"))
        .isInstanceOfSatisfying(
            BdrException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
              assertThat(e.getMessage()).contains("format 'xml'").contains("json, yaml, markdown");
            });
  }
}
