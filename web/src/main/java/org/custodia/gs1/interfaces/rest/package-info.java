/** REST API of the GS1 library: parse and analyse element strings and Digital Links, render and read codes. */
package org.custodia.gs1.interfaces.rest;
