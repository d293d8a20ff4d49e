package org.bdr.crypto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;

/**
 * A restic key file: the master key, encrypted under a key that scrypt derives from a password.
 *
 * @param created when the key was added, RFC 3339
 * @param username who added it
 * @param hostname where it was added
 * @param kdf always {@code scrypt}
 * @param n scrypt's CPU/memory cost
 * @param r scrypt's block size
 * @param p scrypt's parallelism
 * @param salt the scrypt salt
 * @param data the sealed master key JSON
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyFile(
    @JsonProperty("created") String created,
    @JsonProperty("username") String username,
    @JsonProperty("hostname") String hostname,
    @JsonProperty("kdf") String kdf,
    @JsonProperty("N") int n,
    @JsonProperty("r") int r,
    @JsonProperty("p") int p,
    @JsonProperty("salt") byte[] salt,
    @JsonProperty("data") byte[] data) {

  /** scrypt parameters for new keys: 2^15 × 8 × 1, about 32 MiB and a fraction of a second. */
  public static final int DEFAULT_N = 1 << 15;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Validates the parameters a key file must have to be usable. */
  public KeyFile {
    if (!"scrypt".equals(kdf)) {
      throw new IllegalArgumentException("key file uses KDF '" + kdf + "', only scrypt is known");
    }
    if (n <= 1 || Integer.bitCount(n) != 1 || r <= 0 || p <= 0) {
      throw new IllegalArgumentException(
          "key file has invalid scrypt parameters N=" + n + " r=" + r + " p=" + p);
    }
    if (salt == null || data == null) {
      throw new IllegalArgumentException("key file lacks its salt or data");
    }
    if (data.length <= MasterKey.OVERHEAD) {
      throw new IllegalArgumentException(
          "key file data of " + data.length + " bytes is too short to hold a master key");
    }
  }

  /** Encrypts {@code master} under {@code password} with fresh salt and the given cost. */
  public static KeyFile create(
      char[] password, MasterKey master, String username, String hostname, int n) {
    byte[] salt = new byte[64];
    RANDOM.nextBytes(salt);
    MasterKey user = derive(password, salt, n, 8, 1);
    byte[] plain = masterJson(master);
    return new KeyFile(
        OffsetDateTime.now().toString(),
        username,
        hostname,
        "scrypt",
        n,
        8,
        1,
        salt,
        user.seal(plain));
  }

  /** Parses a key file's JSON. */
  public static KeyFile parse(byte[] json) throws IOException {
    try {
      return JSON.readValue(json, KeyFile.class);
    } catch (IllegalArgumentException e) {
      throw new IOException("key file is not valid: " + e.getMessage(), e);
    }
  }

  /** This key file as JSON. */
  public byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise key file", e);
    }
  }

  /**
   * Derives the user key from {@code password} and decrypts the master key.
   *
   * @throws AuthenticationException if the password does not open this key
   */
  public MasterKey unlock(char[] password) throws AuthenticationException {
    byte[] plain = derive(password, salt, n, r, p).open(data);
    try {
      JsonNode node = JSON.readTree(plain);
      Base64.Decoder b64 = Base64.getDecoder();
      return new MasterKey(
          b64.decode(node.path("encrypt").asText()),
          b64.decode(node.path("mac").path("k").asText()),
          b64.decode(node.path("mac").path("r").asText()));
    } catch (IOException | IllegalArgumentException e) {
      throw new AuthenticationException("key file decrypted but its master key is malformed");
    }
  }

  private static MasterKey derive(char[] password, byte[] salt, int n, int r, int p) {
    byte[] pw = new String(password).getBytes(StandardCharsets.UTF_8);
    return MasterKey.fromBytes(Scrypt.derive(pw, salt, n, r, p, 64));
  }

  private static byte[] masterJson(MasterKey master) {
    Base64.Encoder b64 = Base64.getEncoder();
    ObjectNode root = JSON.createObjectNode();
    ObjectNode mac = root.putObject("mac");
    mac.put("k", b64.encodeToString(master.macK()));
    mac.put("r", b64.encodeToString(master.macR()));
    root.put("encrypt", b64.encodeToString(master.encryptionKey()));
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise master key", e);
    }
  }

  @Override
  public String toString() {
    return "KeyFile[created=" + created + ", user=" + username + ", host=" + hostname + "]";
  }
}
