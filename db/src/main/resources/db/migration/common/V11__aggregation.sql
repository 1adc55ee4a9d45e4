-- Aggregation at the line (AGG-1, AGG-3): the SSCC pool, the cases and pallets, and who is in which.
-- SQL that both Oracle and H2 in MODE=Oracle accept. Flags are NUMBER(1). "level" is an Oracle keyword,
-- hence container_level / child_level.

-- One SSCC pool per GS1 company prefix: SSCC = extension digit + company prefix + serial reference
-- (16 - prefix length digits) + check digit. Allocation locks the row (SELECT ... FOR UPDATE), takes the
-- next serial references and moves next_serial_ref on, so two allocations never hand out the same SSCC.
-- A site configures its pool (the embedded default's demo data adds 9506000 with extension digit 0).
CREATE TABLE sscc_pool (
  company_prefix  VARCHAR2(12) NOT NULL,
  extension_digit NUMBER(1)    NOT NULL,
  next_serial_ref NUMBER(19)   NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT sscc_pool_pk PRIMARY KEY (company_prefix),
  CONSTRAINT sscc_pool_extension_ck CHECK (extension_digit BETWEEN 0 AND 9),
  CONSTRAINT sscc_pool_next_ck CHECK (next_serial_ref >= 0)
);

-- A case or pallet. ALLOCATED: its SSCC was handed to a work order's station for a label; PACKED: the
-- station closed it with child_count children (closed_partial = 1 when closed short of its configured count).
-- parent_sscc: the pallet a case is on (also in aggregation_link, where every containment is kept).
CREATE TABLE aggregation_container (
  sscc            VARCHAR2(18)  NOT NULL,
  container_level VARCHAR2(10)  NOT NULL,
  work_order_id   NUMBER(19)    NOT NULL,
  line_id         VARCHAR2(40)  NOT NULL,
  gtin            VARCHAR2(14)  NOT NULL,
  lot             VARCHAR2(20)  NOT NULL,
  status          VARCHAR2(10)  NOT NULL,
  closed_partial NUMBER(1)     NOT NULL,
  child_count     NUMBER(10)    NOT NULL,
  parent_sscc     VARCHAR2(18),
  allocated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  packed_at       TIMESTAMP WITH TIME ZONE,
  event_id        VARCHAR2(100),
  CONSTRAINT agg_container_pk PRIMARY KEY (sscc),
  CONSTRAINT agg_container_order_fk FOREIGN KEY (work_order_id) REFERENCES work_order (id),
  CONSTRAINT agg_container_level_ck CHECK (container_level IN ('CASE', 'PALLET')),
  CONSTRAINT agg_container_status_ck CHECK (status IN ('ALLOCATED', 'PACKED')),
  CONSTRAINT agg_container_partial_ck CHECK (closed_partial IN (0, 1)),
  CONSTRAINT agg_container_count_ck CHECK (child_count >= 0)
);
CREATE INDEX agg_container_order_ix ON aggregation_container (work_order_id, container_level, status);
CREATE INDEX agg_container_parent_ix ON aggregation_container (parent_sscc);

-- Who is in which container now. child_key is the child's GS1 key with its AI: '01' + GTIN + '21' + serial
-- for a unit, '00' + SSCC for a case, so a unit and a container can never share a key. The primary key on
-- child_key is what makes "one parent at a time" hold whatever request races (AGG-3); the parent index
-- finds a container's children, the primary key a child's parent.
CREATE TABLE aggregation_link (
  child_key     VARCHAR2(40)  NOT NULL,
  child_level   VARCHAR2(10)  NOT NULL,
  parent_sscc   VARCHAR2(18)  NOT NULL,
  work_order_id NUMBER(19)    NOT NULL,
  linked_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  event_id      VARCHAR2(100) NOT NULL,
  CONSTRAINT agg_link_pk PRIMARY KEY (child_key),
  CONSTRAINT agg_link_parent_fk FOREIGN KEY (parent_sscc) REFERENCES aggregation_container (sscc),
  CONSTRAINT agg_link_level_ck CHECK (child_level IN ('UNIT', 'CASE', 'PALLET'))
);
CREATE INDEX agg_link_parent_ix ON aggregation_link (parent_sscc);
