/** Services over the master data. */
package org.custodia.masterdata.application;
