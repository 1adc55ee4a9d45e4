package org.custodia.platform;

/** The JNDI names of the server resources that wildfly-config/ creates; the one place they are written. */
public final class Jndi {

  public static final String DATASOURCE = "java:jboss/datasources/CustodiaDS";
  public static final String JMS_XA_FACTORY = "java:/JmsXA";
  public static final String EPCIS_CAPTURE_QUEUE = "java:/jms/queue/custodia/EpcisCapture";
  public static final String EPCIS_STORED_TOPIC = "java:/jms/topic/custodia/EpcisStored";
  public static final String EXCEPTION_ALERTS_TOPIC = "java:/jms/topic/custodia/ExceptionAlerts";
  /** The same topic for remote JMS clients (WildFly exports what is bound under java:jboss/exported). */
  public static final String EXCEPTION_ALERTS_TOPIC_EXPORTED = "java:jboss/exported/jms/topic/custodia/ExceptionAlerts";
  public static final String DEAD_LETTER_QUEUE = "java:/jms/queue/custodia/DLQ";

  private Jndi() {}
}
