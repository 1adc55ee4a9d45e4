/** Persistence helpers every feature's repositories share. */
package org.custodia.platform.persistence;
