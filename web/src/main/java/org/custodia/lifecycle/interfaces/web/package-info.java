/** The packs page: decommissioning, undo and batch states for people (LIFE-2). */
package org.custodia.lifecycle.interfaces.web;
