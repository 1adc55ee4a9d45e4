-- Pack and batch states with the EU FMD semantics (LIFE-2). SQL that both Oracle and H2 in MODE=Oracle accept.
--
-- A pack is keyed by GTIN and serial, whatever form of EPC its events named it by. A pack without a row
-- is active (if the repository knows it). A batch without a row is RELEASED. EXPIRED is not stored: it is
-- derived from the pack's expiry date (object_state.expiry, from the commissioning event's ILMD) at the
-- moment of each request, so a batch expires at midnight UTC after its expiry date without any job.

-- The current state of a pack: the last change (decommissioning or undo), who made it, for which party,
-- at which location, when, and the EPCIS event that recorded it.
CREATE TABLE pack_state (
  gtin          VARCHAR2(14)   NOT NULL,
  serial        VARCHAR2(20)   NOT NULL,
  epc           VARCHAR2(400)  NOT NULL,
  state         VARCHAR2(20)   NOT NULL,
  party_gln     VARCHAR2(13)   NOT NULL,
  location_gln  VARCHAR2(13)   NOT NULL,
  changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  changed_by    VARCHAR2(100)  NOT NULL,
  event_id      VARCHAR2(100)  NOT NULL,
  CONSTRAINT pack_state_pk PRIMARY KEY (gtin, serial),
  CONSTRAINT pack_state_state_ck CHECK (state IN ('ACTIVE', 'SUPPLIED', 'DESTROYED', 'STOLEN', 'SAMPLE',
    'FREE_SAMPLE', 'LOCKED', 'EXPORTED', 'CHECKED_OUT'))
);

CREATE SEQUENCE pack_state_history_seq START WITH 1 INCREMENT BY 1;

-- Every change of a pack's state, never updated: from which state to which, by whom, where and when.
CREATE TABLE pack_state_history (
  id            NUMBER(19)     NOT NULL,
  gtin          VARCHAR2(14)   NOT NULL,
  serial        VARCHAR2(20)   NOT NULL,
  epc           VARCHAR2(400)  NOT NULL,
  from_state    VARCHAR2(20)   NOT NULL,
  to_state      VARCHAR2(20)   NOT NULL,
  party_gln     VARCHAR2(13)   NOT NULL,
  location_gln  VARCHAR2(13)   NOT NULL,
  changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  changed_by    VARCHAR2(100)  NOT NULL,
  event_id      VARCHAR2(100)  NOT NULL,
  CONSTRAINT pack_state_history_pk PRIMARY KEY (id)
);
CREATE INDEX pack_state_history_pack_ix ON pack_state_history (gtin, serial);

-- The state QA gave a batch (lot): RELEASED, RECALLED or WITHDRAWN, why, by whom and when. A recall of
-- lots started in the recall workspace sets RECALLED.
CREATE TABLE batch_state (
  gtin          VARCHAR2(14)   NOT NULL,
  lot           VARCHAR2(20)   NOT NULL,
  state         VARCHAR2(10)   NOT NULL,
  reason        VARCHAR2(1000) NOT NULL,
  changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  changed_by    VARCHAR2(100)  NOT NULL,
  CONSTRAINT batch_state_pk PRIMARY KEY (gtin, lot),
  CONSTRAINT batch_state_state_ck CHECK (state IN ('RELEASED', 'RECALLED', 'WITHDRAWN'))
);
