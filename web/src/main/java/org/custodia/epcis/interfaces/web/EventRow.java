package org.custodia.epcis.interfaces.web;

import jakarta.json.JsonObject;
import java.io.Serializable;
import org.custodia.epcis.infrastructure.EventFields;
import org.custodia.epcis.infrastructure.json.EpcisJson;

/**
 * One line of the event table: what tells events apart at a glance. Vocabulary values are shown by
 * their CBV short name ({@code shipping}, not {@code urn:epcglobal:cbv:bizstep:shipping}).
 *
 * @param epcCount how many EPCs the event lists (epcList, childEPCs, inputEPCList,
 *     outputEPCList); the parent is not counted
 */
public record EventRow(
    String eventId,
    String eventTime,
    String type,
    String action,
    String bizStep,
    String disposition,
    String bizLocation,
    int epcCount,
    String parentId)
    implements Serializable {

  /** The row of a stored event as the query service returns it. */
  static EventRow of(JsonObject e) {
    int epcs = 0;
    for (String list : EventFields.EPC_LISTS) {
      epcs += Hierarchy.strings(e, list).size();
    }
    String location =
        e.get("bizLocation") instanceof JsonObject l ? Hierarchy.text(l, "id") : null;
    return new EventRow(
        Hierarchy.text(e, "eventID"),
        Hierarchy.text(e, "eventTime"),
        Hierarchy.text(e, "type"),
        Hierarchy.text(e, "action"),
        EpcisJson.shortName(Hierarchy.text(e, "bizStep")),
        EpcisJson.shortName(Hierarchy.text(e, "disposition")),
        location,
        epcs,
        Hierarchy.text(e, "parentID"));
  }
}
