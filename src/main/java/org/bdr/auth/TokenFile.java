package org.bdr.auth;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.bdr.backend.PrivateFile;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;

/**
 * The token file on disk: JSON, mode 600, in a folder no one else may write. Read whole; replaced
 * whole by writing a temporary file beside it, forcing it to disk and renaming it over the old one,
 * so a reader sees the old file or the new one and never a mix.
 *
 * <pre>{"version":1,"tokens":[{"id":"…","name":"…","role":"operator",
 *   "created":"2026-01-02T03:04:05Z","revoked":null,"sha256":"…"}]}</pre>
 */
final class TokenFile {

  private static final int VERSION = 1;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Set<PosixFilePermission> OTHERS =
      EnumSet.complementOf(
          EnumSet.of(
              PosixFilePermission.OWNER_READ,
              PosixFilePermission.OWNER_WRITE,
              PosixFilePermission.OWNER_EXECUTE));
  private static final Set<PosixFilePermission> OTHERS_WRITE =
      EnumSet.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
  private static final FileAttribute<Set<PosixFilePermission>> FOLDER_700 =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

  private final Path file;

  /** The file at {@code file}, an absolute path. */
  TokenFile(Path file) {
    this.file = file.toAbsolutePath();
  }

  Path path() {
    return file;
  }

  /**
   * The tokens in the file; none if it does not exist.
   *
   * @throws BdrException if the file or its folder is open to other users, or the file is damaged
   */
  List<StoredToken> read() throws IOException {
    refuseOpenFolder();
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return new ArrayList<>();
    }
    PosixFileAttributes attrs =
        Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!attrs.isRegularFile()) {
      throw damaged("it is not a regular file");
    }
    if (attrs.permissions().stream().anyMatch(OTHERS::contains)) {
      throw new BdrException(
          ErrorCode.INSECURE_TOKEN_FILE,
          "the access token file "
              + file
              + " is accessible by other users (mode "
              + PosixFilePermissions.toString(attrs.permissions())
              + "); bdr refuses to use it",
          "run: chmod 600 " + file);
    }
    return parse(Files.readAllBytes(file));
  }

  /**
   * Creates the file's folder (700) if it is missing.
   *
   * @throws BdrException if it exists and others may write to it
   */
  void prepareFolder() throws IOException {
    Path folder = file.getParent();
    if (!Files.isDirectory(folder)) {
      Files.createDirectories(folder, FOLDER_700);
    }
    refuseOpenFolder();
  }

  /** Replaces the file's content with {@code tokens}, atomically and durably. */
  void write(List<StoredToken> tokens) throws IOException {
    byte[] bytes = (JSON.writeValueAsString(render(tokens)) + "\n").getBytes(UTF_8);
    PrivateFile.replace(file, bytes);
  }

  private void refuseOpenFolder() throws IOException {
    Path folder = file.getParent();
    if (!Files.isDirectory(folder)) {
      return;
    }
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(folder);
    if (perms.stream().anyMatch(OTHERS_WRITE::contains)) {
      throw new BdrException(
          ErrorCode.INSECURE_TOKEN_FILE,
          "the folder "
              + folder
              + " that holds the access tokens is writable by other users (mode "
              + PosixFilePermissions.toString(perms)
              + "); bdr refuses to use it",
          "run: chmod 700 " + folder);
    }
  }

  /** Makes the rename itself durable. */
  private ObjectNode render(List<StoredToken> tokens) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", VERSION);
    ArrayNode list = root.putArray("tokens");
    for (StoredToken t : tokens) {
      TokenInfo i = t.info();
      ObjectNode n = list.addObject();
      n.put("id", i.id());
      n.put("name", i.name());
      n.put("role", i.role().label());
      n.put("created", i.created().toString());
      n.put("revoked", i.revoked() == null ? null : i.revoked().toString());
      n.put("sha256", HexFormat.of().formatHex(t.sha256()));
    }
    return root;
  }

  private List<StoredToken> parse(byte[] bytes) {
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (IOException e) {
      throw damaged("it is not valid JSON");
    }
    if (root == null || !root.isObject() || root.path("version").asInt(-1) != VERSION) {
      throw damaged("it does not start with {\"version\":" + VERSION);
    }
    JsonNode list = root.get("tokens");
    if (list == null || !list.isArray()) {
      throw damaged("it has no \"tokens\" list");
    }
    List<StoredToken> tokens = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (JsonNode n : list) {
      StoredToken t = entry(n, tokens.size());
      if (!ids.add(t.info().id())) {
        throw damaged("the id " + t.info().id() + " appears twice");
      }
      tokens.add(t);
    }
    return tokens;
  }

  private StoredToken entry(JsonNode n, int index) {
    String where = "entry " + (index + 1);
    String id = text(n, "id", where);
    if (!BearerToken.isId(id)) {
      throw damaged(where + " has an id that is not 8 hex digits");
    }
    String hash = text(n, "sha256", where);
    byte[] sha256;
    try {
      sha256 = HexFormat.of().parseHex(hash);
    } catch (IllegalArgumentException e) {
      sha256 = new byte[0];
    }
    if (sha256.length != 32) {
      throw damaged(where + " (id " + id + ") has no valid sha256");
    }
    String name = text(n, "name", where);
    String roleText = text(n, "role", where);
    String createdText = text(n, "created", where);
    JsonNode r = n.get("revoked");
    if (r != null && !r.isNull() && !r.isTextual()) {
      throw damaged(where + " (id " + id + ") has a \"revoked\" that is neither null nor a time");
    }
    Role role;
    try {
      role = Role.parse(roleText);
    } catch (BdrException e) {
      throw damaged(where + " (id " + id + ") has an unknown role");
    }
    try {
      Instant created = Instant.parse(createdText);
      Instant revoked = r == null || r.isNull() ? null : Instant.parse(r.asText());
      return new StoredToken(new TokenInfo(id, name, role, created, revoked), sha256);
    } catch (DateTimeParseException e) {
      throw damaged(where + " (id " + id + ") has a time that is not RFC 3339");
    }
  }

  private String text(JsonNode n, String field, String where) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || v.asText().isEmpty()) {
      throw damaged(where + " has no \"" + field + "\"");
    }
    return v.asText();
  }

  private BdrException damaged(String what) {
    return new BdrException(
        ErrorCode.INTERNAL,
        "the access token file " + file + " is damaged: " + what,
        "restore it from a copy of the state folder, or move it aside and create new tokens with"
            + " 'bdr token create' (tokens in the old file then stop working)");
  }
}
