package org.custodia.serialization.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.custodia.gs1.Gtin;
import org.custodia.gs1.persistence.GtinConverter;
import org.custodia.gs1.persistence.NoJsonFormatMapper;
import org.custodia.platform.TestDatabases;
import org.custodia.serialization.domain.SerialAllocation;
import org.custodia.serialization.domain.SerialCharset;
import org.custodia.serialization.domain.SerialNumberSpace;
import org.custodia.serialization.domain.SerialOrder;
import org.custodia.serialization.domain.SerialPool;
import org.custodia.serialization.infrastructure.persistence.JpaSerialPoolRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SER-2 on the real schema (Flyway migrations) in H2's Oracle mode: many threads allocate through two
 * independent Hibernate session factories, each with its own connection pool — two "nodes" sharing one
 * database — from two pools that share one serial space, and no serial is ever handed out twice.
 */
@Tag("SER-2")
class SerialAllocationConcurrencyTest {

  private static final Gtin GTIN = Gtin.of("09506000134352");

  @TempDir Path dir;
  private JdbcDataSource dataSource;
  private SessionFactory nodeA;
  private SessionFactory nodeB;

  @BeforeEach
  void database() throws Exception {
    dataSource = TestDatabases.migrated(dir);
    String url = dataSource.getURL();
    nodeA = node(url);
    nodeB = node(url);
  }

  private static SessionFactory node(String url) {
    return new Configuration()
        .addAnnotatedClass(SerialPool.class)
        .addAnnotatedClass(SerialNumberSpace.class)
        .addAnnotatedClass(SerialAllocation.class)
        .addAnnotatedClass(GtinConverter.class)
        .setProperty("hibernate.connection.url", url)
        .setProperty("hibernate.connection.username", "sa")
        .setProperty("hibernate.connection.password", "sa")
        .setProperty("hibernate.connection.pool_size", "4")
        .setProperty("hibernate.hbm2ddl.auto", "none")
        .setProperty("hibernate.type.json_format_mapper", NoJsonFormatMapper.class.getName())
        .buildSessionFactory();
  }

  @AfterEach
  void close() {
    nodeA.close();
    nodeB.close();
  }

  private long createPool(SessionFactory node, SerialOrder order, int length, Long capacity) {
    List<String> markets = order == SerialOrder.RANDOM ? List.of("EU") : List.of("US");
    return node.fromTransaction(
        s -> {
          JpaSerialPoolRepository repo = new JpaSerialPoolRepository(s);
          SerialNumberSpace space =
              repo.findSpace(GTIN, length)
                  .orElseGet(
                      () -> {
                        SerialNumberSpace sp =
                            SerialNumberSpace.open(GTIN, SerialCharset.NUMERIC, length, order, null, markets, new Random());
                        repo.store(sp);
                        return sp;
                      });
          SerialPool pool = SerialPool.generated(space, capacity, markets, "test", OffsetDateTime.now());
          repo.store(pool);
          return pool.id();
        });
  }

  private Allocation allocate(SessionFactory node, long pool, int count) {
    return node.fromTransaction(
        s -> SerialAllocator.allocate(new JpaSerialPoolRepository(s), pool, count, "test", "concurrency", OffsetDateTime.now()));
  }

