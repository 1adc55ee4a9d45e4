package org.custodia.epcis.infrastructure.json;

import org.custodia.platform.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custodia.epcis.infrastructure.hash.EventHash;

/**
 * Reads EPCIS 2.0 JSON/JSON-LD documents (EPCISDocument, or the eventList of an EPCISQueryDocument) as a
 * stream: the header (context, type, version) without
 * the events, and then the events of {@code epcisBody.eventList} one at a time, so a document of any size
 * is never held in memory whole.
 */
public final class EpcisJsonStream {

  /** What precedes the events: document type, schema version, creation date and declared prefixes. */
  public record Header(String type, String schemaVersion, String creationDate, Map<String, String> namespaces) {}

  /** Receives the events in document order. */
  @FunctionalInterface
  public interface EventVisitor {
    void accept(int index, JsonObject event);
  }

  private EpcisJsonStream() {}

  /** The header of a document, skipping over its events. */
  public static Header header(InputStream in) {
    Header[] header = new Header[1];
    read(in, null, h -> header[0] = h);
    return header[0];
  }

  /** Streams the events of a document to {@code visitor}; returns the header. */
  public static Header events(InputStream in, EventVisitor visitor) {
    Header[] header = new Header[1];
    read(in, visitor, h -> header[0] = h);
    return header[0];
  }

  private static void read(InputStream in, EventVisitor visitor, java.util.function.Consumer<Header> onHeader) {
    String type = null;
    String version = null;
    String created = null;
    Map<String, String> namespaces = new LinkedHashMap<>();
    try (JsonParser p = Jsonp.JSON.createParser(in)) {
      if (!p.hasNext() || p.next() != JsonParser.Event.START_OBJECT) {
        throw new IllegalArgumentException("the document is not a JSON object");
      }
      while (next(p) != JsonParser.Event.END_OBJECT) {
        String key = p.getString();
        next(p);
        switch (key) {
          case "@context" -> namespaces.putAll(EventHash.namespaces(p.getValue()));
          case "type" -> type = text(p.getValue());
          case "schemaVersion" -> version = text(p.getValue());
          case "creationDate" -> created = text(p.getValue());
          case "epcisBody" -> readBody(p, visitor);
          default -> skip(p);
        }
      }
    } catch (JsonParsingException e) {
      throw new IllegalArgumentException(
          "malformed JSON at line " + e.getLocation().getLineNumber() + ", column "
              + e.getLocation().getColumnNumber() + ": " + e.getMessage(), e);
    }
    onHeader.accept(new Header(type, version, created, namespaces));
  }

  private static void readBody(JsonParser p, EventVisitor visitor) {
    if (p.currentEvent() != JsonParser.Event.START_OBJECT) {
      throw new IllegalArgumentException("epcisBody must be a JSON object");
    }
    while (next(p) != JsonParser.Event.END_OBJECT) {
      String key = p.getString();
      JsonParser.Event value = next(p);
      if ((key.equals("queryResults") || key.equals("resultsBody")) && value == JsonParser.Event.START_OBJECT) {
        // an EPCISQueryDocument: epcisBody.queryResults.resultsBody.eventList
        readBody(p, visitor);
      } else if (key.equals("eventList") && value == JsonParser.Event.START_ARRAY && visitor != null) {
        int index = 0;
        JsonParser.Event item;
        while ((item = next(p)) != JsonParser.Event.END_ARRAY) {
          if (item != JsonParser.Event.START_OBJECT) {
            throw new IllegalArgumentException("eventList item " + index + " is not a JSON object");
          }
          visitor.accept(index++, p.getObject());
        }
      } else {
        skip(p);
      }
    }
  }

  /** The next event; a document that ends before its last bracket is refused, never taken as complete. */
  private static JsonParser.Event next(JsonParser p) {
    if (!p.hasNext()) {
      throw new IllegalArgumentException("the JSON document ends before it is complete");
    }
    return p.next();
  }

  /**
   * Skips the value the parser is at. Counts brackets itself: Parsson's skipArray/skipObject do not stop
   * at the end of a truncated document.
   */
  private static void skip(JsonParser p) {
    JsonParser.Event e = p.currentEvent();
    if (e != JsonParser.Event.START_ARRAY && e != JsonParser.Event.START_OBJECT) {
      return;
    }
    int depth = 1;
    while (depth > 0) {
      switch (next(p)) {
        case START_ARRAY, START_OBJECT -> depth++;
        case END_ARRAY, END_OBJECT -> depth--;
        default -> { }
      }
    }
  }

  private static String text(JsonValue v) {
    return v instanceof JsonString s ? s.getString() : v == null ? null : v.toString();
  }
}
