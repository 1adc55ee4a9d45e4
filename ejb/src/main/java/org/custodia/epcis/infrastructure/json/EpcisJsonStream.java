package org.custodia.epcis.infrastructure.json;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

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
    try (JsonParser p = Json.createParser(in)) {
      if (!p.hasNext() || p.next() != JsonParser.Event.START_OBJECT) {
        throw new IllegalArgumentException("the document is not a JSON object");
      }
      while (p.hasNext()) {
        JsonParser.Event e = p.next();
        if (e == JsonParser.Event.END_OBJECT) {
          break;
        }
        String key = p.getString();
        p.next();
        switch (key) {
          case "@context" -> namespaces.putAll(prefixes(p.getValue()));
          case "type" -> type = text(p.getValue());
          case "schemaVersion" -> version = text(p.getValue());
          case "creationDate" -> created = text(p.getValue());
          case "epcisBody" -> readBody(p, visitor);
          default -> p.getValue();
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
    while (p.hasNext()) {
      JsonParser.Event e = p.next();
      if (e == JsonParser.Event.END_OBJECT) {
        return;
      }
      String key = p.getString();
      JsonParser.Event value = p.next();
      if ((key.equals("queryResults") || key.equals("resultsBody")) && value == JsonParser.Event.START_OBJECT) {
        // an EPCISQueryDocument: epcisBody.queryResults.resultsBody.eventList
        readBody(p, visitor);
      } else if (key.equals("eventList") && value == JsonParser.Event.START_ARRAY) {
        if (visitor == null) {
          p.skipArray();
          continue;
        }
        int index = 0;
        while (p.hasNext()) {
          JsonParser.Event item = p.next();
          if (item == JsonParser.Event.END_ARRAY) {
            break;
          }
          if (item != JsonParser.Event.START_OBJECT) {
            throw new IllegalArgumentException("eventList item " + index + " is not a JSON object");
          }
          visitor.accept(index++, p.getObject());
        }
      } else {
        p.getValue();
      }
    }
  }

  /** Prefix to namespace URI, from the string-valued members of the context's objects. */
  static Map<String, String> prefixes(JsonValue context) {
    Map<String, String> out = new LinkedHashMap<>();
    if (context instanceof JsonObject o) {
      o.forEach((k, v) -> {
        if (v instanceof JsonString s && !k.startsWith("@")) {
          out.put(k, s.getString());
        }
      });
    } else if (context instanceof JsonArray a) {
      a.forEach(v -> out.putAll(prefixes(v)));
    }
    return out;
  }

  private static String text(JsonValue v) {
    return v instanceof JsonString s ? s.getString() : v == null ? null : v.toString();
  }
}
