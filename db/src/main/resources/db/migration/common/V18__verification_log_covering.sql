-- The verification responder reads the log twice a request (VER-3's anomaly rules): the unit's earlier
-- verifications within the conflict window, and a requester's failed ones within the failure window. With
-- indexes on (gtin, serial, time) and (requester, time) both had to fetch each row from the table (and a
-- busy requester's successful verifications too, to skip them): under a sustained load, those row reads
-- were an eighth of the server's time. The indexes now hold what the rules read.
DROP INDEX verification_log_unit_ix;
CREATE INDEX verification_log_unit_ix ON verification_log (gtin, serial, verified_at, id, requester_gln, verified, reason);
DROP INDEX verification_log_requester_ix;
CREATE INDEX verification_log_requester_ix ON verification_log (requester_gln, verified, verified_at);
