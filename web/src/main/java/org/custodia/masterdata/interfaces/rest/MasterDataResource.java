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
import java.util.List;
import org.custodia.gs1.Gln;
import org.custodia.gs1.Gtin;
import org.custodia.masterdata.application.MasterDataService;
import org.custodia.masterdata.domain.Location;
import org.custodia.masterdata.domain.Product;
import org.custodia.platform.interfaces.rest.Fields;

/**
 * Product and location master data (MKT-1; what a DSCSA export needs): {@code GET
 * /api/masterdata/products}, {@code GET|PUT /api/masterdata/products/{gtin}}, {@code GET
 * /api/masterdata/locations}, {@code GET|PUT /api/masterdata/locations/{gln}}. Every role reads; only
 * the administrator writes (PUT adds or replaces: 201 when new, 200 when replaced; audited). A product
 * body: {@code ndc, regulatedProductName, manufacturerName, dosageFormType, strengthDescription,
 * netContentDescription}; a location body: {@code name, streetAddressOne, streetAddressTwo, city,
 * state, postalCode, countryCode}.
 */
@Path("masterdata")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MasterDataResource {

  /** A product as the API shows and takes it. */
  public record ProductJson(String gtin, String ndc, String regulatedProductName, String manufacturerName,
      String dosageFormType, String strengthDescription, String netContentDescription) {

    static ProductJson of(Product p) {
      return new ProductJson(p.gtin().value(), p.ndc(), p.regulatedProductName(), p.manufacturerName(),
          p.dosageFormType(), p.strengthDescription(), p.netContentDescription());
    }
  }

  /** A location as the API shows and takes it. */
  public record LocationJson(String gln, String name, String streetAddressOne, String streetAddressTwo,
      String city, String state, String postalCode, String countryCode) {

    static LocationJson of(Location l) {
      return new LocationJson(l.gln().value(), l.name(), l.streetAddressOne(), l.streetAddressTwo(), l.city(),
          l.state(), l.postalCode(), l.countryCode());
    }
  }

  @Inject MasterDataService service;

  @GET
  @Path("products")
  public List<ProductJson> products() {
    return service.products().stream().map(ProductJson::of).toList();
  }

  @GET
  @Path("products/{gtin}")
  public ProductJson product(@PathParam("gtin") String gtin) {
    Gtin g = Fields.required("gtin", gtin, Gtin::of);
    return ProductJson.of(service.product(g).orElseThrow(() -> new NotFoundException("no product " + gtin)));
  }

  @PUT
  @Path("products/{gtin}")
  public Response saveProduct(@PathParam("gtin") String gtin, ProductJson body, @Context UriInfo uri) {
    ProductJson b = body == null ? new ProductJson(null, null, null, null, null, null, null) : body;
    Product p = new Product(Fields.required("gtin", gtin, Gtin::of), b.ndc(), b.regulatedProductName(),
        b.manufacturerName(), b.dosageFormType(), b.strengthDescription(), b.netContentDescription());
    boolean created = service.save(p);
    return (created ? Response.created(uri.getAbsolutePath()) : Response.ok()).entity(ProductJson.of(p)).build();
  }

  @GET
  @Path("locations")
  public List<LocationJson> locations() {
    return service.locations().stream().map(LocationJson::of).toList();
  }

  @GET
  @Path("locations/{gln}")
  public LocationJson location(@PathParam("gln") String gln) {
    Gln g = Fields.required("gln", gln, Gln::of);
    return LocationJson.of(service.location(g).orElseThrow(() -> new NotFoundException("no location " + gln)));
  }

  @PUT
  @Path("locations/{gln}")
  public Response saveLocation(@PathParam("gln") String gln, LocationJson body, @Context UriInfo uri) {
    LocationJson b = body == null ? new LocationJson(null, null, null, null, null, null, null, null) : body;
    Location l = new Location(Fields.required("gln", gln, Gln::of), b.name(), b.streetAddressOne(),
        b.streetAddressTwo(), b.city(), b.state(), b.postalCode(), b.countryCode());
    boolean created = service.save(l);
    return (created ? Response.created(uri.getAbsolutePath()) : Response.ok()).entity(LocationJson.of(l)).build();
  }
}
