/** Event storage and the current-state projection in plain JDBC batches: the repository's hot path. */
package org.custodia.epcis.infrastructure.persistence;
