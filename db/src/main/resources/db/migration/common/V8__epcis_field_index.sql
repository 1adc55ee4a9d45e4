-- Index of the EPCIS fields the query parameters with flexible names ask for (EPC-2, IOT-1), one row per
-- value, filled at capture from the event's JSON-LD:
--   area EXT, ILMD, ERROR_DECLARATION, READPOINT, BIZLOCATION, SENSORELEMENT, SENSORMETADATA,
--        SENSORREPORT: top-level extension fields of that part of the event, and INNER_<area> for
--        extension fields nested at any depth inside them; name is the expanded {namespace}local name,
--        the namespace without a trailing '/', '#' or ':' (XML and JSON-LD spellings of one namespace);
--   area SENSOR: the standard sensor fields (type, deviceID, time, startTime, value_<uom>, minValue_<uom>,
--        ..., percRank, sensorElementList as a presence marker);
--   area ERROR: errorDeclaration (time_value = declarationTime), reason, correctiveEventID;
--   area STD: transformationID, persistentDisposition.set / .unset, quantity and quantity_<uom>.
-- A value is kept as text (str_value, when at most 1000 bytes), as a number (num_value) when it reads
-- as one and as a point in time (time_value) when it reads as a date-time or date, so EQ_ compares
-- text and GT_/GE_/LT_/LE_ compare numbers or times, each through its own index.
CREATE TABLE epcis_event_field (
  event_pk   NUMBER(19)     NOT NULL,
  area       VARCHAR2(24)   NOT NULL,
  name       VARCHAR2(500)  NOT NULL,
  str_value  VARCHAR2(1000),
  num_value  NUMBER,
  time_value TIMESTAMP WITH TIME ZONE,
  CONSTRAINT epcis_event_field_event_fk FOREIGN KEY (event_pk) REFERENCES epcis_event (id)
);
CREATE INDEX epcis_event_field_str_ix ON epcis_event_field (area, name, str_value, event_pk);
CREATE INDEX epcis_event_field_num_ix ON epcis_event_field (area, name, num_value, event_pk);
CREATE INDEX epcis_event_field_time_ix ON epcis_event_field (area, name, time_value, event_pk);
CREATE INDEX epcis_event_field_event_ix ON epcis_event_field (event_pk);

-- The namespace prefixes captured documents declared, so a query may name a field prefix:local without
-- a GS1-Extensions header; a prefix bound to different namespaces by different senders has one row each.
CREATE TABLE epcis_namespace (
  prefix    VARCHAR2(100) NOT NULL,
  namespace VARCHAR2(400) NOT NULL,
  CONSTRAINT epcis_namespace_pk PRIMARY KEY (prefix, namespace)
);
