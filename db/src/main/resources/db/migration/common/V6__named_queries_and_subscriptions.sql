-- Named queries and their webhook subscriptions (EPC-2). A subscription's position (record time and
-- event id of the last event the receiver acknowledged with 2xx) only moves after delivery, so each event
-- is delivered once per subscription; failures back off until next_attempt_at.

CREATE TABLE epcis_named_query (
  name       VARCHAR2(200)  NOT NULL,
  definition CLOB           NOT NULL,
  created_by VARCHAR2(100)  NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT epcis_named_query_pk PRIMARY KEY (name)
);

CREATE TABLE epcis_subscription (
  id               VARCHAR2(40)   NOT NULL,
  query_name       VARCHAR2(200)  NOT NULL,
  dest             VARCHAR2(2000) NOT NULL,
  signature_token  VARCHAR2(400),
  stream           NUMBER(1)      NOT NULL,
  schedule         VARCHAR2(400),
  report_if_empty  NUMBER(1)      NOT NULL,
  position_time    TIMESTAMP WITH TIME ZONE,
  position_id      NUMBER(19),
  failures         NUMBER(10)     NOT NULL,
  next_attempt_at  TIMESTAMP WITH TIME ZONE,
  last_notified_at TIMESTAMP WITH TIME ZONE,
  created_by       VARCHAR2(100)  NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT epcis_subscription_pk PRIMARY KEY (id),
  CONSTRAINT epcis_subscription_query_fk FOREIGN KEY (query_name) REFERENCES epcis_named_query (name)
);
CREATE INDEX epcis_subscription_query_ix ON epcis_subscription (query_name);
