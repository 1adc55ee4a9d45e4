package org.custodia.label.interfaces.rest;

import org.custodia.platform.Jsonp;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.custodia.gs1.ai.ElementString;
import org.custodia.gs1.interfaces.facade.Gs1Facade;
import org.custodia.label.BarcodeDecoder;
import org.custodia.label.Symbology;
import org.custodia.platform.interfaces.rest.Fields;

/**
 * GS1 barcodes (LBL-1, LBL-2). {@code POST /api/labels} renders the element string of the body (any form
 * the parser reads) as {@code symbology} DATA_MATRIX, GS1_128 or QR, in {@code format} png or svg;
 * {@code GET /api/labels?data=...} does the same for image links. {@code POST /api/labels/decode} reads an
 * uploaded image back to the element string.
 */
@Path("labels")
public class LabelResource {

  @Inject Gs1Facade gs1;
  @Inject LabelFacade labels;

  @POST
  @Consumes(MediaType.TEXT_PLAIN)
  @Produces({"image/png", "image/svg+xml"})
  public Response render(
      String data,
      @QueryParam("symbology") @DefaultValue("DATA_MATRIX") String symbology,
      @QueryParam("format") @DefaultValue("png") String format,
      @QueryParam("module") @DefaultValue("4") int module) {
    ElementString es = gs1.parse(data);
    Symbology s = Fields.enumValue("symbology", symbology, Symbology.class);
    LabelFacade.Format f = Fields.enumValue("format", format, LabelFacade.Format.class);
    return Response.ok(labels.render(s, es, f, module), f.mediaType()).build();
  }

  @GET
  @Produces({"image/png", "image/svg+xml"})
  public Response renderLink(
      @QueryParam("data") String data,
      @QueryParam("symbology") @DefaultValue("DATA_MATRIX") String symbology,
      @QueryParam("format") @DefaultValue("png") String format,
      @QueryParam("module") @DefaultValue("4") int module) {
    return render(Fields.required("data", data, d -> d), symbology, format, module);
  }

  @POST
  @Path("decode")
  @Consumes({"image/png", "image/jpeg", "image/gif", "image/bmp", MediaType.APPLICATION_OCTET_STREAM})
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject decode(byte[] image) {
    BarcodeDecoder.Decoded d = labels.decode(image);
    ElementString es = gs1.parse(d.symbologyIdentifier() + d.gs1Message());
    JsonArrayBuilder elements = Jsonp.JSON.createArrayBuilder();
    es.elements().forEach(e -> elements.add(Jsonp.JSON.createObjectBuilder().add("ai", e.ai()).add("value", e.value())));
    return Jsonp.JSON.createObjectBuilder()
        .add("symbology", d.symbology().name())
        .add("symbologyIdentifier", d.symbologyIdentifier())
        .add("elementString", es.toBracketed())
        .add("elements", elements)
        .build();
  }
}
