package org.bdr.repo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A folder listing: its entries sorted by name, serialised as restic's tree JSON.
 *
 * @param nodes the entries, sorted by name
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Tree(@JsonProperty("nodes") List<Node> nodes) {

  /** Copies the list; a missing list is empty. */
  public Tree {
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
  }

  /** The entry named {@code name}, or null. */
  public Node find(String name) {
    for (Node n : nodes) {
      if (n.name().equals(name)) {
        return n;
      }
    }
    return null;
  }
}
