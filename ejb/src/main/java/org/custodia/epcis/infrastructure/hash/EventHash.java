package org.custodia.epcis.infrastructure.hash;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The GS1 event hash ID of CBV 2.0 (section "Event Hash ID"): {@code
 * ni:///sha-256;<hex>?ver=CBV2.0}, the SHA-256 of a canonical pre-hash string. EPCIS does not
 * require an eventID, and partners send the same event as XML or JSON, with URNs or Digital Links,
 * in any field order; this ID is computed from the event's content alone, so a re-sent event is
 * recognised (EPC-3) and an error declaration can point at an event that never had an eventID.
 *
 * <p>The event is our internal form, one EPCIS 2.0 JSON-LD event; {@code namespaces} maps the
 * prefixes its user extensions use to their namespace URIs (the document's {@code @context}, see
 * {@link #namespaces(JsonValue)}), since extensions hash by full namespace, not by prefix. Excluded
 * from the hash: {@code eventID}, {@code recordTime}, {@code errorDeclaration} and comments.
 */
public final class EventHash {

  /** The algorithm version the IDs carry. */
  public static final String VERSION = "CBV2.0";

  private EventHash() {}

  /** The event hash ID of {@code event}. */
  public static String of(JsonObject event, Map<String, String> namespaces) {
    return fromPreHash(preHash(event, namespaces));
  }

  /**
   * The canonical pre-hash string of {@code event}, shown for diagnostics when two parties disagree
   * on a hash.
   */
  public static String preHash(JsonObject event, Map<String, String> namespaces) {
    Objects.requireNonNull(event, "event");
    return PreHashString.of(event, inScope(event, namespaces == null ? Map.of() : namespaces));
  }

  /**
   * The prefixes in scope for the event: the document's, overridden by those the event declares itself
   * (a JSON-LD {@code @context} on the event, or XML namespace declarations on the event element), so the
   * same extension field hashes the same wherever its prefix was declared.
   */
  private static Map<String, String> inScope(JsonObject event, Map<String, String> document) {
    JsonValue own = event.get("@context");
    if (own == null) {
      return document;
    }
    Map<String, String> ns = new LinkedHashMap<>(document);
    collect(own, ns);
    return ns;
  }

  /** The ID for an already built pre-hash string. */
  public static String fromPreHash(String preHash) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(preHash.getBytes(StandardCharsets.UTF_8));
      return "ni:///sha-256;" + HexFormat.of().formatHex(digest) + "?ver=" + VERSION;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * The prefix declarations of a JSON-LD {@code @context} (a string, an object or an array of
   * both): every term whose value is a string URI, or an object with a string {@code @id}. The
   * remote standard context itself is not fetched; its prefixes ({@code gs1}, {@code cbv}, {@code
   * epcis}) are known to the canonicaliser.
   */
  public static Map<String, String> namespaces(JsonValue context) {
    Map<String, String> ns = new LinkedHashMap<>();
    collect(context, ns);
    return ns;
  }

  private static void collect(JsonValue context, Map<String, String> ns) {
    if (context == null) {
      return;
    }
    switch (context.getValueType()) {
      case ARRAY -> context.asJsonArray().forEach(c -> collect(c, ns));
      case OBJECT -> {
        for (Map.Entry<String, JsonValue> term : context.asJsonObject().entrySet()) {
          if (term.getKey().startsWith("@")) {
            continue;
          }
          JsonValue v = term.getValue();
          if (v instanceof JsonString s && s.getString().contains(":")) {
            ns.put(term.getKey(), s.getString());
          } else if (v instanceof JsonObject o && o.get("@id") instanceof JsonString id) {
            ns.put(term.getKey(), id.getString());
          }
        }
      }
      default -> {
        // a remote context URL: nothing to declare locally
      }
    }
  }
}
