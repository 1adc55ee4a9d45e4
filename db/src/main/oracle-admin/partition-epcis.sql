-- Custodia: range partitioning of the EPCIS repository on Oracle (a DBA script, run once, after the Flyway
-- migrations, by the schema owner, in a maintenance window or online).
--
-- Why: DESIGN.md expects hundreds of millions of events. Every EPCIS table is keyed by the event's id
-- (epcis_event.id, and event_pk in the index tables), drawn from epcis_event_seq in record order, so id
-- ranges are record-time ranges. Partitioning all of them by the same id interval gives
--   - local indexes that stay small, and partition pruning for the repository's joins on event_pk;
--   - retention (DSCSA: 6 years) by dropping whole partitions, oldest first, instead of DELETE:
--     see the query at the end for the partitions whose newest record is older than the retention limit.
-- The MERGE target object_state is not partitioned (one row per object, updated in place).
--
-- Needs: Oracle Database 12.2 or later with the Partitioning option (ALTER TABLE ... MODIFY PARTITION BY
-- ... ONLINE). Not part of the Flyway migrations because H2 (the embedded default and the test database)
-- has no partitioning, and because it needs the licensed option.
-- Status: written for Oracle 19c syntax; NOT run in this project's CI (no Oracle can run there).
-- Interval: 10,000,000 events per partition; change it to your capture volume (aim for 1-4 partitions
-- a month).

ALTER TABLE epcis_event MODIFY
  PARTITION BY RANGE (id) INTERVAL (10000000)
  (PARTITION epcis_event_p0 VALUES LESS THAN (10000000))
  ONLINE
  UPDATE INDEXES (
    epcis_event_time_ix LOCAL,
    epcis_event_record_time_ix LOCAL,
    epcis_event_biz_step_ix LOCAL,
    epcis_event_type_time_ix LOCAL,
    epcis_event_disposition_ix LOCAL,
    epcis_event_read_point_ix LOCAL,
    epcis_event_biz_location_ix LOCAL
  );
-- epcis_event_pk and epcis_event_id_uq (event_id, error_declaration) stay global: the eventID is unique
-- across the whole repository, and the repository looks events up by it.

ALTER TABLE epcis_event_epc MODIFY
  PARTITION BY RANGE (event_pk) INTERVAL (10000000)
  (PARTITION epcis_event_epc_p0 VALUES LESS THAN (10000000))
  ONLINE
  UPDATE INDEXES (epcis_event_epc_event_ix LOCAL);
-- epcis_event_epc_pk (epc, event_pk, epc_role) stays global: "the history of one EPC" is one range scan
-- of it whatever the number of partitions.

ALTER TABLE epcis_event_biztx MODIFY
  PARTITION BY RANGE (event_pk) INTERVAL (10000000)
  (PARTITION epcis_event_biztx_p0 VALUES LESS THAN (10000000))
  ONLINE
  UPDATE INDEXES (epcis_event_biztx_event_ix LOCAL);

ALTER TABLE epcis_event_srcdest MODIFY
  PARTITION BY RANGE (event_pk) INTERVAL (10000000)
  (PARTITION epcis_event_srcdest_p0 VALUES LESS THAN (10000000))
  ONLINE
  UPDATE INDEXES (epcis_event_srcdest_event_ix LOCAL);

ALTER TABLE epcis_event_field MODIFY
  PARTITION BY RANGE (event_pk) INTERVAL (10000000)
  (PARTITION epcis_event_field_p0 VALUES LESS THAN (10000000))
  ONLINE
  UPDATE INDEXES (
    epcis_event_field_str_ix LOCAL,
    epcis_event_field_num_ix LOCAL,
    epcis_event_field_time_ix LOCAL,
    epcis_event_field_event_ix LOCAL
  );
-- (its indexes, by area + field name + one value column, and by event, become local: each query on a
-- field value is combined with the event's own filters, and the partitions prune by event_pk)

-- Retention: the partitions of epcis_event whose newest record is older than the limit (here 6 years).
-- Archive them (EPCIS export or Data Pump), then drop the same id range in the index tables first
-- (ALTER TABLE epcis_event_epc DROP PARTITION FOR (<id>) UPDATE INDEXES; likewise biztx, srcdest, field) and in
-- epcis_event last.
--
-- SELECT p.partition_name, p.high_value
--   FROM user_tab_partitions p
--  WHERE p.table_name = 'EPCIS_EVENT'
--    AND p.partition_position < (SELECT MAX(partition_position) FROM user_tab_partitions
--                                 WHERE table_name = 'EPCIS_EVENT')
--  ORDER BY p.partition_position;
-- and for each: SELECT MAX(record_time) FROM epcis_event PARTITION (<name>) < SYSTIMESTAMP - INTERVAL '6' YEAR
