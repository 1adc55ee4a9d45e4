/** The REST endpoints of the supply-chain exceptions. */
package org.custodia.exceptions.interfaces.rest;
