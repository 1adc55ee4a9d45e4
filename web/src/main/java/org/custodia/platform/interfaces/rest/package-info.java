/** The REST API's shared parts: the application, authentication, and RFC 9457 problem documents. */
package org.custodia.platform.interfaces.rest;
