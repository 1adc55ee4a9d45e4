package org.custodia.epcis.infrastructure.json;

import org.custodia.platform.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Set;

/**
 * Writes standard CBV values the way EPCIS 2.0 JSON-LD writes them. XML carries them as URNs
 * ({@code urn:epcglobal:cbv:bizstep:shipping}); JSON-LD uses the bare term ({@code shipping}) and its
 * schema refuses the URN. Applied to events read from XML, to the vocabulary fields only: bizStep,
 * disposition, persistent disposition, and the types of business transactions, sources, destinations and
 * error reasons — never to identifiers such as business transaction values. {@link #expand} is the
 * inverse, for documents that go to EPCIS 1.2 receivers (DSCSA), who expect the URNs.
 */
public final class CbvTerms {

  private static final Set<String> TYPED_LISTS = Set.of("bizTransactionList", "sourceList", "destinationList");

  private CbvTerms() {}

  public static JsonObject compact(JsonObject event) {
    JsonObjectBuilder b = Jsonp.JSON.createObjectBuilder(event);
    compactField(event, b, "bizStep");
    compactField(event, b, "disposition");
    if (event.get("persistentDisposition") instanceof JsonObject pd) {
      JsonObjectBuilder p = Jsonp.JSON.createObjectBuilder(pd);
      for (String k : new String[] {"set", "unset"}) {
        if (pd.get(k) instanceof JsonArray a) {
          p.add(k, compactArray(a));
        }
      }
      b.add("persistentDisposition", p);
    }
    for (String list : TYPED_LISTS) {
      if (event.get(list) instanceof JsonArray a) {
        JsonArrayBuilder out = Jsonp.JSON.createArrayBuilder();
        for (JsonValue v : a) {
          if (v instanceof JsonObject o && o.get("type") instanceof JsonString t) {
            out.add(Jsonp.JSON.createObjectBuilder(o).add("type", term(t.getString())));
          } else {
            out.add(v);
          }
        }
        b.add(list, out);
      }
    }
    if (event.get("errorDeclaration") instanceof JsonObject ed && ed.get("reason") instanceof JsonString r) {
      b.add("errorDeclaration", Jsonp.JSON.createObjectBuilder(ed).add("reason", term(r.getString())));
    }
    return b.build();
  }

  private static void compactField(JsonObject event, JsonObjectBuilder b, String field) {
    if (event.get(field) instanceof JsonString s) {
      b.add(field, term(s.getString()));
    }
  }

  private static JsonArray compactArray(JsonArray a) {
    JsonArrayBuilder out = Jsonp.JSON.createArrayBuilder();
    a.forEach(v -> out.add(v instanceof JsonString s ? Jsonp.JSON.createValue(term(s.getString())) : v));
    return out.build();
  }

  /**
   * The event with its standard CBV values as CBV 1.x URNs ({@code shipping} →
   * {@code urn:epcglobal:cbv:bizstep:shipping}, {@code https://ref.gs1.org/cbv/Disp-active} →
   * {@code urn:epcglobal:cbv:disp:active}), the form EPCIS 1.2 XML uses; user vocabulary URIs stay as
   * they are. The same fields as {@link #compact}.
   */
  public static JsonObject expand(JsonObject event) {
    JsonObjectBuilder b = Jsonp.JSON.createObjectBuilder(event);
    expandField(event, b, "bizStep", "urn:epcglobal:cbv:bizstep:", "BizStep");
    expandField(event, b, "disposition", "urn:epcglobal:cbv:disp:", "Disp");
    if (event.get("persistentDisposition") instanceof JsonObject pd) {
      JsonObjectBuilder p = Jsonp.JSON.createObjectBuilder(pd);
      for (String k : new String[] {"set", "unset"}) {
        if (pd.get(k) instanceof JsonArray a) {
          JsonArrayBuilder out = Jsonp.JSON.createArrayBuilder();
          a.forEach(v -> out.add(v instanceof JsonString s ? Jsonp.JSON.createValue(urn(s.getString(),
              "urn:epcglobal:cbv:disp:", "Disp")) : v));
          p.add(k, out);
        }
      }
      b.add("persistentDisposition", p);
    }
    expandTypes(event, b, "bizTransactionList", "urn:epcglobal:cbv:btt:", "BTT");
    expandTypes(event, b, "sourceList", "urn:epcglobal:cbv:sdt:", "SDT");
    expandTypes(event, b, "destinationList", "urn:epcglobal:cbv:sdt:", "SDT");
    if (event.get("errorDeclaration") instanceof JsonObject ed && ed.get("reason") instanceof JsonString r) {
      b.add("errorDeclaration", Jsonp.JSON.createObjectBuilder(ed)
          .add("reason", urn(r.getString(), "urn:epcglobal:cbv:er:", "ER")));
    }
    return b.build();
  }

  private static void expandField(JsonObject event, JsonObjectBuilder b, String field, String urn, String term) {
    if (event.get(field) instanceof JsonString s) {
      b.add(field, urn(s.getString(), urn, term));
    }
  }

  private static void expandTypes(JsonObject event, JsonObjectBuilder b, String list, String urn, String term) {
    if (event.get(list) instanceof JsonArray a) {
      JsonArrayBuilder out = Jsonp.JSON.createArrayBuilder();
      for (JsonValue v : a) {
        if (v instanceof JsonObject o && o.get("type") instanceof JsonString t) {
          out.add(Jsonp.JSON.createObjectBuilder(o).add("type", urn(t.getString(), urn, term)));
        } else {
          out.add(v);
        }
      }
      b.add(list, out);
    }
  }

  /** A bare word or a GS1 web URI of the category as its URN; anything else unchanged. */
  static String urn(String value, String urnPrefix, String term) {
    String web = "https://ref.gs1.org/cbv/" + term + "-";
    if (value.startsWith(web)) {
      return urnPrefix + value.substring(web.length());
    }
    return value.indexOf(':') < 0 && !value.isEmpty() ? urnPrefix + value : value;
  }

  /** The bare CBV term of a standard value; user vocabulary URIs stay as they are. */
  static String term(String value) {
    return value.startsWith("urn:epcglobal:cbv:") || value.startsWith("https://ref.gs1.org/cbv/")
        ? EpcisJson.shortName(value)
        : value;
  }
}
