package org.bdr.app;

import com.github.javakeyring.Keyring;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The operating system's keychain (macOS Keychain, Windows Credential Manager, Linux Secret
 * Service). Every call is bounded in time: a headless machine without a keychain daemon must not
 * hang a backup. Setting {@code BDR_KEYCHAIN=off} skips it.
 */
final class Keychain {

  private static final String SERVICE = "bdr";
  private static final long TIMEOUT_SECONDS = 3;

  private final boolean enabled;

  Keychain(boolean enabled) {
    this.enabled = enabled;
  }

  /** The stored password for {@code account}, if a keychain answered and holds one. */
  Optional<String> read(String account) {
    if (!enabled) {
      return Optional.empty();
    }
    return call(
        () -> {
          try (Keyring k = Keyring.create()) {
            return k.getPassword(SERVICE, account);
          }
        });
  }

  /** Stores a password; returns whether a keychain took it. */
  boolean store(String account, String password) {
    if (!enabled) {
      return false;
    }
    return call(() -> {
          try (Keyring k = Keyring.create()) {
            k.setPassword(SERVICE, account, password);
            return "stored";
          }
        })
        .isPresent();
  }

  /** What the keychain is called on this system, for messages. */
  static String name() {
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    if (os.contains("mac")) {
      return "the macOS Keychain";
    }
    if (os.contains("win")) {
      return "the Windows Credential Manager";
    }
    return "the Secret Service keyring";
  }

  private interface KeychainCall {
    String run() throws Exception;
  }

  private static Optional<String> call(KeychainCall call) {
    CompletableFuture<String> f =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return call.run();
              } catch (Exception | LinkageError e) {
                return null;
              }
            });
    try {
      return Optional.ofNullable(f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    } catch (Exception e) {
      f.cancel(true);
      return Optional.empty();
    }
  }
}
