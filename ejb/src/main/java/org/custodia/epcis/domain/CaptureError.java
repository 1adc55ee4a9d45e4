package org.custodia.epcis.domain;

/**
 * One reason a captured document or event was refused: the event's position in the document (-1 for the
 * document as a whole), its eventID where it had one, the JSON path of the field, a rule code and a
 * sentence.
 */
public record CaptureError(int eventIndex, String eventId, String path, String rule, String message) {}
