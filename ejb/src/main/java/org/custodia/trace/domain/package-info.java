/** Trace and recall values and rules, free of the container: identifier reading, scope and grouping. */
package org.custodia.trace.domain;
