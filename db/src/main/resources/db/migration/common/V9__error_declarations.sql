-- Error declarations (EPCIS 2.0 section 7.4.1.2): a declaration carries the eventID of the event it declares
-- erroneous and is stored beside it, so an eventID is now unique per kind (the event, its declaration).
-- The current-state projection ignores declared events (rebuilt from the remaining events).

ALTER TABLE epcis_event ADD error_declaration NUMBER(1) DEFAULT 0 NOT NULL;
ALTER TABLE epcis_event ADD CONSTRAINT epcis_event_decl_ck CHECK (error_declaration IN (0, 1));
ALTER TABLE epcis_event DROP CONSTRAINT epcis_event_id_uq;
ALTER TABLE epcis_event ADD CONSTRAINT epcis_event_id_uq UNIQUE (event_id, error_declaration);
