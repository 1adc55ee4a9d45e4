package org.custodia.epcis.infrastructure.xml;

import jakarta.json.JsonObject;

/** Receives the events of a document one at a time, so the document is never held whole. */
@FunctionalInterface
public interface EventSink {

  /**
   * @param index position of the event in the document, from 0
   * @param event the event in EPCIS 2.0 JSON-LD form
   */
  void accept(int index, JsonObject event);
}
