package org.custodia.epcis.infrastructure.xml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One element of a single event (or of the header), held only while that event is mapped. Keeping a
 * small tree per event rather than the whole document is what lets the 1.2 {@code extension}
 * layouts be undone without a second pass over the stream.
 */
final class XNode {

  /** An attribute as it stood in the document. */
  record Attr(String uri, String prefix, String local, String value) {}

  final String uri;
  final String prefix;
  final String local;
  final List<Attr> attributes = new ArrayList<>(2);
  final List<XNode> children = new ArrayList<>(4);

  /** Namespaces declared on this element, prefix ("" for the default) to URI. */
  final Map<String, String> declared = new LinkedHashMap<>(2);

  final StringBuilder text = new StringBuilder();
  final String path;

  XNode(String uri, String prefix, String local, String path) {
    this.uri = uri == null ? "" : uri;
    this.prefix = prefix == null ? "" : prefix;
    this.local = local;
    this.path = path;
  }

  boolean isUnqualified() {
    return uri.isEmpty();
  }

  String qname() {
    return prefix.isEmpty() ? local : prefix + ':' + local;
  }

  /** The text, for elements that must hold only text. */
  String trimmedText() {
    return text.toString().trim();
  }

  boolean hasText() {
    return !text.toString().isBlank();
  }

  String attribute(String name) {
    for (Attr a : attributes) {
      if (a.uri().isEmpty() && a.local().equals(name)) {
        return a.value();
      }
    }
    return null;
  }

  XNode child(String name) {
    for (XNode c : children) {
      if (c.isUnqualified() && c.local.equals(name)) {
        return c;
      }
    }
    return null;
  }
}
