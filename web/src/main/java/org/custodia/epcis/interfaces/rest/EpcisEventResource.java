package org.custodia.epcis.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.custodia.epcis.application.EventRepositoryService;

/** {@code GET /api/epcis/events/{eventID}}: one stored event as JSON-LD, as the repository keeps it. */
@Path("epcis/events")
public class EpcisEventResource {

  @Inject EventRepositoryService repository;

  @GET
  @Path("{eventID}")
  @Produces({"application/ld+json", "application/json"})
  public String event(@PathParam("eventID") String eventId) {
    return repository.event(eventId).orElseThrow(() -> new NotFoundException("no event " + eventId));
  }
}
