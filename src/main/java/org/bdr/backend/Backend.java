package org.bdr.backend;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Stores a repository's files. Files are written once, atomically, and never modified; a backend
 * knows nothing about what they hold. Implementations are safe for concurrent use.
 */
public interface Backend {

  /** A human-readable location, such as the folder path, for messages. */
  String location();

  /** Whether the repository's config file exists here. */
  boolean isRepository() throws IOException;

  /** Creates the folder layout of a new repository; fails if a config already exists. */
  void create() throws IOException;

  /**
   * Writes a file atomically only if none of that name exists yet.
   *
   * @throws java.nio.file.FileAlreadyExistsException if it exists; nothing is changed then
   */
  void saveNew(FileType type, String name, byte[] data) throws IOException;

  /** Writes a new file atomically; a reader sees either nothing or the whole file. */
  default void save(FileType type, String name, byte[] data) throws IOException {
    save(type, name, data, data.length);
  }

  /** Like {@link #save(FileType, String, byte[])} for the first {@code length} bytes of data. */
  void save(FileType type, String name, byte[] data, int length) throws IOException;

  /**
   * Reads a whole file.
   *
   * @throws java.nio.file.NoSuchFileException if it does not exist
   */
  byte[] load(FileType type, String name) throws IOException;

  /**
   * Reads {@code length} bytes from {@code offset}.
   *
   * @throws java.io.EOFException if the file is shorter
   */
  byte[] load(FileType type, String name, long offset, int length) throws IOException;

  /** The size of a file in bytes. */
  long size(FileType type, String name) throws IOException;

  /** Whether a file exists. */
  boolean exists(FileType type, String name) throws IOException;

  /** Removes a file; removing a missing file is not an error. */
  void remove(FileType type, String name) throws IOException;

  /** The names of all files of a type (not for {@link FileType#CONFIG}). */
  List<String> list(FileType type) throws IOException;

  /** Files that writes killed before their rename left under temporary names, by path. */
  List<Leftover> leftovers() throws IOException;

  /**
   * Removes one file {@link #leftovers()} listed; removing a missing one is not an error.
   *
   * @throws IllegalArgumentException if the path is not that of a temporary file
   */
  void removeLeftover(Leftover leftover) throws IOException;

  /**
   * Free and total bytes of the storage holding the repository, if this backend can tell; object
   * stores usually cannot.
   */
  default Optional<Space> space() throws IOException {
    return Optional.empty();
  }
}
