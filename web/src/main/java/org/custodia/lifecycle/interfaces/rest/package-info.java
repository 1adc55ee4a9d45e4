/** REST resources for pack decommissioning, its undo and batch states (LIFE-2). */
package org.custodia.lifecycle.interfaces.rest;
