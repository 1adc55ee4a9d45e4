/** Audit records as readers see them. */
package org.custodia.audit.domain;
