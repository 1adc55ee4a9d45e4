package org.custodia.epcis.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.epcis.domain.EventQuery;
import org.custodia.epcis.domain.EventQuery.Comparison;
import org.custodia.epcis.domain.EventQuery.FieldCondition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Reading the EPCIS 2.0 query parameters answered from the field index, and refusing bad ones by name. */
@Tag("EPC-2")
class EventQueryParametersTest {

  private static EventQuery parse(String... nameValue) {
    return parseWith(null, nameValue);
  }

  private static EventQuery parseWith(String extensions, String... nameValue) {
    Map<String, List<String>> p = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      p.put(nameValue[i], List.of(nameValue[i + 1]));
    }
    return EventQueryParameters.parse(p, extensions);
  }

  private static FieldCondition only(EventQuery q) {
    assertEquals(1, q.fields().size(), () -> "conditions: " + q.fields());
    return q.fields().get(0);
  }

  private static EventQueryParameters.QueryParameterException refused(String name, String value) {
    EventQueryParameters.QueryParameterException e =
        assertThrows(EventQueryParameters.QueryParameterException.class, () -> parse(name, value));
    assertEquals(name, e.field());
    assertEquals(value, e.value());
    return e;
  }

  @Test
  void ilmdFieldNamesExpandWithTheGs1ExtensionsHeaderOrTheStandardContext() {
    FieldCondition c = only(parseWith("example=http://ns.example.com/epcis/", "EQ_ILMD_example:grade", "A,B"));
    assertEquals("ILMD", c.area());
    assertEquals(List.of("{http://ns.example.com/epcis}grade"), c.names());
    assertEquals(Comparison.EQ, c.comparison());
    assertEquals(List.of("A", "B"), c.texts());
    assertTrue(!c.prefixed());

    FieldCondition lot = only(parse("EQ_ILMD_cbvmda:lotNumber", "L1"));
    assertEquals(List.of("{urn:epcglobal:cbv:mda}lotNumber"), lot.names());
  }

  @Test
  void everySpellingOfAFieldNameGivesTheSameIndexedName() {
    String expected = "{http://ns.example.com/epcis}grade";
    assertEquals(List.of(expected), only(parse("EQ_{http://ns.example.com/epcis/}grade", "A")).names());
    assertEquals(List.of(expected), only(parse("EQ_http://ns.example.com/epcis#grade", "A")).names());
    assertEquals(List.of(expected), only(parse("EQ_http://ns.example.com/epcis/grade", "A")).names());
    FieldCondition undeclared = only(parse("EQ_example:grade", "A"));
    assertEquals(List.of("example:grade"), undeclared.names());
    assertTrue(undeclared.prefixed());
    assertEquals("EXT", undeclared.area());
  }

  @Test
  void innerAndPartPrefixesChooseTheArea() {
    assertEquals("INNER", only(parse("EQ_INNER_ex:a", "1")).area());
    assertEquals("INNER_ILMD", only(parse("EXISTS_INNER_ILMD_ex:a", "")).area());
    assertEquals("ERROR_DECLARATION", only(parse("EQ_ERROR_DECLARATION_ex:a", "1")).area());
    assertEquals("INNER_SENSORREPORT", only(parse("GT_INNER_SENSORREPORT_ex:a", "1")).area());
    assertEquals("SENSORMETADATA", only(parse("EQ_SENSORMETADATA_ex:a", "1")).area());
    assertEquals("SENSORELEMENT", only(parse("LE_SENSORELEMENT_ex:a", "1")).area());
    assertEquals("READPOINT", only(parse("EQ_readPoint_ex:a", "1")).area());
    assertEquals("INNER_BIZLOCATION", only(parse("EQ_INNER_bizLocation_ex:a", "1")).area());
  }

  @Test
  void orderedComparisonsTakeANumberOrADateTime() {
    FieldCondition n = only(parse("GT_ILMD_ex:temp", "12.5"));
    assertEquals(Comparison.GT, n.comparison());
    assertEquals(List.of(new BigDecimal("12.5")), n.numbers());
    assertNull(n.time());
    FieldCondition t = only(parse("LT_ILMD_cbvmda:itemExpirationDate", "2027-01-01"));
    assertEquals(OffsetDateTime.parse("2027-01-01T00:00:00Z"), t.time());
    FieldCondition dt = only(parse("GE_ex:at", "2026-01-01T10:00:00+01:00"));
    assertEquals(OffsetDateTime.parse("2026-01-01T09:00:00Z").toInstant(), dt.time().toInstant());
  }

  @Test
  void existsTakesNoValueTrueOrFalse() {
    assertEquals(Comparison.EXISTS, only(parse("EXISTS_errorDeclaration", "")).comparison());
    assertEquals(Comparison.EXISTS, only(parse("EXISTS_errorDeclaration", "true")).comparison());
    assertEquals(List.of(), parse("EXISTS_errorDeclaration", "false").fields());
    refused("EXISTS_ILMD_ex:a", "maybe");
  }

  @Test
  void fixedNamesMapToTheirFields() {
    assertEquals(List.of("in_transit"), only(parse("EQ_persistentDisposition_set", "urn:epcglobal:cbv:disp:in_transit")).texts());
    assertEquals("persistentDisposition.unset", only(parse("EQ_persistentDisposition_unset", "active")).names().get(0));
    assertEquals(List.of("incorrect_data"), only(parse("EQ_errorReason", "https://ref.gs1.org/cbv/ER-incorrect_data")).texts());
    assertEquals("correctiveEventID", only(parse("EQ_correctiveEventID", "urn:uuid:1")).names().get(0));
    assertEquals("errorDeclaration", only(parse("GE_errorDeclarationTime", "2026-01-01T00:00:00Z")).names().get(0));
    assertEquals("errorDeclaration", only(parse("LT_errorDeclaration_Time", "2026-01-01T00:00:00Z")).names().get(0));
    assertEquals("transformationID", only(parse("EQ_transformationID", "urn:x")).names().get(0));
    assertEquals(List.of(new BigDecimal("200"), new BigDecimal("5")), only(parse("EQ_quantity", "200,5")).numbers());
    assertEquals("quantity_KGM", only(parse("GE_quantity_KGM", "10")).names().get(0));
    assertEquals(Comparison.LE, only(parse("LE_quantity", "10")).comparison());
  }

  @Test
  @Tag("IOT-1")
  void sensorFiltersMapToTheSensorFields() {
    FieldCondition type = only(parse("EQ_type", "gs1:Temperature,https://gs1.org/voc/Humidity,ex:custom"));
    assertEquals("SENSOR", type.area());
    assertEquals(List.of("Temperature", "Humidity", "ex:custom"), type.texts());
    assertEquals("value_CEL", only(parse("GE_value_CEL", "2")).names().get(0));
    assertEquals(List.of(new BigDecimal("2"), new BigDecimal("8")), only(parse("EQ_value_CEL", "2,8")).numbers());
    for (String p : List.of("minValue", "maxValue", "meanValue", "sDev", "percValue")) {
      for (String op : List.of("GT", "GE", "LT", "LE")) {
        FieldCondition c = only(parse(op + "_" + p + "_A93", "1.5"));
        assertEquals(p + "_A93", c.names().get(0));
        assertEquals(Comparison.valueOf(op), c.comparison());
      }
    }
    assertEquals("percRank", only(parse("GT_percRank", "50")).names().get(0));
    for (String p : List.of("time", "startTime", "endTime")) {
      assertEquals(p, only(parse("GE_" + p, "2026-01-01T00:00:00Z")).names().get(0));
      assertEquals(Comparison.LT, only(parse("LT_" + p, "2026-01-01T00:00:00Z")).comparison());
    }
    for (String p : List.of("deviceID", "deviceMetadata", "rawData", "dataProcessingMethod", "bizRules",
        "microorganism", "chemicalSubstance", "stringValue", "uriValue")) {
      assertEquals(p, only(parse("EQ_" + p, "x")).names().get(0));
    }
    assertEquals(List.of("0A1B"), only(parse("EQ_hexBinaryValue", "0a1b")).texts());
    assertEquals(List.of("true"), only(parse("EQ_booleanValue", "true")).texts());
    assertEquals("sensorElementList", only(parse("EXISTS_sensorElementList", "")).names().get(0));
  }

  @Test
  void withDescendantsTakesLocations() {
    EventQuery q = parse("WD_readPoint", "urn:epc:id:sgln:0614141.00777.0", "WD_bizLocation", "urn:a,urn:b");
    assertEquals(List.of("urn:epc:id:sgln:0614141.00777.0"), q.wdReadPoints());
    assertEquals(List.of("urn:a", "urn:b"), q.wdBizLocations());
  }

  @Test
  void badNumbersAndDatesAreRefusedNamingParameterAndValue() {
    assertTrue(refused("GE_value_CEL", "warm").getMessage().contains("warm"));
    assertTrue(refused("EQ_quantity", "lots").getMessage().contains("lots"));
    assertTrue(refused("GT_ILMD_ex:temp", "high").getMessage().contains("GT_ILMD_ex:temp"));
    assertTrue(refused("GE_time", "yesterday").getMessage().contains("yesterday"));
    assertTrue(refused("LT_errorDeclarationTime", "2026-13-01").getMessage().contains("2026-13-01"));
    refused("EQ_booleanValue", "yes");
    refused("GT_percRank", "x");
  }

  @Test
  void unknownParametersAreStillRefusedByName() {
    assertTrue(refused("EQ_colour", "red").getMessage().contains("not supported"));
    refused("GT_something", "1");
    refused("EQ_ATTR_bizLocation_ex:site", "x");
    refused("HASATTR_bizLocation", "ex:site");
    assertThrows(EventQueryParameters.QueryParameterException.class,
        () -> parseWith("example", "EQ_example:a", "1"));
  }
}
