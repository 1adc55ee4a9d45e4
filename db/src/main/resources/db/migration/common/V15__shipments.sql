-- Handoffs (LIFE-1): shipments, the objects they carry, receipt lines and returns. SQL that both Oracle and
-- H2 in MODE=Oracle accept. Parties and locations are GLNs (13 digits).

CREATE SEQUENCE shipment_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE shipment_return_seq START WITH 1 INCREMENT BY 1;

-- A shipment against a purchase order: IN_TRANSIT once shipped, RECEIVED or RECEIVED_WITH_DISCREPANCIES
-- once its receipt is recorded (only once).
CREATE TABLE shipment (
  id                    NUMBER(19)     NOT NULL,
  status                VARCHAR2(30)   NOT NULL,
  purchase_order        VARCHAR2(200)  NOT NULL,
  despatch_advice       VARCHAR2(200),
  source_owner          VARCHAR2(13)   NOT NULL,
  source_location       VARCHAR2(13)   NOT NULL,
  destination_owner     VARCHAR2(13)   NOT NULL,
  destination_location  VARCHAR2(13)   NOT NULL,
  shipped_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  shipped_by            VARCHAR2(100)  NOT NULL,
  ship_event_id         VARCHAR2(100)  NOT NULL,
  received_at           TIMESTAMP WITH TIME ZONE,
  received_by           VARCHAR2(100),
  receive_event_id      VARCHAR2(100),
  transfer_event_id     VARCHAR2(100),
  CONSTRAINT shipment_pk PRIMARY KEY (id),
  CONSTRAINT shipment_status_ck CHECK (status IN ('IN_TRANSIT', 'RECEIVED', 'RECEIVED_WITH_DISCREPANCIES'))
);
CREATE INDEX shipment_status_ix ON shipment (status, shipped_at);

-- What a shipment carries as it stood when shipped: the named objects (named = 1) and everything inside
-- them, so a receipt compares against the shipment, not against the packing of today.
CREATE TABLE shipment_item (
  shipment_id  NUMBER(19)     NOT NULL,
  seq          NUMBER(10)     NOT NULL,
  epc          VARCHAR2(400)  NOT NULL,
  gtin         VARCHAR2(14),
  serial       VARCHAR2(20),
  lot          VARCHAR2(20),
  parent_epc   VARCHAR2(400),
  named        NUMBER(1)      NOT NULL,
  CONSTRAINT shipment_item_pk PRIMARY KEY (shipment_id, epc),
  CONSTRAINT shipment_item_shipment_fk FOREIGN KEY (shipment_id) REFERENCES shipment (id),
  CONSTRAINT shipment_item_named_ck CHECK (named IN (0, 1))
);
-- "is it in transit?" and "was it shipped to this party?" by EPC
CREATE INDEX shipment_item_epc_ix ON shipment_item (epc);

-- What receiving found, per object; exception_id the supply exception raised for a discrepancy.
CREATE TABLE shipment_receipt_line (
  shipment_id   NUMBER(19)     NOT NULL,
  seq           NUMBER(10)     NOT NULL,
  epc           VARCHAR2(400)  NOT NULL,
  outcome       VARCHAR2(20)   NOT NULL,
  covered       NUMBER(10)     NOT NULL,
  exception_id  NUMBER(19),
  CONSTRAINT shipment_receipt_line_pk PRIMARY KEY (shipment_id, epc),
  CONSTRAINT shipment_receipt_line_fk FOREIGN KEY (shipment_id) REFERENCES shipment (id),
  CONSTRAINT shipment_receipt_outcome_ck
    CHECK (outcome IN ('RECEIVED', 'OVERAGE', 'SHORTAGE', 'WRONG_ITEM', 'DAMAGED'))
);

-- A return from the party that received objects to another party.
CREATE TABLE shipment_return (
  id             NUMBER(19)     NOT NULL,
  from_owner     VARCHAR2(13)   NOT NULL,
  from_location  VARCHAR2(13)   NOT NULL,
  to_owner       VARCHAR2(13)   NOT NULL,
  to_location    VARCHAR2(13)   NOT NULL,
  reason         VARCHAR2(1000) NOT NULL,
  saleable       NUMBER(1)      NOT NULL,
  event_id       VARCHAR2(100)  NOT NULL,
  returned_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  returned_by    VARCHAR2(100)  NOT NULL,
  CONSTRAINT shipment_return_pk PRIMARY KEY (id),
  CONSTRAINT shipment_return_saleable_ck CHECK (saleable IN (0, 1))
);

CREATE TABLE shipment_return_item (
  return_id  NUMBER(19)     NOT NULL,
  epc        VARCHAR2(400)  NOT NULL,
  CONSTRAINT shipment_return_item_pk PRIMARY KEY (return_id, epc),
  CONSTRAINT shipment_return_item_fk FOREIGN KEY (return_id) REFERENCES shipment_return (id)
);
