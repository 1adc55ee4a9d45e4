package org.custodia.epcis.interfaces.rest;

import org.custodia.platform.Jsonp;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import org.custodia.epcis.application.CaptureService;
import org.custodia.epcis.domain.CaptureError;
import org.custodia.epcis.domain.CaptureJob;

/**
 * The capture part of the EPCIS 2.0 REST binding (GS1 openapi): {@code POST /capture} answers 202 with the
 * capture job's {@code Location}; {@code GET /capture/{captureID}} shows the job; {@code OPTIONS /capture}
 * advertises versions, limits and error behaviours.
 */
@Path("epcis/capture")
public class CaptureResource {

  @Inject CaptureService capture;

  @OPTIONS
  public Response options() {
    return Response.noContent()
        .header("Allow", "OPTIONS, POST, GET")
        .header("GS1-EPCIS-Version", "2.0.0")
        .header("GS1-EPCIS-Min", "1.2.0")
        .header("GS1-EPCIS-Max", "2.0.0")
        .header("GS1-CBV-Version", "2.0.0")
        .header("GS1-Capture-Error-Behaviour", "rollback, proceed")
        .header("GS1-EPCIS-Capture-Limit", CaptureService.MAX_EVENTS)
        .header("GS1-EPCIS-Capture-File-Size-Limit", CaptureService.MAX_DOCUMENT_BYTES)
        .build();
  }

  @POST
  @Consumes({"application/json", "application/ld+json", "application/xml", "text/xml"})
  public Response capture(
      InputStream body,
      @HeaderParam("Content-Type") String contentType,
      @HeaderParam("GS1-Capture-Error-Behaviour") String behaviour,
      @Context UriInfo uri) {
    CaptureJob job = capture.receive(body, contentType, behaviour);
    return Response.accepted()
        .location(uri.getAbsolutePathBuilder().path(job.captureId()).build())
        .header("GS1-EPCIS-Version", "2.0.0")
        .header("GS1-CBV-Version", "2.0.0")
        .build();
  }

  @GET
  @Path("{captureID}")
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject job(@PathParam("captureID") String captureId) {
    return toJson(capture.job(captureId).orElseThrow(() -> new NotFoundException("no capture job " + captureId)));
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject jobs(@QueryParam("perPage") @DefaultValue("30") int perPage) {
    JsonArrayBuilder list = Jsonp.JSON.createArrayBuilder();
    capture.recentJobs(perPage).forEach(j -> list.add(toJson(j)));
    return Jsonp.JSON.createObjectBuilder().add("captureJobs", list).build();
  }

  static JsonObject toJson(CaptureJob j) {
    JsonObjectBuilder b =
        Jsonp.JSON.createObjectBuilder()
            .add("captureID", j.captureId())
            .add("createdAt", j.createdAt().toString())
            .add("running", j.running())
            .add("success", j.success())
            .add("captureErrorBehaviour", j.errorBehaviour());
    if (j.finishedAt() != null) {
      b.add("finishedAt", j.finishedAt().toString());
    }
    if (j.eventCount() != null) {
      b.add("eventCount", j.eventCount());
    }
    if (j.storedCount() != null) {
      b.add("storedCount", j.storedCount()).add("alreadyStoredCount", j.knownCount() == null ? 0 : j.knownCount());
    }
    JsonArrayBuilder errors = Jsonp.JSON.createArrayBuilder();
    List<CaptureError> list = j.errors();
    for (CaptureError e : list) {
      JsonObjectBuilder eb =
          Jsonp.JSON.createObjectBuilder()
              .add("type", "epcisException:ValidationException")
              .add("title", e.rule())
              .add("detail", e.message())
              .add("eventIndex", e.eventIndex());
      if (e.eventId() != null) {
        eb.add("eventID", e.eventId());
      }
      if (e.path() != null) {
        eb.add("field", e.path());
      }
      errors.add(eb);
    }
    return b.add("errors", errors).build();
  }
}
