package org.bdr.auth;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;

/**
 * The access tokens of one bdr installation, kept in one file (see {@link TokenFile}) that holds
 * each token's hash, never its secret.
 *
 * <p>Changes are serialised by an exclusive lock on a sibling {@code .lock} file (between
 * processes) and a lock per file (between threads of this process, which the operating system's
 * file lock does not separate), so two creators running at once both keep their token. Reads take
 * no lock: the file is only ever replaced whole.
 */
public final class TokenStore {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
  private static final byte[] NO_HASH = new byte[32];
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ConcurrentHashMap<Path, ReentrantLock> LOCAL_LOCKS =
      new ConcurrentHashMap<>();

  private final TokenFile file;
  private final Path lockFile;
  private final Clock clock;

  /**
   * A store kept in {@code file}, whose folder must be writable by its owner only.
   *
   * @param clock gives creation and revocation times
   */
  public TokenStore(Path file, Clock clock) {
    Path absolute = file.toAbsolutePath().normalize();
    this.file = new TokenFile(absolute);
    this.lockFile = absolute.resolveSibling(absolute.getFileName() + ".lock");
    this.clock = clock;
  }

  /** The file the tokens are kept in. */
  public Path path() {
    return file.path();
  }

  /**
   * Creates a token for {@code role}.
   *
   * @param name unique among active tokens; null for {@code token-<id>}
   * @return the token with its secret, which is not kept anywhere
   * @throws BdrException if the name is malformed or taken, or the file cannot be trusted
   */
  public IssuedToken create(Role role, String name) throws IOException {
    if (name != null) {
      checkName(name);
    }
    return locked(
        tokens -> {
          if (name != null) {
            refuseTakenName(tokens, name);
          }
          String id;
          String chosen;
          do {
            id = BearerToken.newId(RANDOM);
            chosen = name != null ? name : "token-" + id;
          } while (findById(tokens, id).isPresent() || findActive(tokens, chosen).isPresent());
          BearerToken token = BearerToken.generate(id, RANDOM);
          Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
          TokenInfo info = new TokenInfo(id, chosen, role, now, null);
          tokens.add(new StoredToken(info, token.hash()));
          return new IssuedToken(info, token.text());
        });
  }

  /** Every token, active and revoked, oldest first. */
  public List<TokenInfo> list() throws IOException {
    return file.read().stream().map(StoredToken::info).toList();
  }

  /**
   * Revokes the token with id {@code idOrName}, or else the active token so named.
   *
   * @return the token as revoked
   * @throws BdrException if no token matches, or the one matched is revoked already
   */
  public TokenInfo revoke(String idOrName) throws IOException {
    String key = idOrName == null ? "" : idOrName.strip();
    return locked(
        tokens -> {
          Optional<StoredToken> found = findById(tokens, key).or(() -> findActive(tokens, key));
          if (found.isEmpty()) {
            throw new BdrException(
                ErrorCode.INVALID_ARGUMENT,
                "'" + key + "' is neither a token id nor the name of an active token",
                "run 'bdr token list' to see the tokens and their ids");
          }
          StoredToken t = found.get();
          if (!t.info().active()) {
            throw new BdrException(
                ErrorCode.INVALID_ARGUMENT,
                "the token " + t.info().id() + " was already revoked at " + t.info().revoked(),
                "nothing to do: it is no longer accepted");
          }
          StoredToken revoked = t.revokedAt(clock.instant().truncatedTo(ChronoUnit.SECONDS));
          tokens.replaceAll(each -> each == t ? revoked : each);
          return revoked.info();
        });
  }

  /**
   * The caller {@code bearer} identifies, or empty if it is malformed, unknown, revoked or wrong.
   * The hash is compared in constant time, and compared even when the id is unknown.
   *
   * @param bearer the token text, without the {@code Bearer } prefix
   * @throws BdrException if the token file is open to other users or damaged
   */
  public Optional<Principal> authenticate(String bearer) throws IOException {
    Optional<BearerToken> parsed = BearerToken.parse(bearer);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    BearerToken token = parsed.get();
    Optional<StoredToken> entry = findById(file.read(), token.id());
    byte[] expected = entry.map(StoredToken::sha256).orElse(NO_HASH);
    boolean matches = MessageDigest.isEqual(expected, token.hash());
    if (!matches || entry.isEmpty() || !entry.get().info().active()) {
      return Optional.empty();
    }
    TokenInfo i = entry.get().info();
    return Optional.of(new Principal(i.id(), i.name(), i.role()));
  }

  /** A change to the token list, made while the store is locked. */
  private interface Change<T> {
    T apply(List<StoredToken> tokens) throws IOException;
  }

  /** Reads the tokens, applies {@code change} and writes them back, holding both locks. */
  private <T> T locked(Change<T> change) throws IOException {
    ReentrantLock local = LOCAL_LOCKS.computeIfAbsent(lockFile, p -> new ReentrantLock());
    local.lock();
    try {
      file.prepareFolder();
      try (FileChannel ch =
              FileChannel.open(
                  lockFile,
                  EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                  PosixFilePermissions.asFileAttribute(
                      PosixFilePermissions.fromString("rw-------")));
          FileLock held = ch.lock()) {
        List<StoredToken> tokens = file.read();
        T result = change.apply(tokens);
        file.write(tokens);
        return result;
      }
    } finally {
      local.unlock();
    }
  }

  private static void checkName(String name) {
    if (!NAME.matcher(name).matches() || BearerToken.isId(name)) {
      throw new BdrException(
          ErrorCode.INVALID_ARGUMENT,
          "the token name '" + name + "' is not allowed",
          "use 1 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit"
              + " (and not 8 hex digits, which would read as an id)");
    }
  }

  private static void refuseTakenName(List<StoredToken> tokens, String name) {
    Optional<StoredToken> taken = findActive(tokens, name);
    if (taken.isPresent()) {
      throw new BdrException(
          ErrorCode.INVALID_ARGUMENT,
          "an active token is already named '" + name + "' (id " + taken.get().info().id() + ")",
          "choose another --name, or revoke that token first with 'bdr token revoke " + name + "'");
    }
  }

  private static Optional<StoredToken> findById(List<StoredToken> tokens, String id) {
    return tokens.stream().filter(t -> t.info().id().equals(id)).findFirst();
  }

  private static Optional<StoredToken> findActive(List<StoredToken> tokens, String name) {
    return tokens.stream()
        .filter(t -> t.info().active() && t.info().name().equals(name))
        .findFirst();
  }
}
