/** The containers page: open a case or pallet, take children out, replace one, pack a new one (AGG-2). */
package org.custodia.aggregation.interfaces.web;
