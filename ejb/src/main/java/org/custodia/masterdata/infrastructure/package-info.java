/** How master data is stored. */
package org.custodia.masterdata.infrastructure;
