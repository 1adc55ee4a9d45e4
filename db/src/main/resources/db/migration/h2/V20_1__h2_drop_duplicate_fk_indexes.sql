-- H2 only (the embedded default). H2 gives a foreign key an index of its own when the constraint is created
-- and no index of the table can serve it yet. These tables declare their foreign key with the table, so H2
-- indexed the key's column there, and the explicit index created after it on the same column repeats it
-- column for column: every row inserted wrote both. The explicit ones stay in common/ for Oracle, which
-- indexes no foreign key by itself. On the packaging line's path this is one index entry fewer for each EPC
-- row and for each ILMD field row of every event (validation/pq/README.md, line-throughput).
DROP INDEX epcis_event_epc_event_ix;
DROP INDEX epcis_event_field_event_ix;
DROP INDEX epcis_event_biztx_event_ix;
DROP INDEX epcis_event_srcdest_event_ix;
DROP INDEX epcis_subscription_query_ix;
DROP INDEX partner_site_party_ix;
DROP INDEX recall_exception_recall_ix;
