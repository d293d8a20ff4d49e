package org.bdr.repo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bdr.backend.Backend;
import org.bdr.backend.FileType;
import org.bdr.crypto.AuthenticationException;
import org.bdr.crypto.KeyFile;
import org.bdr.crypto.MasterKey;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;

/**
 * An open restic-format repository: the master key, the config, and the index of every blob.
 *
 * <p>Blobs are deduplicated by id, compressed with zstd (format version 2), sealed, and gathered
 * into packs of one blob type; a full pack is written, then its entries become part of the next
 * index file. Nothing is visible to readers until {@link #flush()} has written the index. Safe for
 * concurrent use by the backup's workers.
 */
public final class Repository {

  /** Pack files are closed once they reach this size. */
  static final int PACK_SIZE = 16 * 1024 * 1024;

  /** Room for a full pack plus the blob that crosses {@link #PACK_SIZE} and the header. */
  private static final int PACK_BUFFER = PACK_SIZE + PACK_SIZE / 2;

  private static final int INDEX_FLUSH_BLOBS = 50_000;
  private static final int ZSTD_LEVEL = 3;
  private static final ThreadLocal<ZstdCompressCtx> COMPRESSOR =
      ThreadLocal.withInitial(() -> new ZstdCompressCtx().setLevel(ZSTD_LEVEL));
  private static final ThreadLocal<com.github.luben.zstd.ZstdDecompressCtx> DECOMPRESSOR =
      ThreadLocal.withInitial(com.github.luben.zstd.ZstdDecompressCtx::new);
  private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[0]);

  /**
   * The largest scratch buffer a thread keeps: room for the largest data chunk compressed. Larger
   * (tree) blobs get a buffer of their own, so that a long-lived thread does not hold one.
   */
  private static final int SCRATCH_KEPT = 9 * 1024 * 1024;

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Backend backend;
  private final MasterKey key;
  private final Config config;
  private final Id keyId;
  private final BlobIndex index = new BlobIndex();
  private final Set<BlobKey> pending = ConcurrentHashMap.newKeySet();
  private final Packer[] packers = new Packer[BlobType.values().length];

  /** Buffers of written packs, kept for the next packs instead of allocating 24 MiB each time. */
  private final java.util.concurrent.BlockingQueue<byte[]> spareBuffers =
      new java.util.concurrent.ArrayBlockingQueue<>(2);

  private final Map<Id, List<Packer.Entry>> unindexed = new LinkedHashMap<>();
  private int unindexedBlobs;
  private final List<String> snapshotProblems = new java.util.concurrent.CopyOnWriteArrayList<>();

  private record BlobKey(BlobType type, Id id) {}

  private Repository(Backend backend, MasterKey key, Config config, Id keyId) {
    this.backend = backend;
    this.key = key;
    this.config = config;
    this.keyId = keyId;
  }

  /**
   * Creates a new repository of format version 2 with one key for {@code password}.
   *
   * @param polynomialHex the chunker polynomial the new repository will use
   */
  public static Repository init(
      Backend backend, char[] password, String polynomialHex, String username, String hostname)
      throws IOException {
    if (backend.isRepository()) {
      throw new BdrException(
          ErrorCode.INVALID_ARGUMENT,
          "a repository already exists at " + backend.location(),
          "use it as it is, or choose an empty folder for a new one");
    }
    try {
      backend.create();
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new BdrException(
          ErrorCode.INVALID_ARGUMENT,
          "a repository already exists at " + backend.location(),
          "use it as it is, or choose an empty folder for a new one");
    }
    MasterKey master = MasterKey.random();
    KeyFile keyFile = KeyFile.create(password, master, username, hostname, KeyFile.DEFAULT_N);
    byte[] keyJson = keyFile.toJson();
    Id keyId = Id.hash(keyJson);
    backend.save(FileType.KEY, keyId.hex(), keyJson);

    byte[] rid = new byte[32];
    new SecureRandom().nextBytes(rid);
    Config config = new Config(Config.LATEST_VERSION, HexFormat.of().formatHex(rid), polynomialHex);
    Repository repo = new Repository(backend, master, config, keyId);
    try {
      backend.saveNew(FileType.CONFIG, "config", master.seal(JSON.writeValueAsBytes(config)));
    } catch (java.nio.file.FileAlreadyExistsException e) {
      backend.remove(FileType.KEY, keyId.hex());
      throw new BdrException(
          ErrorCode.INVALID_ARGUMENT,
          "a repository was created at " + backend.location() + " by another process just now",
          "use that repository; nothing of this attempt was kept");
    }
    return repo;
  }

  /**
   * Opens a repository with {@code password} and loads its index.
   *
   * @throws BdrException REPOSITORY_NOT_FOUND, WRONG_PASSWORD, UNSUPPORTED_VERSION, or
   *     BACKUP_CORRUPTED if no key opens and some key files are damaged
   */
  public static Repository open(Backend backend, char[] password) throws IOException {
    if (!backend.isRepository()) {
      throw new BdrException(
          ErrorCode.REPOSITORY_NOT_FOUND,
          backend.location() + " is not a bdr or restic repository (it has no config file)",
          "check the repository path, or create one with 'bdr init'");
    }
    List<String> damaged = new ArrayList<>();
    IOException unreadable = null;
    int intact = 0;
    for (String name : backend.list(FileType.KEY)) {
      byte[] json;
      try {
        json = backend.load(FileType.KEY, name);
      } catch (NoSuchFileException e) {
        continue;
      } catch (IOException e) {
        unreadable = unreadable == null ? e : unreadable;
        continue;
      }
      KeyFile keyFile;
      try {
        keyFile = KeyFile.parse(json);
      } catch (IOException e) {
        damaged.add(name.length() > 8 ? name.substring(0, 8) : name);
        continue;
      }
      intact++;
      MasterKey master = tryKey(keyFile, password);
      if (master != null) {
        Config config = readConfig(backend, master);
        Repository repo = new Repository(backend, master, config, Id.parse(name));
        repo.loadIndex();
        return repo;
      }
    }
    if (!damaged.isEmpty()) {
      throw damagedKeys(backend, damaged, intact);
    }
    if (unreadable != null) {
      throw unreadable;
    }
    throw new BdrException(
        ErrorCode.WRONG_PASSWORD,
        "the password does not open the repository at " + backend.location(),
        "check the password file, password command or BDR_PASSWORD");
  }

  private static MasterKey tryKey(KeyFile keyFile, char[] password) {
    try {
      return keyFile.unlock(password);
    } catch (AuthenticationException e) {
      return null;
    }
  }

  /**
   * No key opened and some could not even be read as key files: say which, not "wrong password".
   */
  private static BdrException damagedKeys(Backend backend, List<String> damaged, int intact) {
    String which =
        (damaged.size() == 1 ? "key file " : "key files ")
            + String.join(", ", damaged)
            + " of the repository at "
            + backend.location()
            + (damaged.size() == 1 ? " is" : " are")
            + " damaged (not a valid key file), so the password could not be tried against "
            + (damaged.size() == 1 ? "it" : "them");
    String others =
        intact == 0 ? "" : "; the password does not open the other key" + (intact == 1 ? "" : "s");
    return new BdrException(
        ErrorCode.BACKUP_CORRUPTED,
        which + others,
        "use the password of another key, or restore the repository's keys folder from a copy");
  }

  private static Config readConfig(Backend backend, MasterKey master) throws IOException {
    Config config;
    try {
      config = JSON.readValue(master.open(backend.load(FileType.CONFIG, "config")), Config.class);
    } catch (AuthenticationException e) {
      throw corrupted("the config file of " + backend.location() + " fails authentication");
    }
    if (config.version() < 1 || config.version() > Config.LATEST_VERSION) {
      throw new BdrException(
          ErrorCode.UNSUPPORTED_VERSION,
          "the repository at "
              + backend.location()
              + " has format version "
              + config.version()
              + "; bdr reads versions 1 and 2",
          "use a newer bdr or restic release that knows this version");
    }
    return config;
  }

  /** The storage this repository lives in. */
  public Backend backend() {
    return backend;
  }

  /** The repository config. */
  public Config config() {
    return config;
  }

  /** The id of the key file that opened this repository. */
  public Id keyId() {
    return keyId;
  }

  /** The master key, for checking and repairing raw files. */
  public MasterKey key() {
    return key;
  }

  private boolean compresses() {
    return config.version() >= 2;
  }

  // ---- unpacked files: snapshots, index files, locks ----

  /** Decrypts and, where compressed, decompresses a snapshot, index or lock file. */
  public byte[] loadUnpacked(FileType type, String name) throws IOException {
    byte[] sealed = backend.load(type, name);
    byte[] plain;
    try {
      plain = key.open(sealed);
    } catch (AuthenticationException e) {
      throw corrupted(type.noun() + " file " + name + " fails authentication");
    }
    if (plain.length > 0 && plain[0] == 2 && compresses()) {
      try (InputStream in =
          new ZstdInputStream(new ByteArrayInputStream(plain, 1, plain.length - 1))) {
        return in.readAllBytes();
      }
    }
    return plain;
  }

  /** Compresses (version 2), seals and stores a file named by the hash of its stored bytes. */
  public Id saveUnpacked(FileType type, byte[] plain) throws IOException {
    byte[] payload = plain;
    if (compresses()) {
      byte[] z = Zstd.compress(plain, ZSTD_LEVEL);
      payload = new byte[z.length + 1];
      payload[0] = 2;
      System.arraycopy(z, 0, payload, 1, z.length);
    }
    byte[] sealed = key.seal(payload);
    Id id = Id.hash(sealed);
    backend.save(type, id.hex(), sealed);
    return id;
  }

  // ---- blobs ----

  /** Whether the repository holds (or is about to hold) a blob. */
  public boolean hasBlob(BlobType type, Id id) {
    return index.contains(type, id) || pending.contains(new BlobKey(type, id));
  }

  /** Where a blob is stored, or null if it is not indexed. */
  public BlobLocation locate(BlobType type, Id id) {
    return index.get(type, id);
  }

  /** How many blobs the index knows. */
  public int blobCount() {
    return index.size();
  }

  /**
   * Stores a blob unless it is already stored; returns how many bytes were added to packs (0 for a
   * duplicate).
   *
   * @param id the SHA-256 of {@code data[off, off+len)}, computed by the caller
   */
  public long saveBlob(BlobType type, Id id, byte[] data, int off, int len) throws IOException {
    BlobKey bk = new BlobKey(type, id);
    if (index.contains(type, id) || !pending.add(bk)) {
      return 0;
    }
    byte[] sealed = null;
    int ulen = 0;
    if (compresses() && len > 0) {
      byte[] z = scratch((int) Zstd.compressBound(len));
      int n = COMPRESSOR.get().compressByteArray(z, 0, z.length, data, off, len);
      if (n < len) {
        sealed = key.seal(z, 0, n);
        ulen = len;
      }
    }
    if (sealed == null) {
      sealed = key.seal(data, off, len);
    }
    Packer full = append(type, id, sealed, ulen);
    if (full != null) {
      writePack(full);
    }
    return sealed.length;
  }

  private Packer append(BlobType type, Id id, byte[] sealed, int ulen) {
    synchronized (packers) {
      Packer p = packers[type.ordinal()];
      if (p == null) {
        p = new Packer(type == BlobType.DATA ? packBuffer() : new byte[64 * 1024]);
        packers[type.ordinal()] = p;
      }
      p.add(type, id, sealed, ulen);
      if (p.size() >= PACK_SIZE) {
        packers[type.ordinal()] = null;
        return p;
      }
      return null;
    }
  }

  /** A buffer for a data pack: one a finished pack gave back, or a new one. */
  private byte[] packBuffer() {
    byte[] reused = spareBuffers.poll();
    return reused != null ? reused : new byte[PACK_BUFFER];
  }

  private void writePack(Packer packer) throws IOException {
    packer.finish(key);
    byte[] bytes = packer.buffer();
    Id packId = Id.hash(bytes, 0, packer.size());
    backend.save(FileType.PACK, packId.hex(), bytes, packer.size());
    if (bytes.length == PACK_BUFFER) {
      spareBuffers.offer(bytes);
    }
    List<Packer.Entry> entries = packer.entries();
    boolean indexFull;
    synchronized (unindexed) {
      for (Packer.Entry e : entries) {
        index.add(
            new BlobLocation(
                e.type(), e.id(), packId, e.offset(), e.length(), e.uncompressedLength()));
      }
      unindexed.put(packId, entries);
      unindexedBlobs += entries.size();
      indexFull = unindexedBlobs >= INDEX_FLUSH_BLOBS;
    }
    for (Packer.Entry e : entries) {
      pending.remove(new BlobKey(e.type(), e.id()));
    }
    if (indexFull) {
      writeIndex();
    }
  }

  /** Writes the packs still open and an index file for every pack not yet indexed. */
  public void flush() throws IOException {
    List<Packer> open = new ArrayList<>();
    synchronized (packers) {
      for (int i = 0; i < packers.length; i++) {
        if (packers[i] != null && packers[i].count() > 0) {
          open.add(packers[i]);
        }
        packers[i] = null;
      }
    }
    for (Packer p : open) {
      writePack(p);
    }
    writeIndex();
  }

  /**
   * Writes an index file for the packs already stored, leaving open packs alone; an interrupted
   * backup calls this so that the next backup reuses what was stored.
   */
  public void indexWrittenPacks() throws IOException {
    writeIndex();
  }

  private void writeIndex() throws IOException {
    Map<Id, List<Packer.Entry>> batch;
    synchronized (unindexed) {
      if (unindexed.isEmpty()) {
        return;
      }
      batch = new LinkedHashMap<>(unindexed);
      unindexed.clear();
      unindexedBlobs = 0;
    }
    saveUnpacked(FileType.INDEX, IndexFile.write(batch, List.of()));
  }

  /**
   * Loads and verifies a blob's plaintext.
   *
   * @throws BdrException BACKUP_CORRUPTED if the blob is missing, damaged or has the wrong hash
   */
  public byte[] loadBlob(BlobType type, Id id) throws IOException {
    BlobLocation loc = index.get(type, id);
    if (loc == null) {
      throw corrupted(type.json() + " blob " + id.shortHex() + " is not in the repository index");
    }
    return loadBlob(loc);
  }

  /** Loads and verifies the blob at {@code loc}. */
  public byte[] loadBlob(BlobLocation loc) throws IOException {
    byte[] sealed;
    try {
      sealed = backend.load(FileType.PACK, loc.pack().hex(), loc.offset(), loc.length());
    } catch (NoSuchFileException e) {
      throw corrupted(
          "pack " + loc.pack().shortHex() + " holding blob " + loc.id().shortHex() + " is missing");
    } catch (java.io.EOFException e) {
      throw corrupted(
          "pack "
              + loc.pack().shortHex()
              + " is shorter than its index says (truncated); blob "
              + loc.id().shortHex()
              + " cannot be read");
    }
    byte[] plain = decodeBlob(loc, sealed);
    if (!Id.hash(plain).equals(loc.id())) {
      throw corrupted(
          "blob "
              + loc.id().shortHex()
              + " in pack "
              + loc.pack().shortHex()
              + " does not match its hash");
    }
    return plain;
  }

  /** Opens and decompresses a blob's sealed bytes; does not check the hash. */
  public byte[] decodeBlob(BlobLocation loc, byte[] sealed) {
    return decodeBlob(loc, sealed, 0);
  }

  /**
   * Like {@link #decodeBlob(BlobLocation, byte[])} for the blob at {@code offset} in {@code buf}.
   */
  public byte[] decodeBlob(BlobLocation loc, byte[] buf, int offset) {
    boolean compressed = loc.compressed();
    byte[] plain;
    int plainLength;
    try {
      if (compressed) {
        plain = scratch(loc.length());
        plainLength = key.open(buf, offset, loc.length(), plain, 0);
      } else {
        plain = key.open(buf, offset, loc.length());
        plainLength = plain.length;
      }
    } catch (AuthenticationException e) {
      throw corrupted(
          "blob "
              + loc.id().shortHex()
              + " in pack "
              + loc.pack().shortHex()
              + " fails authentication");
    }
    if (!compressed) {
      return plain;
    }
    try {
      byte[] out = new byte[loc.uncompressedLength()];
      int n = DECOMPRESSOR.get().decompressByteArray(out, 0, out.length, plain, 0, plainLength);
      if (n != out.length) {
        throw new IllegalStateException("decompressed to " + n + " bytes");
      }
      return out;
    } catch (RuntimeException e) {
      throw corrupted(
          "blob "
              + loc.id().shortHex()
              + " in pack "
              + loc.pack().shortHex()
              + " does not decompress");
    }
  }

  /**
   * This thread's buffer for compressed plaintext on its way to the decompressor, grown to at least
   * {@code size} bytes; reusing it halves what a restore allocates per blob.
   */
  private static byte[] scratch(int size) {
    byte[] buf = SCRATCH.get();
    if (buf.length < size) {
      if (size > SCRATCH_KEPT) {
        return new byte[size];
      }
      buf = new byte[Math.min(SCRATCH_KEPT, Math.max(size, buf.length * 2))];
      SCRATCH.set(buf);
    }
    return buf;
  }

  // ---- index ----

  private void loadIndex() throws IOException {
    List<String> names = backend.list(FileType.INDEX);
    int threads = Math.min(4, Math.max(1, names.size()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<BlobLocation>>> parts = new ArrayList<>();
      for (String name : names) {
        parts.add(pool.submit(() -> IndexFile.read(loadUnpacked(FileType.INDEX, name))));
      }
      for (int i = 0; i < parts.size(); i++) {
        try {
          for (BlobLocation loc : parts.get(i).get()) {
            index.add(loc);
          }
        } catch (java.util.concurrent.ExecutionException e) {
          // Left out of the index: blobs only it lists count as missing, and check names the file.
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while loading the index", e);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Reads every index file again, duplicates included, for checking: each entry as the file states
   * it. Files that cannot be read are left out and named in {@code problems}.
   */
  public List<BlobLocation> readAllIndexEntries(List<String> problems) throws IOException {
    List<BlobLocation> out = new ArrayList<>();
    for (String name : backend.list(FileType.INDEX)) {
      if (!Id.isId(name)) {
        continue;
      }
      try {
        out.addAll(IndexFile.read(loadUnpacked(FileType.INDEX, name)));
      } catch (IOException | RuntimeException e) {
        problems.add("index file " + name.substring(0, 8) + " cannot be read: " + e.getMessage());
      }
    }
    return out;
  }

  /** Reads the header of a pack file. */
  public List<BlobLocation> readPackHeader(Id pack) throws IOException {
    long size = backend.size(FileType.PACK, pack.hex());
    if (size < 4 + MasterKey.OVERHEAD) {
      throw corrupted("pack " + pack.shortHex() + " is too short (" + size + " bytes)");
    }
    int tailLen = (int) Math.min(size, 64 * 1024);
    byte[] tail = backend.load(FileType.PACK, pack.hex(), size - tailLen, tailLen);
    int headerLen =
        java.nio.ByteBuffer.wrap(tail, tailLen - 4, 4)
            .order(java.nio.ByteOrder.LITTLE_ENDIAN)
            .getInt();
    if (headerLen + 4L > tailLen && headerLen + 4L <= size) {
      tail = backend.load(FileType.PACK, pack.hex(), size - headerLen - 4, headerLen + 4);
    }
    try {
      List<BlobLocation> out = new ArrayList<>();
      for (Packer.Entry e : Packer.parseHeader(key, tail, size)) {
        out.add(
            new BlobLocation(
                e.type(), e.id(), pack, e.offset(), e.length(), e.uncompressedLength()));
      }
      return out;
    } catch (AuthenticationException | IllegalArgumentException e) {
      throw corrupted("pack " + pack.shortHex() + " has a damaged header: " + e.getMessage());
    }
  }

  // ---- trees and snapshots ----

  /** Loads a tree blob. */
  public Tree loadTree(Id id) throws IOException {
    byte[] json = loadBlob(BlobType.TREE, id);
    try {
      return JSON.readValue(json, Tree.class);
    } catch (IOException | RuntimeException e) {
      throw corrupted("tree " + id.shortHex() + " is not a valid tree");
    }
  }

  /** Serialises and stores a tree; returns its id. */
  public Id saveTree(Tree tree) throws IOException {
    byte[] json = treeBytes(tree);
    Id id = Id.hash(json);
    saveBlob(BlobType.TREE, id, json, 0, json.length);
    return id;
  }

  /** The bytes a tree is stored as: its JSON and a newline, as restic writes it. */
  static byte[] treeBytes(Tree tree) throws IOException {
    byte[] json = JSON.writeValueAsBytes(tree);
    byte[] out = java.util.Arrays.copyOf(json, json.length + 1);
    out[json.length] = '\n';
    return out;
  }

  /** Stores a snapshot; returns its id. */
  public Id saveSnapshot(Snapshot snapshot) throws IOException {
    return saveUnpacked(FileType.SNAPSHOT, JSON.writeValueAsBytes(snapshot));
  }

  /** Loads one snapshot by its full id. */
  public Snapshot loadSnapshot(Id id) throws IOException {
    byte[] json = loadUnpacked(FileType.SNAPSHOT, id.hex());
    try {
      return JSON.readValue(json, Snapshot.class);
    } catch (IOException | RuntimeException e) {
      throw corrupted("snapshot file " + id.shortHex() + " is not a valid snapshot");
    }
  }

  /** Every snapshot with its id, in no particular order. */
  public Map<Id, Snapshot> snapshots() throws IOException {
    List<Id> ids =
        backend.list(FileType.SNAPSHOT).stream().filter(Id::isId).map(Id::parse).toList();
    Map<Id, Snapshot> out = new LinkedHashMap<>();
    snapshotProblems.clear();
    if (ids.size() < 8) {
      for (Id id : ids) {
        try {
          out.put(id, loadSnapshot(id));
        } catch (IOException | RuntimeException e) {
          snapshotProblems.add(unreadable(id, e));
        }
      }
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Snapshot>> loads = new ArrayList<>();
      for (Id id : ids) {
        loads.add(pool.submit(() -> loadSnapshot(id)));
      }
      for (int i = 0; i < ids.size(); i++) {
        try {
          out.put(ids.get(i), await(loads.get(i)));
        } catch (IOException | RuntimeException e) {
          snapshotProblems.add(unreadable(ids.get(i), e));
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String unreadable(Id id, Exception e) {
    return "snapshot file " + id.shortHex() + " cannot be read: " + e.getMessage();
  }

  /** Snapshot files the last {@link #snapshots()} call had to leave out, and why. */
  public List<String> snapshotProblems() {
    return List.copyOf(snapshotProblems);
  }

  private static <T> T await(Future<T> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading snapshots", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException("reading a snapshot failed", e.getCause());
    }
  }

  /**
   * Finds a snapshot by {@code latest}, a full id, or a unique id prefix.
   *
   * @throws BdrException BACKUP_NOT_FOUND if none matches, INVALID_ARGUMENT if the prefix is
   *     ambiguous
   */
  public Map.Entry<Id, Snapshot> findSnapshot(String ref) throws IOException {
    return findSnapshot(ref, List.of());
  }

  /**
   * Like {@link #findSnapshot(String)}, where {@code latest} means the newest snapshot whose
   * sources include every one of {@code sources} (absolute paths); with none, the newest of all.
   */
  public Map.Entry<Id, Snapshot> findSnapshot(String ref, List<String> sources) throws IOException {
    Map<Id, Snapshot> all = snapshots();
    if (ref == null || ref.isBlank()) {
      throw new BdrException(
          ErrorCode.INVALID_ARGUMENT, "no snapshot was named", "name a snapshot id or 'latest'");
    }
    if (ref.equalsIgnoreCase("latest")) {
      return all.entrySet().stream()
          .filter(e -> e.getValue().paths().containsAll(sources))
          .max(java.util.Comparator.comparing(e -> e.getValue().startTime()))
          .orElseThrow(
              () ->
                  sources.isEmpty()
                      ? new BdrException(
                          ErrorCode.BACKUP_NOT_FOUND,
                          "the repository at " + backend.location() + " holds no snapshots",
                          "run 'bdr backup' first")
                      : new BdrException(
                          ErrorCode.BACKUP_NOT_FOUND,
                          "no snapshot in "
                              + backend.location()
                              + " backed up "
                              + String.join(" and ", sources),
                          "list snapshots with 'bdr snapshots' and check the --path values"));
    }
    String prefix = ref.toLowerCase(java.util.Locale.ROOT);
    List<Map.Entry<Id, Snapshot>> hits =
        all.entrySet().stream().filter(e -> e.getKey().hex().startsWith(prefix)).toList();
    if (hits.isEmpty()) {
      throw new BdrException(
          ErrorCode.BACKUP_NOT_FOUND,
          "no snapshot with id '" + ref + "' in " + backend.location(),
          "list snapshots with 'bdr snapshots' and use one of their ids");
    }
    if (hits.size() > 1) {
      throw new BdrException(
          ErrorCode.INVALID_ARGUMENT,
          "snapshot id prefix '" + ref + "' matches " + hits.size() + " snapshots",
          "give more digits of the id");
    }
    return hits.get(0);
  }

  static BdrException corrupted(String message) {
    return new BdrException(
        ErrorCode.BACKUP_CORRUPTED,
        message,
        "run 'bdr check --read-data' to list the damage; restore from another snapshot or copy");
  }

  /** JSON mapping shared by the repository's records. */
  static ObjectMapper json() {
    return JSON;
  }
}
