/** SSCC pools, containers and containment links in plain JDBC. */
package org.custodia.aggregation.infrastructure.persistence;
