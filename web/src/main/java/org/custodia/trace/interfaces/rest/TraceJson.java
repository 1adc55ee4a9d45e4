package org.custodia.trace.interfaces.rest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.List;
import org.custodia.trace.domain.ContentNode;
import org.custodia.trace.domain.HistoryEntry;
import org.custodia.trace.domain.Trace;
import org.custodia.trace.domain.TracedObject;

/**
 * Writes the two trace answers of {@link TraceResource} as UTF-8 JSON, straight to the response as they
 * are walked.
 *
 * <p>With Jackson's streaming generator rather than JSON-P's (Parsson): a pallet's answer is 7 MB of
 * strings, and Parsson checks each character for escaping through a {@code CharSequence} call that other
 * JSON-P users of the server make megamorphic. Measured outside the server on the pallet's 7.4 MB answer:
 * Parsson 16–18 ms alone, 42–45 ms once another {@code CharSequence} type had gone through it (as in the
 * server, where the JSON writing was 41 % of a pallet request's CPU), Jackson 18–21 ms either way
 * (validation/pq/README.md, downstream, eighteenth session).
 */
final class TraceJson {

  /** Thread-safe; closing a generator closes the response's stream, as JSON-P's did. */
  private static final JsonFactory JSON = new JsonFactory();

  private TraceJson() {}

  /**
   * The object, {@code id}, {@code count} of the objects inside it at any depth, {@code children}: the
   * tree of their EPCs (each node {@code {"epc", "children"}}), and {@code descendants}: each of them once
   * with its state, in the tree's order (depth first).
   */
  static void contents(OutputStream out, String id, ContentNode root) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      fields(g, root.object());
      g.writeStringField("id", id);
      g.writeNumberField("count", root.descendants());
      g.writeArrayFieldStart("children");
      tree(g, root.children());
      g.writeEndArray();
      g.writeArrayFieldStart("descendants");
      flatten(g, root);
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  /**
   * The object, {@code id}, {@code currentLocation} and {@code currentOwner}, its {@code parents} from the
   * nearest to the outermost, its {@code history} oldest first, each entry with the stored event document
   * as {@code event} (copied as it is, not parsed and written again), and {@code historyTruncated}.
   */
  static void trace(OutputStream out, String id, Trace t) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      fields(g, t.object());
      g.writeStringField("id", id);
      put(g, "currentLocation", t.location());
      put(g, "currentOwner", t.owner());
      g.writeArrayFieldStart("parents");
      for (TracedObject p : t.parents()) {
        g.writeStartObject();
        fields(g, p);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("history");
      for (HistoryEntry h : t.history()) {
        g.writeStartObject();
        g.writeStringField("eventID", h.eventId());
        g.writeStringField("type", h.eventType());
        put(g, "eventTime", time(h.eventTime()));
        put(g, "action", h.action());
        put(g, "bizStep", h.bizStep());
        put(g, "disposition", h.disposition());
        put(g, "readPoint", h.readPoint());
        put(g, "bizLocation", h.bizLocation());
        put(g, "role", h.role());
        g.writeBooleanField("erroneous", h.erroneous());
        if (h.document() != null) {
          g.writeFieldName("event");
          g.writeRawValue(h.document());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeBooleanField("historyTruncated", t.historyTruncated());
      g.writeEndObject();
    }
  }

  // the contents are walked with indexes, not iterators: a pallet's 12,000 units are leaves, and an
  // iterator over each one's empty list was a tenth of the answer's garbage (validation/pq/README.md)
  private static void tree(JsonGenerator g, List<ContentNode> nodes) throws IOException {
    for (int i = 0; i < nodes.size(); i++) {
      ContentNode n = nodes.get(i);
      g.writeStartObject();
      g.writeStringField("epc", n.object().epc());
      g.writeArrayFieldStart("children");
      tree(g, n.children());
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  private static void flatten(JsonGenerator g, ContentNode n) throws IOException {
    List<ContentNode> children = n.children();
    for (int i = 0; i < children.size(); i++) {
      ContentNode c = children.get(i);
      g.writeStartObject();
      fields(g, c.object());
      g.writeEndObject();
      flatten(g, c);
    }
  }

  /**
   * The state of one object as the APIs show it: its fields in the order the APIs show them, those without
   * a value left out. Written one by one, not gathered in a map first (a pallet answer writes 12,000
   * objects; the maps were a third of its garbage).
   */
  private static void fields(JsonGenerator g, TracedObject o) throws IOException {
    put(g, "epc", o.epc());
    g.writeStringField("kind", o.isContainer() ? "container" : "unit");
    put(g, "gtin", o.gtin());
    put(g, "serial", o.serial());
    put(g, "lot", o.lot());
    put(g, "expiry", o.expiry() == null ? null : o.expiry().toString());
    put(g, "status", o.status());
    put(g, "disposition", o.disposition());
    put(g, "location", o.location());
    put(g, "bizLocation", o.bizLocation());
    put(g, "readPoint", o.readPoint());
    put(g, "owner", o.ownerParty());
    put(g, "parent", o.parentEpc());
    put(g, "topParent", o.topParentEpc());
    put(g, "lastEventTime", time(o.lastEventTime()));
  }

  private static void put(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  private static String time(OffsetDateTime t) {
    return t == null ? null : t.toString();
  }
}
