/** The trace and recall REST APIs of DESIGN.md "Public interfaces" (RCL-1 to RCL-3). */
package org.custodia.trace.interfaces.rest;
