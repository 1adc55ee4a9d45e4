-- H2 only (the embedded default). An event's document is a CLOB; H2 keeps a CLOB longer than
-- MAX_LENGTH_INPLACE_LOB (256 characters by default) in its separate LOB storage: several extra map
-- entries written per event at capture, and a copy into temporary LOB storage for each document a
-- sorted query answers. Almost every event document is shorter than 4 KiB, so it now stays in its row.
-- A persistent database setting; documents stored before keep their place.
SET MAX_LENGTH_INPLACE_LOB 4096;
