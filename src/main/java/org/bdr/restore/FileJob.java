package org.bdr.restore;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;
import org.bdr.backend.ChannelIo;
import org.bdr.repo.Node;

/**
 * One file being restored: a temporary file in the target folder that blobs are written into at
 * their offsets, in whatever order their packs are read, and that is renamed into place once the
 * last blob has arrived.
 */
final class FileJob {

  final Node node;
  final Path out;
  final Path temp;
  final String snapshotPath;
  private final AtomicInteger remaining;
  private volatile String failure;
  private volatile boolean finished;

  private static final java.nio.file.attribute.FileAttribute<?> OWNER_ONLY =
      java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
          java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

  /**
   * Temporary names: a random token per process, so that no name in the snapshot collides, and a
   * counter, so that no two files of one restore do.
   */
  private static final String TEMP_PREFIX =
      ".bdr-restore-" + Long.toHexString(new java.security.SecureRandom().nextLong()) + "-";

  private static final java.util.concurrent.atomic.AtomicLong TEMP_COUNTER =
      new java.util.concurrent.atomic.AtomicLong();

  FileJob(Node node, Path out, String snapshotPath, int blobs) {
    this.node = node;
    this.out = out;
    this.temp = out.resolveSibling(TEMP_PREFIX + TEMP_COUNTER.incrementAndGet());
    this.snapshotPath = snapshotPath;
    this.remaining = new AtomicInteger(blobs);
  }

  /** Writes one blob's plaintext at its offset, creating the temporary file (600) on first use. */
  void write(long offset, byte[] data) throws IOException {
    if (failure != null) {
      return;
    }
    try (FileChannel ch =
        FileChannel.open(
            temp,
            java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
            OWNER_ONLY)) {
      ChannelIo.writeFully(ch, offset, data, 0, data.length);
    }
  }

  /** Records why the file cannot be restored; the first reason wins. */
  void fail(String reason) {
    if (failure == null) {
      failure = reason;
    }
  }

  String failure() {
    return failure;
  }

  /** Counts one blob done; returns true for the call that completed the file. */
  boolean blobDone() {
    return remaining.decrementAndGet() == 0;
  }

  /**
   * Renames the complete file into place, or removes it if it failed or its size differs from the
   * size its tree entry records.
   */
  boolean complete() throws IOException {
    finished = true;
    if (failure == null) {
      if (!Files.exists(temp)) {
        Files.createFile(temp, OWNER_ONLY);
      }
      long written = Files.size(temp);
      if (written != node.size()) {
        fail(
            "its data adds up to "
                + written
                + " bytes but the snapshot records "
                + node.size()
                + " (BACKUP_CORRUPTED)");
      }
    }
    if (failure != null) {
      Files.deleteIfExists(temp);
      return false;
    }
    Files.move(temp, out, StandardCopyOption.ATOMIC_MOVE);
    return true;
  }

  /** Removes the temporary file of a file that never completed. */
  void abandon() throws IOException {
    if (!finished) {
      Files.deleteIfExists(temp);
    }
  }
}
