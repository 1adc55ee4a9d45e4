/** Raising, listing and resolving supply-chain exceptions. */
package org.custodia.exceptions.application;
