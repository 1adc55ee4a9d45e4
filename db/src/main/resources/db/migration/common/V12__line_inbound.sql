-- What the line feature has processed of each line's message stream, and why an order is paused
-- (LINE-1, LINE-4). SQL that both Oracle and H2 in MODE=Oracle accept.

-- The line's sequence number of the last camera read, reject confirmation or aggregation scan whose
-- processing committed, advanced in the same transaction as that processing. After a crash the line
-- adapter asks the line to send again from the message after it, and a message at or below it is
-- recognised as processed: nothing is lost and nothing is processed twice.
CREATE TABLE line_inbound (
  line_id       VARCHAR2(40) NOT NULL,
  last_sequence NUMBER(19)   NOT NULL,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT line_inbound_pk PRIMARY KEY (line_id)
);

-- Who paused a PAUSED order: OPERATOR (or the line's own stop) waits for the operator to resume;
-- DISCONNECTED (the adapter lost the line) resumes by itself when the line is connected again.
ALTER TABLE work_order ADD paused_by VARCHAR2(16);

-- When the application last told the order's line to start (start, resume): a STOPPED or FAULT the line
-- reported before that is an old state still being delivered, not a reason to pause the order.
ALTER TABLE work_order ADD line_started_at TIMESTAMP WITH TIME ZONE;

-- How the line's case packer and pallet station close cases and pallets (AGG-3: a case is closed at its
-- configured count or explicitly as a partial case).
ALTER TABLE production_line ADD units_per_case NUMBER(6) DEFAULT 10 NOT NULL;
ALTER TABLE production_line ADD cases_per_pallet NUMBER(6) DEFAULT 4 NOT NULL;
