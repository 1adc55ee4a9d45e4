-- AUD-1: the audit trail as eight hash chains instead of one. Every audited transaction appended to the one
-- chain under its head row's lock, held through the two-phase commit, so the whole server committed audited
-- transactions one at a time (ten packaging lines: 170 s of waits for the head in 45 s, JFR 2026-11-27).
-- A transaction now appends its records to one chain of eight; each chain is hash-linked as before, and
-- a record's chain is part of what its links prove: chain 1 is the chain so far (every existing record,
-- genesis hash 64 zeros), chain n of 2 to 8 starts from SHA-256 of 'custodia-audit-chain-n'.
ALTER TABLE audit_chain_head DROP CONSTRAINT audit_chain_head_one_ck;
ALTER TABLE audit_chain_head ADD CONSTRAINT audit_chain_head_id_ck CHECK (id BETWEEN 1 AND 8);
INSERT INTO audit_chain_head (id, last_id, last_hash)
  VALUES (2, 0, 'cf12c53f4e340eaa2e3723c27aa142dd3a707fc187394cb5dcf68631e6f3bdd9');
INSERT INTO audit_chain_head (id, last_id, last_hash)
  VALUES (3, 0, '759ff35a58976ebd8e42ebc6e77e10028b0f423e0b93d0a38800809386134313');
INSERT INTO audit_chain_head (id, last_id, last_hash)
  VALUES (4, 0, 'ec0f255b80996ae3e783cd012cf8030008d22429d24270e11552920ca3f98666');
INSERT INTO audit_chain_head (id, last_id, last_hash)
  VALUES (5, 0, '9cf22b1d193f456c23854e94387f688c86e20fdb2e3bf4818ae6cf279cb62aa4');
INSERT INTO audit_chain_head (id, last_id, last_hash)
  VALUES (6, 0, 'c2b8073dbe8401f42e67623432822b9cc6c215af51972e40fe3f9abb1731ebb8');
INSERT INTO audit_chain_head (id, last_id, last_hash)
  VALUES (7, 0, '670ec423a50f81e1dda71f0b0fb58fbc5f9e4e99357b05d7afc7d56a0d11aba1');
INSERT INTO audit_chain_head (id, last_id, last_hash)
  VALUES (8, 0, 'ba96c2386594f6e76020c22d9509c89032035c6d2fc442dfdb28f85f3ee72b54');
ALTER TABLE audit_record ADD chain_id NUMBER(1) DEFAULT 1 NOT NULL;
