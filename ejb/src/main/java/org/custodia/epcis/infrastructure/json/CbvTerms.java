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
 * error reasons — never to identifiers such as business transaction values.
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

  /** The bare CBV term of a standard value; user vocabulary URIs stay as they are. */
  static String term(String value) {
    return value.startsWith("urn:epcglobal:cbv:") || value.startsWith("https://ref.gs1.org/cbv/")
        ? EpcisJson.shortName(value)
        : value;
  }
}
