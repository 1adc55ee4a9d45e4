package org.custodia.trace.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.custodia.platform.Jsonp;
import org.custodia.trace.application.TraceService;
import org.custodia.trace.domain.ContentNode;
import org.custodia.trace.domain.HistoryEntry;
import org.custodia.trace.domain.Trace;
import org.custodia.trace.domain.TracedObject;

/**
 * {@code GET /api/trace/{id}} — the object's current state, its containers up to the outermost and its
 * history oldest first (RCL-1); {@code GET /api/trace/{id}/contents} — everything inside it at any depth
 * (RCL-2). The id is an EPC URI, a GS1 Digital Link, an element string ({@code (01)…(21)…} or {@code
 * (00)…}, URL-encoded) or the 18 digits of an SSCC. Unknown: 404; malformed: 400 naming the value.
 */
@Path("trace")
@Produces(MediaType.APPLICATION_JSON)
public class TraceResource {

  @Inject TraceService service;

  /**
   * The object, {@code count} of the objects inside it at any depth, {@code children}: the tree of their
   * EPCs (each node {@code {"epc", "children"}}), and {@code descendants}: each of them once with its state,
   * in the tree's order (depth first), its {@code parent} naming the node it hangs from. Written as it is
   * read: a pallet of 12,000 units is about 7 MB of JSON.
   */
  @GET
  @Path("{id: .+}/contents")
  public Response contents(@PathParam("id") String id) {
    ContentNode root = service.contents(id);
    StreamingOutput body = out -> {
      try (JsonGenerator g = Jsonp.JSON.createGenerator(out)) {
        g.writeStartObject();
        fields(g, root.object());
        g.write("id", id).write("count", root.descendants());
        g.writeStartArray("children");
        tree(g, root.children());
        g.writeEnd();
        g.writeStartArray("descendants");
        flatten(g, root);
        g.writeEnd();
        g.writeEnd();
      }
    };
    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
  }

  /**
   * The object, {@code currentLocation} and {@code currentOwner}, its {@code parents} from the nearest to
   * the outermost, and its {@code history} oldest first, each entry with the stored event as {@code
   * event}. Written as it is read; the stored event documents (JSON the repository wrote at capture) are
   * copied into the answer as they are, not parsed and written again (that was half the work of a trace).
   */
  @GET
  @Path("{id: .+}")
  public Response trace(@PathParam("id") String id) {
    Trace t = service.trace(id);
    StreamingOutput body = out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      try (JsonGenerator g = Jsonp.JSON.createGenerator(w)) {
        g.writeStartObject();
        fields(g, t.object());
        g.write("id", id);
        put(g, "currentLocation", t.location());
        put(g, "currentOwner", t.owner());
        g.writeStartArray("parents");
        for (TracedObject p : t.parents()) {
          g.writeStartObject();
          fields(g, p);
          g.writeEnd();
        }
        g.writeEnd();
        g.writeStartArray("history");
        for (HistoryEntry h : t.history()) {
          g.writeStartObject().write("eventID", h.eventId()).write("type", h.eventType());
          put(g, "eventTime", time(h.eventTime()));
          put(g, "action", h.action());
          put(g, "bizStep", h.bizStep());
          put(g, "disposition", h.disposition());
          put(g, "readPoint", h.readPoint());
          put(g, "bizLocation", h.bizLocation());
          put(g, "role", h.role());
          g.write("erroneous", h.erroneous());
          if (h.document() != null) {
            // the generator's buffer first, then the member it cannot write: a JSON text as it is
            g.flush();
            w.write(",\"event\":");
            w.write(h.document());
          }
          g.writeEnd();
        }
        g.writeEnd();
        g.write("historyTruncated", t.historyTruncated());
        g.writeEnd();
      }
    };
    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
  }

  // the contents are walked with indexes, not iterators: a pallet's 12,000 units are leaves, and an
  // iterator over each one's empty list was a tenth of the answer's garbage (validation/pq/README.md)
  private static void tree(JsonGenerator g, List<ContentNode> nodes) {
    for (int i = 0; i < nodes.size(); i++) {
      ContentNode n = nodes.get(i);
      g.writeStartObject().write("epc", n.object().epc()).writeStartArray("children");
      tree(g, n.children());
      g.writeEnd().writeEnd();
    }
  }

  private static void flatten(JsonGenerator g, ContentNode n) {
    List<ContentNode> children = n.children();
    for (int i = 0; i < children.size(); i++) {
      ContentNode c = children.get(i);
      g.writeStartObject();
      fields(g, c.object());
      g.writeEnd();
      flatten(g, c);
    }
  }

  /**
   * The state of one object as the APIs show it, written to a generator: its fields in the order the APIs
   * show them, those without a value left out. Written one by one, not gathered in a map first (a pallet
   * answer writes 12,000 objects; the maps were a third of its garbage).
   */
  private static void fields(JsonGenerator g, TracedObject o) {
    put(g, "epc", o.epc());
    g.write("kind", o.isContainer() ? "container" : "unit");
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

  private static void put(JsonGenerator g, String name, String value) {
    if (value != null) {
      g.write(name, value);
    }
  }

  private static String time(OffsetDateTime t) {
    return t == null ? null : t.toString();
  }

  static void put(JsonObjectBuilder b, String name, String value) {
    if (value != null) {
      b.add(name, value);
    }
  }
}
