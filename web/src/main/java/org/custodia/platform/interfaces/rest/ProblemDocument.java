package org.custodia.platform.interfaces.rest;

import org.custodia.platform.Jsonp;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem document: {@code type}, {@code title}, {@code status}, {@code detail}, plus our
 * extension members {@code code}, {@code field}, {@code value} and, for GS1 data, {@code ai} and
 * {@code rule} (the syntax dictionary linter).
 */
public record ProblemDocument(
    int status, String code, String title, String detail, String field, String value, String ai, String rule) {

  public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

  /** The problem type URI: a stable name per code. */
  public String type() {
    return "https://custodia.dev/problems/" + code;
  }

  public Response toResponse() {
    JsonObjectBuilder b =
        Jsonp.JSON.createObjectBuilder()
            .add("type", type())
            .add("title", title)
            .add("status", status)
            .add("detail", detail == null ? title : detail)
            .add("code", code);
    if (field != null) {
      b.add("field", field);
    }
    if (value != null) {
      b.add("value", value);
    }
    if (ai != null) {
      b.add("ai", ai);
    }
    if (rule != null) {
      b.add("rule", rule);
    }
    return Response.status(status).type(PROBLEM_JSON).entity(b.build().toString()).build();
  }
}
