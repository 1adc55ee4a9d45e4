package org.custodia.trace.domain;

import java.io.Serializable;
import java.util.List;

/** One object of a container's contents and, below it, what it contains. */
public record ContentNode(TracedObject object, List<ContentNode> children) implements Serializable {

  public ContentNode {
    children = List.copyOf(children);
  }

  /** How many objects are below this one, at any depth. */
  public int descendants() {
    int n = 0;
    // by index: most nodes are leaves, and an iterator over each one's empty list is garbage
    for (int i = 0; i < children.size(); i++) {
      n += 1 + children.get(i).descendants();
    }
    return n;
  }
}
