package org.bdr.backend;

/** The kinds of files a repository holds, each in its own folder as restic lays them out. */
public enum FileType {
  /** The single {@code config} file. */
  CONFIG("", "config"),
  /** Key files under {@code keys/}. */
  KEY("keys", "key"),
  /** Lock files under {@code locks/}. */
  LOCK("locks", "lock"),
  /** Snapshot files under {@code snapshots/}. */
  SNAPSHOT("snapshots", "snapshot"),
  /** Index files under {@code index/}. */
  INDEX("index", "index"),
  /** Pack files under {@code data/XX/}, fanned out by the first two hex digits of their name. */
  PACK("data", "pack");

  private final String folder;
  private final String noun;

  FileType(String folder, String noun) {
    this.folder = folder;
    this.noun = noun;
  }

  /** The folder, relative to the repository root, that holds files of this type. */
  public String folder() {
    return folder;
  }

  /** What a person calls one such file, for messages. */
  public String noun() {
    return noun;
  }
}
