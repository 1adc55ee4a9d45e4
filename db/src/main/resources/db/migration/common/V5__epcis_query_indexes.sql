-- Index tables for the EPCIS query parameters (EPC-2): EPCs by role (epcis_event_epc.epc_role is EPC,
-- CHILD, PARENT, INPUT, OUTPUT, or CLASS / CHILD_CLASS / INPUT_CLASS / OUTPUT_CLASS for quantity
-- elements), business transactions, and sources and destinations. On Oracle, epcis_event and these
-- tables are range-partitioned by time in oracle/ (DESIGN.md: hundreds of millions of events).

CREATE TABLE epcis_event_biztx (
  event_pk  NUMBER(19)    NOT NULL,
  biz_type  VARCHAR2(200) NOT NULL,
  biz_value VARCHAR2(400) NOT NULL,
  CONSTRAINT epcis_event_biztx_pk PRIMARY KEY (biz_value, biz_type, event_pk),
  CONSTRAINT epcis_event_biztx_event_fk FOREIGN KEY (event_pk) REFERENCES epcis_event (id)
);
CREATE INDEX epcis_event_biztx_event_ix ON epcis_event_biztx (event_pk);

CREATE TABLE epcis_event_srcdest (
  event_pk   NUMBER(19)    NOT NULL,
  direction  VARCHAR2(11)  NOT NULL,
  sd_type    VARCHAR2(200) NOT NULL,
  sd_value   VARCHAR2(400) NOT NULL,
  CONSTRAINT epcis_event_srcdest_pk PRIMARY KEY (sd_value, sd_type, direction, event_pk),
  CONSTRAINT epcis_event_srcdest_dir_ck CHECK (direction IN ('SOURCE', 'DESTINATION')),
  CONSTRAINT epcis_event_srcdest_event_fk FOREIGN KEY (event_pk) REFERENCES epcis_event (id)
);
CREATE INDEX epcis_event_srcdest_event_ix ON epcis_event_srcdest (event_pk);

CREATE INDEX epcis_event_type_time_ix ON epcis_event (event_type, event_time);
CREATE INDEX epcis_event_disposition_ix ON epcis_event (disposition, event_time);
CREATE INDEX epcis_event_read_point_ix ON epcis_event (read_point, event_time);
CREATE INDEX epcis_event_biz_location_ix ON epcis_event (biz_location, event_time);
