/** The refusals of the DSCSA profile. */
package org.custodia.compliance.domain;
