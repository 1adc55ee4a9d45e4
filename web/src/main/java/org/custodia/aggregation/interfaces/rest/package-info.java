/** REST API of the aggregation feature: changing cases and pallets at a distribution point (AGG-2, AGG-3). */
package org.custodia.aggregation.interfaces.rest;