  @Test
  void neverIssuesASerialTwiceAcrossThreadsNodesAndPools() throws Exception {
    // given two pools sharing one random serial space
    long pool1 = createPool(nodeA, SerialOrder.RANDOM, 12, 1_000_000L);
    long pool2 = createPool(nodeB, SerialOrder.RANDOM, 12, 1_000_000L);
    ConcurrentLinkedQueue<String> issued = new ConcurrentLinkedQueue<>();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    List<Future<?>> work = new ArrayList<>();

    // when 8 threads allocate 40 ranges each, alternating nodes and pools
    for (int t = 0; t < 8; t++) {
      SessionFactory node = t % 2 == 0 ? nodeA : nodeB;
      long pool = t % 4 < 2 ? pool1 : pool2;
      int size = 50 + t * 7;
      work.add(
          threads.submit(
              () -> {
                for (int i = 0; i < 40; i++) {
                  issued.addAll(allocate(node, pool, size).serials());
                }
                return null;
              }));
    }
    for (Future<?> f : work) {
      f.get(5, TimeUnit.MINUTES);
    }
    threads.shutdown();

    // then every serial is distinct, and the database accounts for exactly what was handed out
    int expected = 0;
    for (int t = 0; t < 8; t++) {
      expected += 40 * (50 + t * 7);
    }
    Set<String> distinct = new HashSet<>(issued);
    assertEquals(expected, issued.size());
    assertEquals(expected, distinct.size(), "a serial was issued twice");
    assertEquals(expected, scalar("SELECT next_counter FROM serial_space"));
    assertEquals(expected, scalar("SELECT SUM(serial_count) FROM serial_allocation"));
    assertEquals(expected, scalar("SELECT SUM(issued) FROM serial_pool"));
  }

  @Test
  void aRequestThatDiesBeforeCommitHandsOutNothingAndLaterSerialsStayUnique() throws Exception {
    // given a pool and one committed allocation
    long pool = createPool(nodeA, SerialOrder.RANDOM, 10, 10_000L);
    Set<String> handedOut = new HashSet<>(allocate(nodeA, pool, 100).serials());

    // when a request on node A allocates and then dies before its commit (the connection is closed)
    var session = nodeA.openSession();
    session.beginTransaction();
    Allocation lost = SerialAllocator.allocate(new JpaSerialPoolRepository(session), pool, 100, "test", "crash", OffsetDateTime.now());
    session.close();
    nodeA.close();
    // and node B goes on allocating
    List<String> after = allocate(nodeB, pool, 300).serials();

    // then the dead request's range counts as never issued, and nothing committed is ever repeated
    assertEquals(100, lost.serials().size());
    for (String s : after) {
      assertTrue(handedOut.add(s), "serial issued twice: " + s);
    }
    assertEquals(400, scalar("SELECT issued FROM serial_pool"));
    assertEquals(2, scalar("SELECT COUNT(*) FROM serial_allocation"));
    nodeA = node(dataSource.getURL());
  }

  @Test
  void poolCapacityHoldsUnderConcurrentRequests() throws Exception {
    // given a pool of 1,000 serials
    long pool = createPool(nodeA, SerialOrder.SEQUENTIAL, 8, 1_000L);
    ExecutorService threads = Executors.newFixedThreadPool(6);
    ConcurrentLinkedQueue<String> issued = new ConcurrentLinkedQueue<>();
    List<Future<Integer>> work = new ArrayList<>();

    // when 6 threads each try to take 300 in ranges of 30 (1,800 asked for)
    for (int t = 0; t < 6; t++) {
      SessionFactory node = t % 2 == 0 ? nodeA : nodeB;
      work.add(
          threads.submit(
              () -> {
                int refused = 0;
                for (int i = 0; i < 10; i++) {
                  try {
                    issued.addAll(allocate(node, pool, 30).serials());
                  } catch (org.custodia.serialization.domain.SerialPoolException e) {
                    refused++;
                  }
                }
                return refused;
              }));
    }
    int refused = 0;
    for (Future<Integer> f : work) {
      refused += f.get(5, TimeUnit.MINUTES);
    }
    threads.shutdown();

    // then exactly the capacity was issued (33 ranges of 30 = 990; the 34th would exceed 1,000)
    assertEquals(990, issued.size());
    assertEquals(990, new HashSet<>(issued).size());
    assertEquals(60 - 33, refused);
    assertThrows(
        org.custodia.serialization.domain.SerialPoolException.class, () -> allocate(nodeB, pool, 11));
  }

  private long scalar(String sql) throws Exception {
    try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
