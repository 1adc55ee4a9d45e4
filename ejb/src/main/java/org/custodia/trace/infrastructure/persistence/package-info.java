/** JDBC look-ups on the current-state projection, the event index and the recall tables. */
package org.custodia.trace.infrastructure.persistence;
