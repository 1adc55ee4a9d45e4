-- Trace and recall (RCL-1 to RCL-4). SQL that both Oracle and H2 in MODE=Oracle accept.

-- A trace by GTIN and serial finds the object whatever form its EPC was captured in.
CREATE INDEX object_state_serial_ix ON object_state (gtin, serial);

CREATE SEQUENCE recall_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE recall_exception_seq START WITH 1 INCREMENT BY 1;

-- A recall: what it covers (a GTIN with lots, or a line and a production window), who signed it and with
-- what meaning (AUD-2), and how far it got. RUNNING while the scope is gathered and quarantined; DONE
-- afterwards; FAILED with the reason when it could not finish.
CREATE TABLE recall (
  id            NUMBER(19)     NOT NULL,
  status        VARCHAR2(10)   NOT NULL,
  gtin          VARCHAR2(14),
  lots          VARCHAR2(2000),
  line_id       VARCHAR2(40),
  window_from   TIMESTAMP WITH TIME ZONE,
  window_to     TIMESTAMP WITH TIME ZONE,
  reason        VARCHAR2(1000),
  signed_by     VARCHAR2(100)  NOT NULL,
  signed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  meaning       VARCHAR2(200)  NOT NULL,
  total_units   NUMBER(10)     NOT NULL,
  containers    NUMBER(10)     NOT NULL,
  processed     NUMBER(10)     NOT NULL,
  quarantined   NUMBER(10)     NOT NULL,
  exceptions    NUMBER(10)     NOT NULL,
  finished_at   TIMESTAMP WITH TIME ZONE,
  detail        VARCHAR2(1000),
  CONSTRAINT recall_pk PRIMARY KEY (id),
  CONSTRAINT recall_status_ck CHECK (status IN ('RUNNING', 'DONE', 'FAILED'))
);

-- Every object in a recall's scope as it stood when the recall ran: the units and the cases and pallets
-- containing them. quarantined = 1 when the recall's ObjectEvent set the unit recalled.
CREATE TABLE recall_object (
  recall_id     NUMBER(19)     NOT NULL,
  epc           VARCHAR2(400)  NOT NULL,
  object_kind   VARCHAR2(10)   NOT NULL,
  gtin          VARCHAR2(14),
  serial        VARCHAR2(20),
  lot           VARCHAR2(20),
  status        VARCHAR2(40),
  location      VARCHAR2(400),
  owner_party   VARCHAR2(400),
  parent_epc    VARCHAR2(400),
  quarantined   NUMBER(1)      NOT NULL,
  CONSTRAINT recall_object_pk PRIMARY KEY (recall_id, epc),
  CONSTRAINT recall_object_recall_fk FOREIGN KEY (recall_id) REFERENCES recall (id),
  CONSTRAINT recall_object_kind_ck CHECK (object_kind IN ('UNIT', 'CONTAINER')),
  CONSTRAINT recall_object_quarantined_ck CHECK (quarantined IN (0, 1))
);
CREATE INDEX recall_object_location_ix ON recall_object (recall_id, object_kind, location, owner_party);

-- Units of a recall's scope that it could not quarantine (already dispensed or exported), to be followed
-- up by hand. A general exception service may take them over later.
CREATE TABLE recall_exception (
  id            NUMBER(19)     NOT NULL,
  recall_id     NUMBER(19)     NOT NULL,
  epc           VARCHAR2(400)  NOT NULL,
  reason        VARCHAR2(40)   NOT NULL,
  status        VARCHAR2(40),
  location      VARCHAR2(400),
  owner_party   VARCHAR2(400),
  raised_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT recall_exception_pk PRIMARY KEY (id),
  CONSTRAINT recall_exception_recall_fk FOREIGN KEY (recall_id) REFERENCES recall (id)
);
CREATE INDEX recall_exception_recall_ix ON recall_exception (recall_id);
