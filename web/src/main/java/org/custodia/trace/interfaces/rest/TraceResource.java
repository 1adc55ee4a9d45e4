package org.custodia.trace.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
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

  @GET
  @Path("{id: .+}/contents")
  public JsonObject contents(@PathParam("id") String id) {
    ContentNode root = service.contents(id);
    JsonArrayBuilder flat = Jsonp.JSON.createArrayBuilder();
    flatten(root, flat);
    return object(root.object())
        .add("id", id)
        .add("count", root.descendants())
        .add("children", children(root.children()))
        .add("descendants", flat)
        .build();
  }

  @GET
  @Path("{id: .+}")
  public JsonObject trace(@PathParam("id") String id) {
    Trace t = service.trace(id);
    JsonArrayBuilder parents = Jsonp.JSON.createArrayBuilder();
    t.parents().forEach(p -> parents.add(object(p)));
    JsonArrayBuilder history = Jsonp.JSON.createArrayBuilder();
    t.history().forEach(h -> history.add(entry(h)));
    JsonObjectBuilder b = object(t.object()).add("id", id);
    put(b, "currentLocation", t.location());
    put(b, "currentOwner", t.owner());
    return b.add("parents", parents)
        .add("history", history)
        .add("historyTruncated", t.historyTruncated())
        .build();
  }

  private static JsonArrayBuilder children(List<ContentNode> nodes) {
    JsonArrayBuilder a = Jsonp.JSON.createArrayBuilder();
    for (ContentNode n : nodes) {
      a.add(object(n.object()).add("children", children(n.children())));
    }
    return a;
  }

  private static void flatten(ContentNode n, JsonArrayBuilder out) {
    for (ContentNode c : n.children()) {
      out.add(object(c.object()));
      flatten(c, out);
    }
  }

  /** The state of one object as the APIs show it. */
  static JsonObjectBuilder object(TracedObject o) {
    JsonObjectBuilder b = Jsonp.JSON.createObjectBuilder().add("epc", o.epc())
        .add("kind", o.isContainer() ? "container" : "unit");
    put(b, "gtin", o.gtin());
    put(b, "serial", o.serial());
    put(b, "lot", o.lot());
    put(b, "expiry", o.expiry() == null ? null : o.expiry().toString());
    put(b, "status", o.status());
    put(b, "disposition", o.disposition());
    put(b, "location", o.location());
    put(b, "bizLocation", o.bizLocation());
    put(b, "readPoint", o.readPoint());
    put(b, "owner", o.ownerParty());
    put(b, "parent", o.parentEpc());
    put(b, "topParent", o.topParentEpc());
    put(b, "lastEventTime", time(o.lastEventTime()));
    return b;
  }

  private static JsonObjectBuilder entry(HistoryEntry h) {
    JsonObjectBuilder b = Jsonp.JSON.createObjectBuilder().add("eventID", h.eventId()).add("type", h.eventType());
    put(b, "eventTime", time(h.eventTime()));
    put(b, "action", h.action());
    put(b, "bizStep", h.bizStep());
    put(b, "disposition", h.disposition());
    put(b, "readPoint", h.readPoint());
    put(b, "bizLocation", h.bizLocation());
    put(b, "role", h.role());
    b.add("erroneous", h.erroneous());
    if (h.document() != null) {
      b.add("event", Jsonp.JSON.createReader(new StringReader(h.document())).readObject());
    }
    return b;
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
