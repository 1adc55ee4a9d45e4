package org.custodia.masterdata.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.custodia.gs1.Gln;
import org.custodia.gs1.Sgln;
import org.custodia.masterdata.application.TradingPartnerService;
import org.custodia.masterdata.domain.PartnerRole;
import org.custodia.masterdata.domain.TradingPartner;
import org.custodia.platform.interfaces.rest.Fields;
import org.custodia.platform.interfaces.rest.InvalidFieldException;

/**
 * Trading partners (issue 5): {@code GET /api/masterdata/partners}, {@code GET|PUT
 * /api/masterdata/partners/{gln}}. QA, supply chain, compliance, auditors and administrators read; only
 * the administrator writes (PUT adds or replaces: 201 when new, 200 when replaced; audited). Body: {@code
 * {"name":"…", "roles":["WHOLESALER",…], "mayVerify":true, "sites":[{"gln":"…","extension":"…"},…]}};
 * roles are MANUFACTURER, REPACKAGER, WHOLESALER, PHARMACY, DISPENSER and 3PL; a site's extension is
 * optional.
 */
@Path("masterdata/partners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TradingPartnerResource {

  /** A site as the API shows and takes it: GLN, optional AI (254) extension, and its SGLN element string. */
  public record SiteJson(String gln, String extension, String sgln) {}

  /** A partner as the API shows and takes it. */
  public record PartnerJson(String gln, String name, List<String> roles, Boolean mayVerify, List<SiteJson> sites) {

    static PartnerJson of(TradingPartner p) {
      return new PartnerJson(p.partyGln().value(), p.name(), p.roleNames(), p.mayVerify(),
          p.sites().stream().map(s -> new SiteJson(s.gln().value(), s.extension(), s.toElementString())).toList());
    }
  }

  @Inject TradingPartnerService service;

  @GET
  public List<PartnerJson> partners() {
    return service.partners().stream().map(PartnerJson::of).toList();
  }

  @GET
  @Path("{gln}")
  public PartnerJson partner(@PathParam("gln") String gln) {
    Gln g = Fields.required("gln", gln, Gln::of);
    return PartnerJson.of(service.partner(g).orElseThrow(() -> new NotFoundException("no trading partner " + gln)));
  }

  @PUT
  @Path("{gln}")
  public Response save(@PathParam("gln") String gln, PartnerJson body, @Context UriInfo uri) {
    PartnerJson b = body == null ? new PartnerJson(null, null, null, null, null) : body;
    TradingPartner p = new TradingPartner(Fields.required("gln", gln, Gln::of), b.name(), roles(b.roles()),
        Boolean.TRUE.equals(b.mayVerify()), sites(b.sites()));
    boolean created = service.save(p);
    return (created ? Response.created(uri.getAbsolutePath()) : Response.ok()).entity(PartnerJson.of(p)).build();
  }

  private static Set<PartnerRole> roles(List<String> names) {
    Set<PartnerRole> out = EnumSet.noneOf(PartnerRole.class);
    if (names != null) {
      for (String n : names) {
        out.add(PartnerRole.of(n));
      }
    }
    return out;
  }

  private static List<Sgln> sites(List<SiteJson> sites) {
    List<Sgln> out = new ArrayList<>();
    if (sites != null) {
      for (int i = 0; i < sites.size(); i++) {
        SiteJson s = sites.get(i);
        if (s == null) {
          throw new InvalidFieldException("sites[" + i + "]", null, null, "required", "field \"sites[" + i + "]\" is empty");
        }
        Gln g = Fields.required("sites[" + i + "].gln", s.gln(), Gln::of);
        out.add(s.extension() == null ? Sgln.of(g) : Fields.required("sites[" + i + "].extension", s.extension(),
            x -> new Sgln(g, x)));
      }
    }
    return out;
  }
}
