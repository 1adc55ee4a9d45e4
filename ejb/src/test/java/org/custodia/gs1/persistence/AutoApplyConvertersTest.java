package org.custodia.gs1.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.custodia.gs1.Gtin;
import org.custodia.gs1.LotNumber;
import org.custodia.gs1.SerialNumber;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Checks with Hibernate (the WildFly JPA provider) on in-memory H2 that the records map to VARCHAR.
 */
@Tag("ID-1")
class AutoApplyConvertersTest {

  private SessionFactory sessions;

  @BeforeEach
  void startHibernate() {
    sessions =
        new Configuration()
            .addAnnotatedClass(ConverterProbe.class)
            .addAnnotatedClass(GtinConverter.class)
            .addAnnotatedClass(SerialNumberConverter.class)
            .addAnnotatedClass(LotNumberConverter.class)
            .setProperty("hibernate.connection.url", "jdbc:h2:mem:gs1converters;DB_CLOSE_DELAY=-1")
            .setProperty("hibernate.connection.username", "sa")
            .setProperty("hibernate.connection.password", "")
            .setProperty("hibernate.hbm2ddl.auto", "create-drop")
            .setProperty("hibernate.type.json_format_mapper", NoJsonFormatMapper.class.getName())
            .buildSessionFactory();
  }

  @AfterEach
  void stopHibernate() {
    sessions.close();
  }

  @Test
  void storesValueObjectsAsStringsWithoutNamingTheConverter() {
    // given
    ConverterProbe probe =
        new ConverterProbe(
            1L, Gtin.of("9506000134352"), SerialNumber.of("A/1"), LotNumber.of("L1"));

    // when
    sessions.inTransaction(s -> s.persist(probe));
    String column =
        sessions.fromSession(
            s ->
                (String)
                    s.createNativeQuery("select gtin from ConverterProbe", String.class)
                        .getSingleResult());
    ConverterProbe loaded = sessions.fromSession(s -> s.find(ConverterProbe.class, 1L));

    // then
    assertEquals("09506000134352", column);
    assertEquals(Gtin.of("09506000134352"), loaded.gtin());
    assertEquals(SerialNumber.of("A/1"), loaded.serial());
    assertEquals(LotNumber.of("L1"), loaded.lot());
  }
}
