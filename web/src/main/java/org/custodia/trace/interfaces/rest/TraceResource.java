package org.custodia.trace.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.custodia.trace.application.TraceService;
import org.custodia.trace.domain.ContentNode;
import org.custodia.trace.domain.Trace;

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
   * read ({@link TraceJson}): a pallet of 12,000 units is about 7 MB of JSON.
   */
  @GET
  @Path("{id: .+}/contents")
  public Response contents(@PathParam("id") String id) {
    ContentNode root = service.contents(id);
    StreamingOutput body = out -> TraceJson.contents(out, id, root);
    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
  }

  /**
   * The object, {@code currentLocation} and {@code currentOwner}, its {@code parents} from the nearest to
   * the outermost, and its {@code history} oldest first, each entry with the stored event as {@code
   * event}. Written as it is read ({@link TraceJson}); the stored event documents (JSON the repository
   * wrote at capture) are copied into the answer as they are, not parsed and written again (that was half
   * the work of a trace).
   */
  @GET
  @Path("{id: .+}")
  public Response trace(@PathParam("id") String id) {
    Trace t = service.trace(id);
    StreamingOutput body = out -> TraceJson.trace(out, id, t);
    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
  }
}
