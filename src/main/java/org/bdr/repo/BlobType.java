package org.bdr.repo;

/** What a blob holds: file content or a serialised tree. */
public enum BlobType {
  /** A chunk of file content. */
  DATA("data"),
  /** A folder listing (tree JSON). */
  TREE("tree");

  private final String json;

  BlobType(String json) {
    this.json = json;
  }

  /** The name used in index files. */
  public String json() {
    return json;
  }

  static BlobType ofJson(String name) {
    for (BlobType t : values()) {
      if (t.json.equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown blob type '" + name + "' in index");
  }
}
