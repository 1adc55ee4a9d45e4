/** JDBC access to the product and location master tables (migration V7). */
package org.custodia.masterdata.infrastructure.persistence;
