package org.custodia.epcis.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.epcis.application.EventQueryParameters;
import org.custodia.epcis.infrastructure.json.EpcisJson;
import org.custodia.platform.TestDatabases;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The EPCIS query parameters answered from the field index (V8): parameters parsed as the REST resource
 * parses them, answered by SQL against the migrated schema in H2's Oracle mode.
 */
@Tag("EPC-2")
class JdbcEventQueryFieldsTest {

  static final String NS = "http://ns.example.com/epcis/";

  static final String DOC = """
      {"@context":["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
       "type":"EPCISDocument","epcisBody":{"eventList":[
      {"@context":{"example":"http://ns.example.com/epcis/"},
       "type":"ObjectEvent","eventID":"f1","eventTime":"2026-01-01T10:00:00Z","eventTimeZoneOffset":"+00:00",
       "action":"ADD","bizStep":"commissioning","epcList":["urn:epc:id:sgtin:0614141.107346.1"],
       "readPoint":{"id":"urn:epc:id:sgln:0614141.00777.5","example:dock":"D1"},
       "bizLocation":{"id":"urn:epc:id:sgln:0614141.00777.0"},
       "persistentDisposition":{"set":["completeness_verified"],"unset":["urn:epcglobal:cbv:disp:completeness_inferred"]},
       "quantityList":[{"epcClass":"urn:epc:class:lgtin:4012345.012345.1","quantity":200,"uom":"KGM"}],
       "ilmd":{"cbvmda:lotNumber":"LOT1","cbvmda:itemExpirationDate":"2027-03-31","example:grade":"A",
               "example:temp":"12.5","example:batch":{"example:line":"L7","example:shift":{"example:crew":"night"}}},
       "example:myField":"hello","example:count":7,
       "example:internal":{"example:machine":"M-1","procedure":"P-9"}},
      {"@context":{"example":"http://ns.example.com/epcis/"},
       "type":"ObjectEvent","eventID":"f2","eventTime":"2026-01-02T10:00:00Z","eventTimeZoneOffset":"+00:00",
       "action":"OBSERVE","bizStep":"shipping","epcList":["urn:epc:id:sgtin:0614141.107346.2"],
       "readPoint":{"id":"urn:epc:id:sgln:0614141.00888.0"},
       "bizLocation":{"id":"urn:epc:id:sgln:0614141.00777.3"},
       "quantityList":[{"epcClass":"urn:epc:class:lgtin:4012345.012345.1","quantity":5.5,"uom":"LTR"}],
       "ilmd":{"example:grade":"B","cbvmda:itemExpirationDate":"2026-06-30","example:temp":20},
       "errorDeclaration":{"declarationTime":"2026-02-01T00:00:00Z","reason":"incorrect_data",
                           "correctiveEventIDs":["f3","urn:uuid:c2"],"example:who":"qa"}},
      {"@context":{"example":"http://ns.example.com/epcis/"},
       "type":"TransformationEvent","eventID":"f3","eventTime":"2026-01-03T10:00:00Z","eventTimeZoneOffset":"+00:00",
       "transformationID":"urn:epc:id:gdti:0614141.12345.400",
       "inputQuantityList":[{"epcClass":"urn:epc:class:lgtin:4012345.012345.2","quantity":25,"uom":"KGM"}],
       "outputEPCList":["urn:epc:id:sgtin:0614141.107346.3"],
       "errorDeclaration":{"declarationTime":"2026-03-01T00:00:00Z","reason":"did_not_occur"},
       "sensorElementList":[{
         "sensorMetadata":{"time":"2026-01-03T09:00:00Z","startTime":"2026-01-02T00:00:00Z","endTime":"2026-01-03T00:00:00Z",
                           "deviceID":"urn:epc:id:giai:4000001.111","deviceMetadata":"https://dm.example.com/d1",
                           "rawData":"https://raw.example.com/r1","bizRules":"https://rules.example.com/cold",
                           "dataProcessingMethod":"https://dpm.example.com/avg","example:md":"m1"},
         "sensorReport":[
           {"type":"gs1:Temperature","value":26.5,"uom":"CEL","time":"2026-01-03T08:00:00Z"},
           {"type":"Humidity","minValue":40,"maxValue":60,"meanValue":50,"sDev":2.5,"percRank":50,"percValue":48,"uom":"A93"},
           {"type":"example:custom","stringValue":"abc","booleanValue":true,"hexBinaryValue":"0a1b",
            "uriValue":"https://u.example.com/1","example:rx":"r1","example:nest":{"example:deep":"d"}},
           {"type":"Concentration","chemicalSubstance":"https://identifiers.org/inchikey:X","microorganism":"https://www.ncbi.nlm.nih.gov/taxonomy/1"}],
         "example:further":"fs"}]},
      {"@context":{"example":"http://other.example.org/"},
       "type":"ObjectEvent","eventID":"f4","eventTime":"2026-01-04T10:00:00Z","eventTimeZoneOffset":"+00:00",
       "action":"OBSERVE","epcList":["urn:epc:id:sgtin:0614141.107346.4"],
       "readPoint":{"id":"urn:epc:id:sgln:0614141.00777.0"},
       "ilmd":{"example:grade":"A"},
       "sensorElementList":[{"sensorReport":[{"type":"Temperature","value":4,"uom":"CEL","time":"2026-01-04T08:00:00Z"}]}]}
      ]}}
      """;

