package org.custodia.epcis.infrastructure.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("IOT-1")
@Tag("EPC-1")
class SensorDataValidationTest {

  private static final String EVENT =
      """
      {"type": "ObjectEvent", "eventTime": "2024-05-02T10:00:00Z", "eventTimeZoneOffset": "+00:00",
       "epcList": ["urn:epc:id:sscc:4012345.0000000111"], "action": "OBSERVE",
       "sensorElementList": [{
         "sensorMetadata": {"time": "2024-05-02T09:59:00Z", "deviceID": "urn:epc:id:giai:4000001.111"},
         "sensorReport": [{"type": "Temperature", "value": 4.5, "uom": "CEL", "minValue": 2.1,
                           "maxValue": 7.9, "sDev": 0.4, "percRank": 50, "component": "x"},
                          {"type": "gs1:RelativeHumidity", "value": 40, "uom": "P1"},
                          {"type": "https://example.com/voc/Vibration", "value": 3, "uom": "MMT",
                           "exception": "ALARM_CONDITION"}]}]}
      """;

  @org.junit.jupiter.api.Test
  void acceptsStandardAndUserMeasurementTypes() {
    assertEquals(
        List.of(), SemanticValidator.validate(SemanticValidatorTest.read(EVENT), 0, Map.of()));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // a fragment replaced in the event | path | rule
        "\"Temperature\" | \"Temprature\" | $.sensorElementList[0].sensorReport[0].type |"
            + " CBV_VALUE",
        "\"uom\": \"CEL\" | \"uom\": \"Celsius\" | $.sensorElementList[0].sensorReport[0].uom |"
            + " UOM",
        "\"minValue\": 2.1 | \"minValue\": 8.1 | $.sensorElementList[0].sensorReport[0].minValue |"
            + " SENSOR_VALUE",
        "\"sDev\": 0.4 | \"sDev\": -0.4 | $.sensorElementList[0].sensorReport[0].sDev |"
            + " SENSOR_VALUE",
        "\"percRank\": 50 | \"percRank\": 150 | $.sensorElementList[0].sensorReport[0].percRank |"
            + " SENSOR_VALUE",
        "\"component\": \"x\" | \"component\": \"w\" |"
            + " $.sensorElementList[0].sensorReport[0].component | CBV_VALUE",
        "\"ALARM_CONDITION\" | \"ALARM\" | $.sensorElementList[0].sensorReport[2].exception |"
            + " CBV_VALUE",
        "\"time\": \"2024-05-02T09:59:00Z\" | \"time\": \"2024-05-02 09:59\" |"
            + " $.sensorElementList[0].sensorMetadata.time | TIMESTAMP",
        "urn:epc:id:giai:4000001.111 | urn:epc:id:giai:400.111 |"
            + " $.sensorElementList[0].sensorMetadata.deviceID | GS1_KEY",
        "\"value\": 40, | \"value\": 40, \"probe\": 2, |"
            + " $.sensorElementList[0].sensorReport[1]['probe'] | NAMESPACE"
      })
  void refusesBrokenSensorData(String from, String to, String path, Rule rule) {
    // given
    JsonObject event = SemanticValidatorTest.read(EVENT.replace(from, to));

    // when
    List<Violation> violations = SemanticValidator.validate(event, 0, Map.of());

    // then
    assertEquals(1, violations.size(), violations.toString());
    assertEquals(path, violations.get(0).path());
    assertEquals(rule, violations.get(0).rule());
  }
}
