package org.custodia.epcis.infrastructure.xml;

import org.custodia.platform.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The generic element mapping used for user extensions, the SBDH and master-data attribute values.
 *
 * <ul>
 *   <li>An element with only text becomes a JSON string, verbatim: no number or boolean is guessed,
 *       because {@code 007} or {@code 1E3} must come back as they were sent.
 *   <li>An element with child elements or attributes becomes an object. Children become {@code
 *       prefix:localName} keys (plain {@code localName} for unqualified ones); siblings with the
 *       same name become an array in document order. Attributes become keys {@code @} + their
 *       qualified name, so {@code xsi:type="xsd:integer"} is kept as {@code "@xsi:type":
 *       "xsd:integer"}. Text that is not only whitespace is kept under {@code #text}.
 * </ul>
 */
final class ElementJson {

  static final String TEXT = "#text";

  private ElementJson() {}

  static JsonValue toJson(XNode node, ReadPrefixes prefixes, Set<String> skipAttributes) {
    List<XNode.Attr> attrs = new ArrayList<>();
    for (XNode.Attr a : node.attributes) {
      if (!(a.uri().isEmpty() && skipAttributes.contains(a.local()))) {
        attrs.add(a);
      }
    }
    if (attrs.isEmpty() && node.children.isEmpty()) {
      return Jsonp.JSON.createValue(node.text.toString());
    }
    JsonObjectBuilder o = Jsonp.JSON.createObjectBuilder();
    for (XNode.Attr a : attrs) {
      o.add('@' + prefixes.key(a.uri(), a.prefix(), a.local()), a.value());
    }
    if (node.hasText()) {
      o.add(TEXT, node.text.toString());
    }
    addChildren(o, node.children, prefixes);
    return o.build();
  }

  /** Adds {@code children} to {@code o} as keys, grouping repeated names into arrays. */
  static void addChildren(JsonObjectBuilder o, List<XNode> children, ReadPrefixes prefixes) {
    Map<String, List<JsonValue>> grouped = new LinkedHashMap<>();
    for (XNode c : children) {
      grouped
          .computeIfAbsent(prefixes.key(c.uri, c.prefix, c.local), k -> new ArrayList<>(1))
          .add(toJson(c, prefixes, Set.of()));
    }
    grouped.forEach((k, v) -> o.add(k, single(v)));
  }

  static JsonValue single(List<JsonValue> values) {
    if (values.size() == 1) {
      return values.get(0);
    }
    JsonArrayBuilder a = Jsonp.JSON.createArrayBuilder();
    values.forEach(a::add);
    return a.build();
  }
}
