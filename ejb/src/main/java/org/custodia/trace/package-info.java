/** Trace and recall (RCL-1 to RCL-4): where a unit or container is, where it has been, and recalls. */
package org.custodia.trace;