  static final long JOB = 77L;

  @TempDir Path dir;
  JdbcDataSource ds;
  JdbcEventQuery query;

  @BeforeEach
  void repository() {
    ds = TestDatabases.migrated(dir);
    new JdbcEventStore(ds).storeAll(EpcisJson.read(DOC), "test", JOB);
    query = new JdbcEventQuery(ds);
  }

  /** The eventIDs the parameters ({@code name, value, name, value, ...}) find, oldest first. */
  List<String> idsWith(String extensions, String... nameValue) {
    Map<String, List<String>> p = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      p.put(nameValue[i], List.of(nameValue[i + 1]));
    }
    p.put("orderDirection", List.of("ASC"));
    List<String> out = new ArrayList<>();
    for (JdbcEventQuery.Row r : query.find(EventQueryParameters.parse(p, extensions), 100)) {
      out.add(Json.createReader(new StringReader(r.document())).readObject().getString("eventID"));
    }
    return out;
  }

  List<String> ids(String... nameValue) {
    return idsWith(null, nameValue);
  }

  @Test
  void ilmdEqualityComparesTextAndListsAreOred() {
    assertEquals(List.of("f1"), ids("EQ_ILMD_cbvmda:lotNumber", "LOT1"));
    assertEquals(List.of(), ids("EQ_ILMD_cbvmda:lotNumber", "LOT2"));
    assertEquals(List.of("f1", "f2"), idsWith("example=" + NS, "EQ_ILMD_example:grade", "A,B"));
    assertEquals(List.of("f1"), ids("EQ_ILMD_{" + NS + "}grade", "A"));
  }

  @Test
  void aPrefixWithoutHeaderMeansEveryNamespaceCapturedDocumentsBoundItTo() {
    assertEquals(List.of("f1", "f4"), ids("EQ_ILMD_example:grade", "A"));
    assertEquals(List.of("f1"), idsWith("example=" + NS, "EQ_ILMD_example:grade", "A"));
    assertEquals(List.of("f4"), idsWith("example=http://other.example.org/", "EQ_ILMD_example:grade", "A"));
    assertEquals(List.of(), ids("EQ_ILMD_nobody:grade", "A"));
  }

  @Test
  void ilmdOrderedComparisonsAreNumericOrByTime() {
    assertEquals(List.of("f2"), ids("GT_ILMD_example:temp", "12.5"));
    assertEquals(List.of("f1", "f2"), ids("GE_ILMD_example:temp", "12.5"));
    assertEquals(List.of("f1"), ids("LT_ILMD_example:temp", "13"));
    assertEquals(List.of("f1"), ids("GT_ILMD_cbvmda:itemExpirationDate", "2026-12-31"));
    assertEquals(List.of("f2"), ids("LE_ILMD_cbvmda:itemExpirationDate", "2026-06-30"));
    assertEquals(List.of("f1", "f2"), ids("EXISTS_ILMD_cbvmda:itemExpirationDate", ""));
  }

  @Test
  void innerIlmdFieldsAtAnyDepth() {
    assertEquals(List.of("f1"), ids("EQ_INNER_ILMD_example:line", "L7"));
    assertEquals(List.of("f1"), ids("EQ_INNER_ILMD_example:crew", "night"));
    assertEquals(List.of("f1"), ids("EXISTS_ILMD_example:batch", ""));
    assertEquals(List.of(), ids("EQ_ILMD_example:line", "L7"));
  }

  @Test
  void eventExtensionFieldsTopLevelAndInner() {
    assertEquals(List.of("f1"), ids("EQ_example:myField", "hello"));
    assertEquals(List.of("f1"), ids("GE_example:count", "7"));
    assertEquals(List.of(), ids("GT_example:count", "7"));
    assertEquals(List.of("f1"), ids("EQ_INNER_example:machine", "M-1"));
    assertEquals(List.of("f1"), ids("EXISTS_example:internal", ""));
    assertEquals(List.of(), ids("EQ_INNER_example:myField", "hello"));
    assertEquals(List.of("f1"), ids("EQ_readPoint_example:dock", "D1"));
    assertEquals(List.of("f2"), ids("EQ_ERROR_DECLARATION_example:who", "qa"));
  }

  @Test
  void errorDeclarations() {
    assertEquals(List.of("f2", "f3"), ids("EXISTS_errorDeclaration", ""));
    assertEquals(List.of("f1", "f2", "f3", "f4"), ids("EXISTS_errorDeclaration", "false"));
    assertEquals(List.of("f3"), ids("GE_errorDeclarationTime", "2026-02-15T00:00:00Z"));
    assertEquals(List.of("f2"), ids("LT_errorDeclarationTime", "2026-02-15T00:00:00Z"));
    assertEquals(List.of("f2"), ids("EQ_errorReason", "urn:epcglobal:cbv:er:incorrect_data"));
    assertEquals(List.of("f2", "f3"), ids("EQ_errorReason", "incorrect_data,did_not_occur"));
    assertEquals(List.of("f2"), ids("EQ_correctiveEventID", "urn:uuid:c2"));
    assertEquals(List.of("f3"), ids("EXISTS_errorDeclaration", "", "EQ_errorReason", "did_not_occur"));
  }

  @Test
  void persistentDispositionTransformationAndQuantity() {
    assertEquals(List.of("f1"), ids("EQ_persistentDisposition_set", "completeness_verified"));
    assertEquals(List.of("f1"), ids("EQ_persistentDisposition_unset", "completeness_inferred"));
    assertEquals(List.of(), ids("EQ_persistentDisposition_set", "completeness_inferred"));
    assertEquals(List.of("f3"), ids("EQ_transformationID", "urn:epc:id:gdti:0614141.12345.400"));
    assertEquals(List.of("f1", "f2"), ids("EQ_quantity", "200,5.5"));
    assertEquals(List.of("f1", "f3"), ids("GT_quantity", "5.5"));
    assertEquals(List.of("f2", "f3"), ids("LE_quantity", "25"));
    assertEquals(List.of("f3"), ids("GE_quantity_KGM", "20", "LT_quantity_KGM", "100"));
  }

  @Test
  void withDescendantsTakesSubLocationsOfAGln() {
    assertEquals(List.of("f1", "f4"), ids("WD_readPoint", "urn:epc:id:sgln:0614141.00777.0"));
    assertEquals(List.of("f1", "f2"), ids("WD_bizLocation", "urn:epc:id:sgln:0614141.00777.0"));
    assertEquals(List.of("f2"), ids("WD_bizLocation", "urn:epc:id:sgln:0614141.00777.3"));
    assertEquals(List.of(), ids("WD_readPoint", "urn:epc:id:sgln:0614141.0077.0"));
  }

  @Test
  @Tag("IOT-1")
  void sensorFilters() {
    assertEquals(List.of("f3", "f4"), ids("EQ_type", "Temperature"));
    assertEquals(List.of("f3"), ids("EQ_type", "gs1:Humidity"));
    assertEquals(List.of("f3"), ids("GT_value_CEL", "8"));
    assertEquals(List.of("f4"), ids("LE_value_CEL", "4"));
    assertEquals(List.of("f3", "f4"), ids("EQ_value_CEL", "4,26.5"));
    assertEquals(List.of(), ids("GT_value_FAH", "0"));
    assertEquals(List.of("f3"), ids("GE_minValue_A93", "40", "LT_maxValue_A93", "61"));
    assertEquals(List.of(), ids("GT_minValue_A93", "40"));
    assertEquals(List.of("f3"), ids("GE_meanValue_A93", "50", "LE_sDev_A93", "2.5", "GT_percValue_A93", "47"));
    assertEquals(List.of("f3"), ids("GE_percRank", "50"));
    assertEquals(List.of("f3"), ids("GE_time", "2026-01-03T08:00:00Z", "LT_time", "2026-01-03T08:00:01Z"));
    assertEquals(List.of("f4"), ids("GE_time", "2026-01-04T00:00:00Z"));
    assertEquals(List.of("f3"), ids("GE_startTime", "2026-01-02T00:00:00Z", "LT_endTime", "2026-01-03T00:00:01Z"));
    assertEquals(List.of(), ids("LT_startTime", "2026-01-02T00:00:00Z"));
    assertEquals(List.of("f3"), ids("EQ_deviceID", "urn:epc:id:giai:4000001.111"));
    assertEquals(List.of("f3"), ids("EQ_deviceMetadata", "https://dm.example.com/d1"));
    assertEquals(List.of("f3"), ids("EQ_rawData", "https://raw.example.com/r1"));
    assertEquals(List.of("f3"), ids("EQ_bizRules", "https://rules.example.com/cold"));
    assertEquals(List.of("f3"), ids("EQ_dataProcessingMethod", "https://dpm.example.com/avg"));
    assertEquals(List.of("f3"), ids("EQ_stringValue", "abc"));
    assertEquals(List.of("f3"), ids("EQ_booleanValue", "true"));
    assertEquals(List.of(), ids("EQ_booleanValue", "false"));
    assertEquals(List.of("f3"), ids("EQ_hexBinaryValue", "0A1B"));
    assertEquals(List.of("f3"), ids("EQ_uriValue", "https://u.example.com/1"));
    assertEquals(List.of("f3"), ids("EQ_chemicalSubstance", "https://identifiers.org/inchikey:X"));
    assertEquals(List.of("f3"), ids("EQ_microorganism", "https://www.ncbi.nlm.nih.gov/taxonomy/1"));
    assertEquals(List.of("f3", "f4"), ids("EXISTS_sensorElementList", ""));
    assertEquals(List.of("f3"), ids("EQ_SENSORMETADATA_example:md", "m1"));
    assertEquals(List.of("f3"), ids("EQ_SENSORREPORT_example:rx", "r1"));
    assertEquals(List.of("f3"), ids("EXISTS_SENSORREPORT_example:rx", ""));
    assertEquals(List.of("f3"), ids("EQ_INNER_SENSORREPORT_example:deep", "d"));
    assertEquals(List.of("f3"), ids("EQ_SENSORELEMENT_example:further", "fs"));
    assertEquals(List.of(), ids("EQ_SENSORELEMENT_example:rx", "r1"));
  }

  @Test
  void newParametersCombineWithTheOthersByAnd() {
    assertEquals(List.of("f4"), ids("EQ_type", "Temperature", "eventType", "ObjectEvent"));
    assertEquals(List.of("f2"), ids("EQ_ILMD_example:grade", "A,B", "EQ_bizStep", "shipping"));
    assertEquals(List.of(), ids("EQ_ILMD_example:grade", "B", "EXISTS_sensorElementList", ""));
  }

  @Test
  void rollingBackACaptureJobRemovesItsIndexedFieldsWithTheEvents() {
    // given
    JdbcCaptureJobs jobs = new JdbcCaptureJobs();
    jobs.dataSource = ds;

    // when
    int deleted = jobs.deleteEventsOf(JOB);

    // then
    assertEquals(4, deleted);
    assertEquals(List.of(), ids("EXISTS_sensorElementList", ""));
    assertEquals(List.of(), ids("EQ_ILMD_cbvmda:lotNumber", "LOT1"));
  }
}
