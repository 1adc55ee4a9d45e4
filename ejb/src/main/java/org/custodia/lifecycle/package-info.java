/** A pack's life after the line (issue 5): handoffs, pack states with EU FMD semantics, their undo rules. */
package org.custodia.lifecycle;
