/** Master data: company prefixes, products, sites and partners. */
package org.custodia.masterdata;
