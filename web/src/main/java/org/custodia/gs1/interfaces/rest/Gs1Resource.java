package org.custodia.gs1.interfaces.rest;

import org.custodia.platform.Jsonp;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.custodia.gs1.ai.ElementString;
import org.custodia.gs1.ai.SyntaxDictionary;
import org.custodia.gs1.dl.DigitalLink;
import org.custodia.gs1.epc.ElementStringEpc;
import org.custodia.gs1.interfaces.facade.Gs1Facade;
import org.custodia.masterdata.application.CompanyPrefixes;

/**
 * {@code POST /api/gs1/parse} (DESIGN.md contract): an element string in any of its forms, or a GS1
 * Digital Link, to its elements, its Digital Link and, where the company prefix length is known, its EPC;
 * a 400 problem naming the AI and the rule when it is not valid. {@code POST /api/gs1/analyse} reports every
 * problem at once, for the code inspector.
 */
@Path("gs1")
public class Gs1Resource {

  @Inject CompanyPrefixes prefixes;
  @Inject Gs1Facade facade;

  @POST
  @Path("parse")
  @Consumes(MediaType.TEXT_PLAIN)
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject parse(String input) {
    ElementString es = facade.parse(input);
    JsonArrayBuilder elements = Jsonp.JSON.createArrayBuilder();
    es.elements()
        .forEach(
            e ->
                elements.add(
                    Jsonp.JSON.createObjectBuilder()
                        .add("ai", e.ai())
                        .add("value", e.value())
                        .add("title", SyntaxDictionary.definition(e.ai()).title())));
    JsonObjectBuilder out =
        Jsonp.JSON.createObjectBuilder()
            .add("elements", elements)
            .add("bracketed", es.toBracketed());
    facade.digitalLink(es).ifPresent(dl -> out.add("digitalLink", dl));
    ElementStringEpc.of(es, prefixes::lengthFor).ifPresent(epc -> out.add("epc", epc));
    return out.build();
  }

  @POST
  @Path("analyse")
  @Consumes(MediaType.TEXT_PLAIN)
  @Produces(MediaType.APPLICATION_JSON)
  public Gs1Facade.AnalysisView analyse(String input) {
    return facade.analyse(input);
  }
}
