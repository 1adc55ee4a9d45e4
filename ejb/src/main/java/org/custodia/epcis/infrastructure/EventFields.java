package org.custodia.epcis.infrastructure;

import java.util.List;

/**
 * Standard field names of EPCIS 2.0 that several readers of an event need: the EPC and quantity lists,
 * and the fields of sensor metadata and sensor reports in the order the CBV 2.0 event hash algorithm
 * writes them. The validator, the XML mapping and the hash all use these lists.
 */
public final class EventFields {

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

  /** The lists of EPCs an event can carry. */
  public static final List<String> EPC_LISTS =
      List.of("epcList", "childEPCs", "inputEPCList", "outputEPCList");

  /** The lists of quantity elements an event can carry. */
  public static final List<String> QUANTITY_LISTS =
      List.of("quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList");

  private EventFields() {}
}
