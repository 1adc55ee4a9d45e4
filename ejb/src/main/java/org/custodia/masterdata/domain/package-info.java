/** Master data value types: products by GTIN, locations by GLN and trading partners, checked on construction. */
package org.custodia.masterdata.domain;
