package org.bdr.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Creating, authenticating and revoking tokens, and how the token file is kept. */
class TokenStoreTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Instant T1 = Instant.parse("2026-03-02T11:30:00Z");

  @TempDir Path tmp;

  private Path folder;
  private Path file;
  private TokenStore store;

  @BeforeEach
  void setUp() throws Exception {
    folder = tmp.resolve("state");
    file = folder.resolve("tokens.json");
    store = new TokenStore(file, Clock.fixed(T0, ZoneOffset.UTC));
  }

  @Test
  void create_thenAuthenticate_givesPrincipalWithRole() throws Exception {
    IssuedToken issued = store.create(Role.OPERATOR, "front-desk");

    assertThat(issued.token()).matches("bdr_[0-9a-f]{8}_[A-Za-z0-9_-]{43}");
    assertThat(issued.info())
        .isEqualTo(new TokenInfo(issued.info().id(), "front-desk", Role.OPERATOR, T0, null));
    assertThat(store.authenticate(issued.token()))
        .contains(new Principal(issued.info().id(), "front-desk", Role.OPERATOR));
  }

  @Test
  void create_withoutName_namedAfterId() throws Exception {
    IssuedToken issued = store.create(Role.AUDITOR, null);

    assertThat(issued.info().name()).isEqualTo("token-" + issued.info().id());
    assertThat(store.list()).containsExactly(issued.info());
  }

  @Test
  void create_fileHoldsHashNeverSecret() throws Exception {
    IssuedToken issued = store.create(Role.ADMIN, "admin-laptop");
    String secret = issued.token().substring(issued.token().lastIndexOf('_') + 1);

    String stored = Files.readString(file, UTF_8);

    assertThat(stored).doesNotContain(secret).doesNotContain(issued.token());
    assertThat(stored).contains("\"sha256\"").contains(issued.info().id());
    assertThat(issued.toString()).doesNotContain(secret);
  }

  @Test
  void create_fileIsMode600InFolder700() throws Exception {
    store.create(Role.ADMIN, null);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
        .isEqualTo("rwx------");
    try (var names = Files.list(folder)) {
      assertThat(names.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("tokens.json", "tokens.json.lock");
    }
  }

  @Test
  void create_nameOfActiveToken_refused() throws Exception {
    IssuedToken first = store.create(Role.OPERATOR, "backup-host");

    assertThatThrownBy(() -> store.create(Role.ADMIN, "backup-host"))
        .isInstanceOfSatisfying(
            BdrException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
              assertThat(e.getMessage()).contains("backup-host").contains(first.info().id());
            });
    assertThat(store.list()).hasSize(1);
  }

  @Test
  void create_nameOfRevokedToken_allowed() throws Exception {
    store.create(Role.OPERATOR, "backup-host");
    store.revoke("backup-host");

    IssuedToken second = store.create(Role.OPERATOR, "backup-host");

    assertThat(store.authenticate(second.token())).isPresent();
    assertThat(store.list()).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "-leading-dash", "has space", "new\nline", "deadbeef", "é"})
  void create_malformedName_refused(String name) {
    assertThatThrownBy(() -> store.create(Role.OPERATOR, name))
        .isInstanceOfSatisfying(
            BdrException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    assertThat(file).doesNotExist();
  }

  @Test
  void revoke_byId_tokenNoLongerAuthenticates() throws Exception {
    IssuedToken issued = store.create(Role.ADMIN, "old-laptop");
    TokenStore later = new TokenStore(file, Clock.fixed(T1, ZoneOffset.UTC));

    TokenInfo revoked = later.revoke(issued.info().id());

    assertThat(revoked.revoked()).isEqualTo(T1);
    assertThat(revoked.active()).isFalse();
    assertThat(store.authenticate(issued.token())).isEmpty();
    assertThat(store.list()).containsExactly(revoked);
  }

  @Test
  void revoke_byName_onlyThatToken() throws Exception {
    IssuedToken kept = store.create(Role.OPERATOR, "keep");
    IssuedToken gone = store.create(Role.OPERATOR, "gone");

    store.revoke("gone");

    assertThat(store.authenticate(kept.token())).isPresent();
    assertThat(store.authenticate(gone.token())).isEmpty();
  }

  @Test
  void revoke_unknown_invalidArgument() throws Exception {
    store.create(Role.OPERATOR, "keep");

    assertThatThrownBy(() -> store.revoke("nobody"))
        .isInstanceOfSatisfying(
            BdrException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
              assertThat(e.getMessage()).contains("'nobody'");
            });
  }

  @Test
  void revoke_twice_secondSaysAlreadyRevoked() throws Exception {
    IssuedToken issued = store.create(Role.OPERATOR, null);
    store.revoke(issued.info().id());

    assertThatThrownBy(() -> store.revoke(issued.info().id()))
        .isInstanceOfSatisfying(
            BdrException.class, e -> assertThat(e.getMessage()).contains("already revoked"));
  }

  @Test
  void authenticate_unknownId_empty() throws Exception {
    IssuedToken issued = store.create(Role.ADMIN, null);
    String otherId = issued.info().id().equals("00000000") ? "11111111" : "00000000";
    String forged = "bdr_" + otherId + issued.token().substring(12);

    assertThat(store.authenticate(forged)).isEmpty();
  }

  @Test
  void authenticate_wrongSecretForKnownId_empty() throws Exception {
    IssuedToken issued = store.create(Role.ADMIN, null);
    char last = issued.token().charAt(issued.token().length() - 1);
    String tampered =
        issued.token().substring(0, issued.token().length() - 1) + (last == 'A' ? 'B' : 'A');

    assertThat(store.authenticate(tampered)).isEmpty();
  }

  @Test
  void authenticate_secretOfAnotherToken_empty() throws Exception {
    IssuedToken a = store.create(Role.AUDITOR, "a");
    IssuedToken b = store.create(Role.ADMIN, "b");
    String mixed = a.token().substring(0, 13) + b.token().substring(13);

    assertThat(store.authenticate(mixed)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "bdr_",
        "Bearer bdr_0123abcd_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "xyz_0123abcd_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "bdr_0123ABCD_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "bdr_0123abcd-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "bdr_0123abcd_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "bdr_0123abcd_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "bdr_0123abcd_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA ",
        "bdr_0123abcd_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+"
      })
  void authenticate_malformed_emptyWithoutError(String bearer) throws Exception {
    store.create(Role.ADMIN, null);

    assertThat(store.authenticate(bearer)).isEmpty();
  }

  @Test
  void authenticate_null_empty() throws Exception {
    assertThat(store.authenticate(null)).isEmpty();
  }

  @Test
  void authenticate_noFileYet_empty() throws Exception {
    assertThat(store.authenticate("bdr_0123abcd_" + "A".repeat(43))).isEmpty();
    assertThat(file).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"rw-r--r--", "rw-r-----", "rw----r--", "rw--w----"})
  void authenticate_fileOpenToOthers_refusedWithChmodHint(String mode) throws Exception {
    IssuedToken issued = store.create(Role.ADMIN, null);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));

    assertThatThrownBy(() -> store.authenticate(issued.token()))
        .isInstanceOfSatisfying(
            BdrException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INSECURE_TOKEN_FILE);
              assertThat(e.getMessage()).contains(file.toString()).contains(mode);
              assertThat(e.recovery()).isEqualTo("run: chmod 600 " + file);
            });
  }

  @Test
  void create_fileOpenToOthers_refusedAndLeftAsIs() throws Exception {
    store.create(Role.ADMIN, null);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    String before = Files.readString(file);

    assertThatThrownBy(() -> store.create(Role.ADMIN, null))
        .isInstanceOfSatisfying(
            BdrException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INSECURE_TOKEN_FILE));
    assertThat(Files.readString(file)).isEqualTo(before);
  }

  @Test
  void authenticate_folderWritableByOthers_refusedWithChmodHint() throws Exception {
    IssuedToken issued = store.create(Role.ADMIN, null);
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwx---"));

    assertThatThrownBy(() -> store.authenticate(issued.token()))
        .isInstanceOfSatisfying(
            BdrException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INSECURE_TOKEN_FILE);
              assertThat(e.recovery()).isEqualTo("run: chmod 700 " + folder.toAbsolutePath());
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "[]",
        "{\"version\":2,\"tokens\":[]}",
        "{\"version\":1}",
        "{\"version\":1,\"tokens\":[{\"id\":\"0123abcd\"}]}",
        "{\"version\":1,\"tokens\":[{\"id\":\"xyz\",\"name\":\"a\",\"role\":\"admin\","
            + "\"created\":\"2026-03-01T10:00:00Z\",\"revoked\":null,\"sha256\":\"00\"}]}",
        "{\"version\":1,\"tokens\":[{\"id\":\"0123abcd\",\"name\":\"a\",\"role\":\"root\","
            + "\"created\":\"2026-03-01T10:00:00Z\",\"revoked\":null,"
            + "\"sha256\":\"0000000000000000000000000000000000000000000000000000000000000000\"}]}",
        "{\"version\":1,\"tokens\":[{\"id\":\"0123abcd\",\"name\":\"a\",\"role\":\"admin\","
            + "\"created\":\"yesterday\",\"revoked\":null,"
            + "\"sha256\":\"0000000000000000000000000000000000000000000000000000000000000000\"}]}"
      })
  void authenticate_damagedFile_errorNamesFile(String content) throws Exception {
    Files.createDirectories(folder);
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

    assertThatThrownBy(() -> store.authenticate("bdr_0123abcd_" + "A".repeat(43)))
        .isInstanceOfSatisfying(
            BdrException.class,
            e -> {
              assertThat(e.getMessage()).contains(file.toString()).contains("damaged");
              assertThat(e.recovery()).contains("bdr token create");
            });
  }

  @Test
  void create_concurrentThreads_everyTokenKept() throws Exception {
    int threads = 8;
    int each = 5;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<IssuedToken>>> futures = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        // A store per thread, as separate requests or commands would have.
        TokenStore own = new TokenStore(file, Clock.systemUTC());
        Callable<List<IssuedToken>> creator =
            () -> {
              start.await();
              List<IssuedToken> made = new ArrayList<>();
              for (int i = 0; i < each; i++) {
                made.add(own.create(Role.OPERATOR, null));
              }
              return made;
            };
        futures.add(pool.submit(creator));
      }
      start.countDown();
      List<IssuedToken> all = new ArrayList<>();
      for (Future<List<IssuedToken>> f : futures) {
        all.addAll(f.get());
      }

      assertThat(store.list()).hasSize(threads * each);
      for (IssuedToken issued : all) {
        assertThat(store.authenticate(issued.token())).isPresent();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
