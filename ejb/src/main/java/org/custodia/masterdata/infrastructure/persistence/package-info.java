/** JDBC access to the product and location master tables (migration V7) and the trading partners (V13). */
package org.custodia.masterdata.infrastructure.persistence;
