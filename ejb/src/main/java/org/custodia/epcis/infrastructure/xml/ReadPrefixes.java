package org.custodia.epcis.infrastructure.xml;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Chooses the prefix of a {@code prefix:localName} key. The prefix the sender used is kept when the
 * document's {@code @context} already binds it to the same namespace; otherwise the binding is
 * added to a local context (the event's own {@code @context}) so that every key stays resolvable
 * even when a sender redeclares a prefix deep inside an event.
 */
final class ReadPrefixes {

  private final Map<String, String> document;
  private final Map<String, String> added = new LinkedHashMap<>();

  ReadPrefixes(Map<String, String> document) {
    this.document = document;
  }

  /** The key for an element or attribute named {@code local} in namespace {@code uri}. */
  String key(String uri, String prefix, String local) {
    if (uri == null || uri.isEmpty()) {
      return local;
    }
    return prefixFor(uri, prefix) + ':' + local;
  }

  String prefixFor(String uri, String preferred) {
    if (preferred != null && !preferred.isEmpty()) {
      if (uri.equals(document.get(preferred)) || uri.equals(added.get(preferred))) {
        return preferred;
      }
    }
    for (Map.Entry<String, String> e : document.entrySet()) {
      if (!e.getKey().isEmpty() && e.getValue().equals(uri)) {
        return e.getKey();
      }
    }
    for (Map.Entry<String, String> e : added.entrySet()) {
      if (e.getValue().equals(uri)) {
        return e.getKey();
      }
    }
    String base = preferred == null || preferred.isEmpty() ? "ns" : preferred;
    String p = base;
    for (int n = 1; document.containsKey(p) || added.containsKey(p); n++) {
      p = base + n;
    }
    added.put(p, uri);
    return p;
  }

  /** Bindings that were not in the document's context. */
  Map<String, String> added() {
    return added;
  }
}
