/** The packing rules (AGG-3), the SSCC pool arithmetic and the containment model, in plain Java. */
package org.custodia.aggregation.domain;
