package org.custodia.line.api;

/**
 * Hands out connections to the packaging lines behind one OPC UA server, pooled by the container.
 *
 * <p>Look it up from JNDI ({@link LineJndi#CONNECTION_FACTORY}) or inject it with {@code
 * @Resource(lookup = ...)}; close each connection as soon as the call is done so that it returns to
 * the pool.
 */
public interface LineConnectionFactory {

  /** A connection from the pool; close it when done (try-with-resources). */
  LineConnection getConnection() throws LineException;
}
