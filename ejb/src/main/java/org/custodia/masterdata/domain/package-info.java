/** Master data value types: products by GTIN and locations by GLN, checked on construction. */
package org.custodia.masterdata.domain;
