-- Audit trail (AUD-1): append-only and hash-chained; the chain head row serialises appends so that every
-- record's hash covers the one before it. And the master data the foundation needs.

CREATE SEQUENCE audit_record_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE audit_record (
  id          NUMBER(19)     NOT NULL,
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
  actor       VARCHAR2(100)  NOT NULL,
  action      VARCHAR2(100)  NOT NULL,
  object_type VARCHAR2(60),
  object_id   VARCHAR2(400),
  outcome     VARCHAR2(20)   NOT NULL,
  detail      VARCHAR2(4000),
  prev_hash   VARCHAR2(64)   NOT NULL,
  hash        VARCHAR2(64)   NOT NULL,
  CONSTRAINT audit_record_pk PRIMARY KEY (id),
  CONSTRAINT audit_record_outcome_ck CHECK (outcome IN ('DONE', 'REFUSED'))
);
CREATE INDEX audit_record_object_ix ON audit_record (object_type, object_id);

CREATE TABLE audit_chain_head (
  id        NUMBER(1)    NOT NULL,
  last_id   NUMBER(19)   NOT NULL,
  last_hash VARCHAR2(64) NOT NULL,
  CONSTRAINT audit_chain_head_pk PRIMARY KEY (id),
  CONSTRAINT audit_chain_head_one_ck CHECK (id = 1)
);
INSERT INTO audit_chain_head (id, last_id, last_hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- GS1 company prefixes the system knows, so that GS1 keys can be written as EPC URIs (TDS needs the length).
CREATE TABLE company_prefix (
  prefix VARCHAR2(12)  NOT NULL,
  name   VARCHAR2(200) NOT NULL,
  CONSTRAINT company_prefix_pk PRIMARY KEY (prefix)
);
