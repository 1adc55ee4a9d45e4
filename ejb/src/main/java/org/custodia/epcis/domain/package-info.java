/** EPCIS events as the repository understands them. */
package org.custodia.epcis.domain;
