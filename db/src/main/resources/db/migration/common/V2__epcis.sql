-- The EPCIS repository (first cut): the events as the append-only history, an index of the EPCs each
-- event names, and the current-state projection of every serialized object (DESIGN.md "Data").

CREATE SEQUENCE epcis_event_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE epcis_event (
  id              NUMBER(19)    NOT NULL,
  event_id        VARCHAR2(400) NOT NULL,
  event_type      VARCHAR2(30)  NOT NULL,
  event_time      TIMESTAMP WITH TIME ZONE NOT NULL,
  event_tz_offset VARCHAR2(6)   NOT NULL,
  record_time     TIMESTAMP WITH TIME ZONE NOT NULL,
  action          VARCHAR2(8),
  biz_step        VARCHAR2(200),
  disposition     VARCHAR2(200),
  read_point      VARCHAR2(400),
  biz_location    VARCHAR2(400),
  capture_source  VARCHAR2(100) NOT NULL,
  document        CLOB          NOT NULL,
  CONSTRAINT epcis_event_pk PRIMARY KEY (id),
  CONSTRAINT epcis_event_id_uq UNIQUE (event_id),
  CONSTRAINT epcis_event_action_ck CHECK (action IS NULL OR action IN ('ADD', 'OBSERVE', 'DELETE'))
);
CREATE INDEX epcis_event_time_ix ON epcis_event (event_time);
CREATE INDEX epcis_event_record_time_ix ON epcis_event (record_time);
CREATE INDEX epcis_event_biz_step_ix ON epcis_event (biz_step, event_time);

CREATE TABLE epcis_event_epc (
  epc      VARCHAR2(400) NOT NULL,
  event_pk NUMBER(19)    NOT NULL,
  epc_role VARCHAR2(12)  NOT NULL,
  CONSTRAINT epcis_event_epc_pk PRIMARY KEY (epc, event_pk, epc_role),
  CONSTRAINT epcis_event_epc_event_fk FOREIGN KEY (event_pk) REFERENCES epcis_event (id)
);
CREATE INDEX epcis_event_epc_event_ix ON epcis_event_epc (event_pk);

CREATE TABLE object_state (
  epc             VARCHAR2(400) NOT NULL,
  gtin            VARCHAR2(14),
  serial          VARCHAR2(20),
  lot             VARCHAR2(20),
  expiry          DATE,
  status          VARCHAR2(40)  NOT NULL,
  disposition     VARCHAR2(200),
  biz_location    VARCHAR2(400),
  read_point      VARCHAR2(400),
  owner_party     VARCHAR2(400),
  parent_epc      VARCHAR2(400),
  top_parent_epc  VARCHAR2(400),
  last_event_time TIMESTAMP WITH TIME ZONE NOT NULL,
  last_event_pk   NUMBER(19)    NOT NULL,
  CONSTRAINT object_state_pk PRIMARY KEY (epc)
);
CREATE INDEX object_state_lot_ix ON object_state (gtin, lot);
CREATE INDEX object_state_parent_ix ON object_state (parent_epc);
CREATE INDEX object_state_top_parent_ix ON object_state (top_parent_epc);
