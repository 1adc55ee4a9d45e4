/** JDBC access to the supply_exception table (migration V13). */
package org.custodia.exceptions.infrastructure.persistence;
