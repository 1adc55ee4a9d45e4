-- Packaging lines, work orders, their units and line exceptions (LINE-2, LINE-3, EXC-1).
-- SQL that both Oracle and H2 in MODE=Oracle accept. Flags are NUMBER(1) (Oracle before 23ai has no
-- BOOLEAN column type). The lines themselves are configuration: the embedded default's demo data adds
-- line-1 and line-2 at start-up; a site adds its own rows.

CREATE SEQUENCE work_order_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE line_exception_seq START WITH 1 INCREMENT BY 1;

-- A configured packaging line: how many units may be on the way between printer and camera (the window
-- of label data sent ahead), and how long a reject may stay unconfirmed before the line is stopped.
CREATE TABLE production_line (
  line_id             VARCHAR2(40)  NOT NULL,
  name                VARCHAR2(200) NOT NULL,
  window_size         NUMBER(6)     NOT NULL,
  reject_timeout_ms   NUMBER(10)    NOT NULL,
  stop_on_unconfirmed NUMBER(1)     NOT NULL,
  CONSTRAINT production_line_pk PRIMARY KEY (line_id),
  CONSTRAINT production_line_window_ck CHECK (window_size BETWEEN 1 AND 10000),
  CONSTRAINT production_line_timeout_ck CHECK (reject_timeout_ms > 0),
  CONSTRAINT production_line_stop_ck CHECK (stop_on_unconfirmed IN (0, 1))
);

-- A work order: produce quantity good units of one GTIN, lot and expiry on one line for target markets.
-- serials_allocated: how many serials the order drew from its pool so far (in blocks);
-- last_sent: the highest unit sequence whose label data was sent to the printer.
CREATE TABLE work_order (
  id                NUMBER(19)    NOT NULL,
  line_id           VARCHAR2(40)  NOT NULL,
  gtin              VARCHAR2(14)  NOT NULL,
  lot               VARCHAR2(20)  NOT NULL,
  expiry            VARCHAR2(6)   NOT NULL,
  quantity          NUMBER(10)    NOT NULL,
  markets           VARCHAR2(200) NOT NULL,
  status            VARCHAR2(24)  NOT NULL,
  pool_id           NUMBER(19),
  serials_allocated NUMBER(10)    NOT NULL,
  last_sent         NUMBER(10)    NOT NULL,
  created_by        VARCHAR2(100) NOT NULL,
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  released_by       VARCHAR2(100),
  released_at       TIMESTAMP WITH TIME ZONE,
  started_at        TIMESTAMP WITH TIME ZONE,
  closed_by         VARCHAR2(100),
  closed_at         TIMESTAMP WITH TIME ZONE,
  CONSTRAINT work_order_pk PRIMARY KEY (id),
  CONSTRAINT work_order_line_fk FOREIGN KEY (line_id) REFERENCES production_line (line_id),
  CONSTRAINT work_order_status_ck CHECK (status IN ('CREATED', 'RELEASED', 'RUNNING', 'PAUSED',
      'STOPPED_BY_EXCEPTION', 'CLOSED')),
  CONSTRAINT work_order_quantity_ck CHECK (quantity BETWEEN 1 AND 1000000),
  CONSTRAINT work_order_sent_ck CHECK (last_sent >= 0 AND last_sent <= serials_allocated)
);
CREATE INDEX work_order_line_ix ON work_order (line_id, status);

-- One serial of a work order and what became of it. ALLOCATED: drawn from the pool, label not sent yet;
-- PRINTED: label data sent, no camera verdict yet; then GOOD (commissioned), REJECTED (reason; the reject
-- station's confirmation time), SAMPLED, DESTROYED, or UNUSED (never printed, returned to the pool marked
-- unused when the order closed).
CREATE TABLE work_order_unit (
  work_order_id       NUMBER(19)   NOT NULL,
  seq_no              NUMBER(10)   NOT NULL,
  serial              VARCHAR2(20) NOT NULL,
  pool_id             NUMBER(19)   NOT NULL,
  status              VARCHAR2(12) NOT NULL,
  reason              VARCHAR2(40),
  grade               VARCHAR2(2),
  allocated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  printed_at          TIMESTAMP WITH TIME ZONE,
  read_at             TIMESTAMP WITH TIME ZONE,
  decided_at          TIMESTAMP WITH TIME ZONE,
  reject_confirmed_at TIMESTAMP WITH TIME ZONE,
  CONSTRAINT work_order_unit_pk PRIMARY KEY (work_order_id, seq_no),
  CONSTRAINT work_order_unit_order_fk FOREIGN KEY (work_order_id) REFERENCES work_order (id),
  CONSTRAINT work_order_unit_serial_uq UNIQUE (work_order_id, serial),
  CONSTRAINT work_order_unit_status_ck CHECK (status IN ('ALLOCATED', 'PRINTED', 'GOOD', 'REJECTED', 'SAMPLED',
      'DESTROYED', 'UNUSED'))
);
CREATE INDEX work_order_unit_status_ix ON work_order_unit (work_order_id, status, seq_no);

-- A line exception (EXC-1): what happened, where, to which order and unit, and whether it is resolved.
CREATE TABLE line_exception (
  id             NUMBER(19)     NOT NULL,
  exception_type VARCHAR2(40)   NOT NULL,
  line_id        VARCHAR2(40)   NOT NULL,
  work_order_id  NUMBER(19),
  seq_no         NUMBER(10),
  raised_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  status         VARCHAR2(10)   NOT NULL,
  detail         VARCHAR2(1000) NOT NULL,
  resolved_by    VARCHAR2(100),
  resolved_at    TIMESTAMP WITH TIME ZONE,
  resolution     VARCHAR2(1000),
  CONSTRAINT line_exception_pk PRIMARY KEY (id),
  CONSTRAINT line_exception_status_ck CHECK (status IN ('OPEN', 'RESOLVED'))
);
CREATE INDEX line_exception_order_ix ON line_exception (work_order_id, status);
CREATE INDEX line_exception_status_ix ON line_exception (status, raised_at);
