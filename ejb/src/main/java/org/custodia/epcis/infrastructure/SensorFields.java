package org.custodia.epcis.infrastructure;

import java.util.List;

/**
 * The standard fields of EPCIS 2.0 sensor metadata and sensor reports, in the order the CBV 2.0 event
 * hash algorithm writes them; the validator uses the same lists to tell standard fields from extensions.
 */
public final class SensorFields {

  public static final List<String> METADATA =
      List.of(
          "time",
          "startTime",
          "endTime",
          "deviceID",
          "deviceMetadata",
          "rawData",
          "dataProcessingMethod",
          "bizRules");

  public static final List<String> REPORT =
      List.of(
          "type",
          "exception",
          "deviceID",
          "deviceMetadata",
          "rawData",
          "dataProcessingMethod",
          "time",
          "microorganism",
          "chemicalSubstance",
          "value",
          "component",
          "stringValue",
          "booleanValue",
          "hexBinaryValue",
          "uriValue",
          "minValue",
          "maxValue",
          "meanValue",
          "sDev",
          "percRank",
          "percValue",
          "uom",
          "coordinateReferenceSystem");

  private SensorFields() {}
}
