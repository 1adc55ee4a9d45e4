/** REST API of the serialization feature (DESIGN.md contracts): pools, allocations, imports, commissioning. */
package org.custodia.serialization.interfaces.rest;
