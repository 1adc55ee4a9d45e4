/** JDBC storage of the pack states, their history and the batch states (tables of V16). */
package org.custodia.lifecycle.infrastructure.persistence;
