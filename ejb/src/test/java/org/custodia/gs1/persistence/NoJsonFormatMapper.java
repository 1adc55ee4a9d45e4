package org.custodia.gs1.persistence;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;

/**
 * Stands in for Hibernate's JSON format mapper in plain unit tests: the Jakarta EE API jar puts
 * JSON-B on the test classpath without an implementation (WildFly supplies Yasson), and Hibernate
 * would otherwise fail to start even though no JSON column is mapped.
 */
public class NoJsonFormatMapper implements FormatMapper {

  @Override
  public <T> T fromString(CharSequence charSequence, JavaType<T> javaType, WrapperOptions options) {
    throw new UnsupportedOperationException("JSON columns are not used in this test");
  }

  @Override
  public <T> String toString(T value, JavaType<T> javaType, WrapperOptions options) {
    throw new UnsupportedOperationException("JSON columns are not used in this test");
  }
}
