-- EPCIS capture jobs (EPC-2): a captured document is staged here and processed asynchronously; the job
-- reports running/success/errors as GS1's REST binding describes. Events remember the job that stored
-- them, so a job that must roll back can remove exactly its own events.

CREATE SEQUENCE capture_job_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE capture_job (
  id              NUMBER(19)    NOT NULL,
  capture_id      VARCHAR2(40)  NOT NULL,
  status          VARCHAR2(10)  NOT NULL,
  success         NUMBER(1)     NOT NULL,
  error_behaviour VARCHAR2(10)  NOT NULL,
  media_type      VARCHAR2(100) NOT NULL,
  document_size   NUMBER(19)    NOT NULL,
  event_count     NUMBER(10),
  stored_count    NUMBER(10),
  known_count     NUMBER(10),
  errors          CLOB,
  captured_by     VARCHAR2(100) NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at     TIMESTAMP WITH TIME ZONE,
  CONSTRAINT capture_job_pk PRIMARY KEY (id),
  CONSTRAINT capture_job_capture_id_uq UNIQUE (capture_id),
  CONSTRAINT capture_job_status_ck CHECK (status IN ('RECEIVED', 'RUNNING', 'DONE')),
  CONSTRAINT capture_job_behaviour_ck CHECK (error_behaviour IN ('rollback', 'proceed'))
);
CREATE INDEX capture_job_created_ix ON capture_job (created_at);

CREATE TABLE capture_document (
  job_id  NUMBER(19) NOT NULL,
  content BLOB       NOT NULL,
  CONSTRAINT capture_document_pk PRIMARY KEY (job_id),
  CONSTRAINT capture_document_job_fk FOREIGN KEY (job_id) REFERENCES capture_job (id)
);

ALTER TABLE epcis_event ADD capture_job_id NUMBER(19);
CREATE INDEX epcis_event_capture_job_ix ON epcis_event (capture_job_id);
