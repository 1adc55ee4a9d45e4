/** UI parts every screen shares: the signed-in user and the session. */
package org.custodia.platform.interfaces.web;
