-- Product and location master data (EPC-4, MKT-1): what a DSCSA EPCIS file must carry in its header
-- (the EPCClass and Location vocabularies of the GS1 US healthcare guideline), and what later market
-- profiles and trading partners (issue 5) will build on. One row per GTIN and one per GLN; an SGLN with
-- an extension (a dock door, a room) takes the address of its GLN.

CREATE TABLE product_master (
  gtin                   VARCHAR2(14)  NOT NULL,
  ndc                    VARCHAR2(20),
  regulated_product_name VARCHAR2(200) NOT NULL,
  manufacturer_name      VARCHAR2(200) NOT NULL,
  dosage_form            VARCHAR2(100),
  strength               VARCHAR2(100),
  net_content            VARCHAR2(100),
  updated_by             VARCHAR2(100) NOT NULL,
  updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT product_master_pk PRIMARY KEY (gtin)
);

CREATE TABLE location_master (
  gln                VARCHAR2(13)  NOT NULL,
  name               VARCHAR2(200) NOT NULL,
  street_address_one VARCHAR2(200) NOT NULL,
  street_address_two VARCHAR2(200),
  city               VARCHAR2(100) NOT NULL,
  state              VARCHAR2(100),
  postal_code        VARCHAR2(20),
  country_code       VARCHAR2(2)   NOT NULL,
  updated_by         VARCHAR2(100) NOT NULL,
  updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT location_master_pk PRIMARY KEY (gln)
);
