/** The REST endpoints of the product and location master data. */
package org.custodia.masterdata.interfaces.rest;
