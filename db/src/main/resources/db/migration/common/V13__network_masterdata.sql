-- The supply-chain network (issue 5): trading partners by party GLN with their roles and whether they may
-- verify product identifiers (VER-2 requester allow-list), and their sites (SGLN = site GLN plus an
-- optional AI (254) extension; the postal address of a site stays in location_master of V7, keyed by the
-- site GLN, so an address is kept once). Also the general supply-chain exception record (EXC-1) and the
-- log of verifications that the VER-3 anomaly rules look back on.

CREATE TABLE trading_partner (
  party_gln   VARCHAR2(13)  NOT NULL,
  name        VARCHAR2(200) NOT NULL,
  roles       VARCHAR2(200) NOT NULL,
  may_verify  NUMBER(1)     DEFAULT 0 NOT NULL,
  updated_by  VARCHAR2(100) NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT trading_partner_pk PRIMARY KEY (party_gln),
  CONSTRAINT trading_partner_verify_ck CHECK (may_verify IN (0, 1))
);

-- extension '0' means none, as in the EPC SGLN URI
CREATE TABLE partner_site (
  site_gln   VARCHAR2(13) NOT NULL,
  extension  VARCHAR2(20) DEFAULT '0' NOT NULL,
  party_gln  VARCHAR2(13) NOT NULL,
  CONSTRAINT partner_site_pk PRIMARY KEY (site_gln, extension),
  CONSTRAINT partner_site_party_fk FOREIGN KEY (party_gln) REFERENCES trading_partner (party_gln)
);
CREATE INDEX partner_site_party_ix ON partner_site (party_gln);

CREATE SEQUENCE supply_exception_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE supply_exception (
  id             NUMBER(19)     NOT NULL,
  type           VARCHAR2(40)   NOT NULL,
  severity       VARCHAR2(10)   NOT NULL,
  gtin           VARCHAR2(14),
  serial         VARCHAR2(20),
  lot            VARCHAR2(20),
  epc            VARCHAR2(400),
  requester_gln  VARCHAR2(13),
  detail         VARCHAR2(2000) NOT NULL,
  raised_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  raised_by      VARCHAR2(100)  NOT NULL,
  status         VARCHAR2(10)   NOT NULL,
  resolved_by    VARCHAR2(100),
  resolved_at    TIMESTAMP WITH TIME ZONE,
  root_cause     VARCHAR2(2000),
  CONSTRAINT supply_exception_pk PRIMARY KEY (id),
  CONSTRAINT supply_exception_status_ck CHECK (status IN ('OPEN', 'RESOLVED')),
  CONSTRAINT supply_exception_severity_ck CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL'))
);
CREATE INDEX supply_exception_status_ix ON supply_exception (status, type, raised_at);
CREATE INDEX supply_exception_unit_ix ON supply_exception (gtin, serial);

CREATE SEQUENCE verification_log_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE verification_log (
  id             NUMBER(19)    NOT NULL,
  verified_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  channel        VARCHAR2(10)  NOT NULL,
  gtin           VARCHAR2(14)  NOT NULL,
  serial         VARCHAR2(20)  NOT NULL,
  lot            VARCHAR2(20),
  expiry         VARCHAR2(6),
  requester_gln  VARCHAR2(13),
  requested_by   VARCHAR2(100) NOT NULL,
  corr_uuid      VARCHAR2(100),
  context        VARCHAR2(100),
  verified       NUMBER(1)     NOT NULL,
  reason         VARCHAR2(40),
  CONSTRAINT verification_log_pk PRIMARY KEY (id),
  CONSTRAINT verification_log_channel_ck CHECK (channel IN ('VRS', 'INTERNAL'))
);
CREATE INDEX verification_log_unit_ix ON verification_log (gtin, serial, verified_at);
CREATE INDEX verification_log_requester_ix ON verification_log (requester_gln, verified_at);
