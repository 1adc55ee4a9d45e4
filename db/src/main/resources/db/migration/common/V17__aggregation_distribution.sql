-- Aggregation at a distribution point (AGG-2): cases and pallets opened, emptied, refilled and made anew at
-- a site known in master data, with no work order behind them; and the links that ended, kept with their
-- end so the history stays (a child's current link is still the one row of aggregation_link).
-- SQL that both Oracle and H2 in MODE=Oracle accept.

-- A container made at a distribution point has no work order or line; a pallet of cases of several lots
-- (when the site allows mixed lots) has no single GTIN or lot.
ALTER TABLE aggregation_container MODIFY (work_order_id NULL);
ALTER TABLE aggregation_container MODIFY (line_id NULL);
ALTER TABLE aggregation_container MODIFY (gtin NULL);
ALTER TABLE aggregation_container MODIFY (lot NULL);
-- site_gln: the GLN of the distribution point that made it (null for the line's containers).
ALTER TABLE aggregation_container ADD site_gln VARCHAR2(13);
-- OPEN: a packed container whose children were changed at a distribution point (opened, partly emptied,
-- a child replaced); it takes children again.
ALTER TABLE aggregation_container DROP CONSTRAINT agg_container_status_ck;
ALTER TABLE aggregation_container ADD CONSTRAINT agg_container_status_ck
  CHECK (status IN ('ALLOCATED', 'PACKED', 'OPEN'));

ALTER TABLE aggregation_link MODIFY (work_order_id NULL);
-- site_gln: where a distribution point linked the child (null for the line's links).
ALTER TABLE aggregation_link ADD site_gln VARCHAR2(13);

-- A link that ended: the child was taken out (unpacking, partial removal, replacement). linked_* copy the
-- link as it was; unlinked_* tell when, by which event, where and why (a replacement's reason).
CREATE TABLE aggregation_link_history (
  id                NUMBER(19)    NOT NULL,
  child_key         VARCHAR2(40)  NOT NULL,
  child_level       VARCHAR2(10)  NOT NULL,
  parent_sscc       VARCHAR2(18)  NOT NULL,
  linked_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  link_event_id     VARCHAR2(100) NOT NULL,
  unlinked_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  unlink_event_id   VARCHAR2(100) NOT NULL,
  unlink_step       VARCHAR2(40)  NOT NULL,
  site_gln          VARCHAR2(13),
  reason            VARCHAR2(400),
  CONSTRAINT agg_link_hist_pk PRIMARY KEY (id),
  CONSTRAINT agg_link_hist_parent_fk FOREIGN KEY (parent_sscc) REFERENCES aggregation_container (sscc)
);
CREATE INDEX agg_link_hist_parent_ix ON aggregation_link_history (parent_sscc, unlinked_at);
CREATE INDEX agg_link_hist_child_ix ON aggregation_link_history (child_key);
CREATE SEQUENCE agg_link_hist_seq START WITH 1 INCREMENT BY 1 CACHE 50;
